// Records: find one by store and key or every record of a user id; see its data, lock and versions; compare two
// versions; and, for admins, edit, restore, message or erase it. Each change is a call of the HTTP API that goes the
// lock-safe way (a held record is changed by the node that holds it), never a blind write.
import {api, ApiError, query, seg} from './api.js';
import {confirmAction, parseJson, say, sayError} from './app.js';
import {diffTable, jsonDiff} from './diff.js';
import {field, fill, h, table, when} from './dom.js';
import {jsonTree} from './json-view.js';

/** Fragment marker of a user id search; '@' is not allowed in store names. */
const BY_USER = '@';
const PAGE = 20;

export async function showRecords(view, [store, key]) {
  const results = h('div', {});
  fill(view.main, h('h1', {}, 'Records'), findForms(store === BY_USER ? {user: key} : {store, key}), results);
  if (store === BY_USER && key) {
    await showUser(results, key);
  } else if (store && key) {
    await showRecord(view, results, store, key);
  }
}

function findForms(current) {
  const store = h('input', {type: 'text', name: 'store', required: true, value: current.store || 'PlayerData',
    pattern: '[A-Za-z0-9_.:\\-]{1,50}', autocomplete: 'off'});
  const key = h('input', {type: 'text', name: 'key', required: true, value: current.key || '',
    pattern: '[A-Za-z0-9_.:\\-]{1,50}', autocomplete: 'off'});
  const byKey = h('form', {class: 'inline', 'aria-labelledby': 'find-key-title', onsubmit: (event) => {
    event.preventDefault();
    window.location.hash = `#/records/${seg(store.value)}/${seg(key.value)}`;
  }}, h('h2', {id: 'find-key-title'}, 'By store and key'), field('Store', store), field('Key', key),
  h('button', {type: 'submit'}, 'Open record'));
  const user = h('input', {type: 'text', name: 'user', required: true, value: current.user || '',
    pattern: '[A-Za-z0-9_.:\\-]{1,64}', autocomplete: 'off'});
  const byUser = h('form', {class: 'inline', 'aria-labelledby': 'find-user-title', onsubmit: (event) => {
    event.preventDefault();
    window.location.hash = `#/records/${BY_USER}/${seg(user.value)}`;
  }}, h('h2', {id: 'find-user-title'}, 'By user id'), field('User id', user),
  h('button', {type: 'submit'}, 'Find records'));
  return h('div', {class: 'finders'}, byKey, byUser);
}

async function showUser(results, userId) {
  try {
    const {records} = await api('GET', `/users/${seg(userId)}`);
    fill(results, h('h2', {}, `Records of user ${userId}`), table(`${records.length} record(s) list this user id`,
        ['Store', 'Key', 'Version', 'Lock'], records.map((record) => [record.store,
          h('a', {href: `#/records/${seg(record.store)}/${seg(record.key)}`}, record.key), String(record.version),
          lockText(record.lock)]), 'No record lists this user id.'));
  } catch (error) {
    sayError(error);
  }
}

async function showRecord(view, results, store, key) {
  const path = `/stores/${seg(store)}/records/${seg(key)}`;
  let record;
  try {
    record = await api('GET', path);
  } catch (error) {
    fill(results, h('p', {}, error instanceof ApiError && error.status === 404
        ? `There is no record ${key} in ${store}.` : error.message));
    return;
  }
  const versionsPanel = h('section', {'aria-labelledby': 'versions-title'});
  const comparePanel = h('div', {});
  const messagesPanel = h('section', {'aria-labelledby': 'messages-title'});
  const reload = () => showRecord(view, results, store, key);
  fill(results,
      h('h2', {id: 'record-title'}, `${store} / ${key}`),
      h('dl', {class: 'facts'},
          h('dt', {}, 'Version'), h('dd', {id: 'record-version'}, String(record.version)),
          h('dt', {}, 'Schema version'), h('dd', {}, String(record.schemaVersion)),
          h('dt', {}, 'Updated'), h('dd', {}, when(record.updatedAt)),
          h('dt', {}, 'User ids'), h('dd', {}, record.userIds.length ? record.userIds.join(', ') : 'none'),
          h('dt', {}, 'Lock'), h('dd', {id: 'record-lock'}, lockText(record.lock))),
      h('section', {'aria-labelledby': 'data-title'}, h('h3', {id: 'data-title'}, 'Data'),
          jsonTree(record.data, key)),
      view.user.canChange ? changePanel(path, key, record, reload) : readOnlyNote(),
      versionsPanel, comparePanel, messagesPanel);
  await Promise.all([showVersions(view, versionsPanel, comparePanel, path, reload),
    showMessages(view, messagesPanel, path)]);
}

function lockText(lock) {
  if (!lock) {
    return 'free: no node holds it';
  }
  return `held by ${lock.owner} (generation ${lock.generation}, lease renewed ${
    new Date(lock.leaseRenewedAt).toLocaleString()})`;
}

function readOnlyNote() {
  return h('p', {class: 'note'}, 'You are signed in as a support user: you can see everything and change nothing.');
}

function changePanel(path, key, record, reload) {
  const format = h('select', {name: 'format'},
      h('option', {value: 'application/merge-patch+json'}, 'JSON Merge Patch (RFC 7396)'),
      h('option', {value: 'application/json-patch+json'}, 'JSON Patch (RFC 6902)'));
  const patch = h('textarea', {name: 'patch', rows: 4, spellcheck: 'false', required: true},
      '{}');
  const edit = h('form', {'aria-labelledby': 'edit-title', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const body = parseJson(patch.value, 'The patch');
      const after = await api('PATCH', path, {body, type: format.value});
      say(`Edited: ${key} is now at version ${after.version}.`, 'ok');
      await reload();
    } catch (error) {
      sayError(error);
    }
  }}, h('h3', {id: 'edit-title'}, 'Edit'),
  h('p', {class: 'hint'}, 'A held record is changed by the node that holds it, in the player\'s session; a free one'
      + ' is taken, changed and released. Either way it becomes a new version with reason "edit".'),
  field('Patch format', format), field('Patch', patch), h('button', {type: 'submit'}, 'Apply edit'));

  const message = h('textarea', {name: 'message', rows: 3, spellcheck: 'false', required: true},
      '{"gift": "welcome-back"}');
  const send = h('form', {'aria-labelledby': 'send-title', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const body = parseJson(message.value, 'The message');
      const sent = await api('POST', `${path}/messages`, {body});
      say(`Message ${sent.id} sent to ${key}.`, 'ok');
      await reload();
    } catch (error) {
      sayError(error);
    }
  }}, h('h3', {id: 'send-title'}, 'Send a message'),
  h('p', {class: 'hint'}, 'A JSON object the game receives in the session\'s messages, now if the player is online,'
      + ' at the next join if not.'),
  field('Message (JSON object)', message), h('button', {type: 'submit'}, 'Send message'));

  const erase = h('button', {type: 'button', class: 'danger', onclick: async () => {
    const sure = await confirmAction(`Erase ${key}?`, 'Its data, every version and its pending messages are deleted'
        + ' for good; a node holding it loses the session. The audit trail keeps only a one-way hash of the key.',
    'Erase for good', key);
    if (!sure) {
      return;
    }
    try {
      await api('DELETE', path);
      say(`${key} is erased.`, 'ok');
      await reload();
    } catch (error) {
      sayError(error);
    }
  }}, 'Erase record…');
  return h('section', {'aria-labelledby': 'change-title', class: 'changes'},
      h('h2', {id: 'change-title', class: 'visually-hidden'}, 'Change this record'), edit, send,
      h('div', {}, h('h3', {}, 'Erase'), erase));
}

async function showVersions(view, panel, comparePanel, path, reload) {
  const rows = [];
  const selected = new Set();
  const compare = h('button', {type: 'button', disabled: true, onclick: () => compareVersions(comparePanel, path,
      [...selected].sort((a, b) => a - b))}, 'Compare selected');
  const list = h('div', {});
  const more = h('button', {type: 'button', hidden: true}, 'Older versions');
  fill(panel, h('h2', {id: 'versions-title'}, 'Versions'),
      h('p', {class: 'hint'}, 'Newest first. Tick two to compare them.'), compare, list, more);
  const load = async (cursor) => {
    try {
      const page = await api('GET', `${path}/versions${query({limit: PAGE, cursor})}`);
      for (const version of page.versions) {
        rows.push(versionRow(view, version, path, selected, compare, comparePanel, reload));
      }
      fill(list, table('Versions of this record', ['Compare', 'Version', 'Saved', 'By', 'Reason', 'Bytes', 'Pinned',
        'Actions'], rows));
      more.hidden = !page.next;
      more.onclick = () => load(page.next);
    } catch (error) {
      sayError(error);
    }
  };
  await load(null);
}

function versionRow(view, version, path, selected, compare, comparePanel, reload) {
  const tick = h('input', {type: 'checkbox', 'aria-label': `Compare version ${version.version}`,
    onchange: (event) => {
      if (event.target.checked) {
        selected.add(version.version);
      } else {
        selected.delete(version.version);
      }
      compare.disabled = selected.size !== 2;
    }});
  const show = h('button', {type: 'button', onclick: async () => {
    try {
      const full = await api('GET', `${path}/versions/${version.version}`);
      fill(comparePanel, h('section', {'aria-labelledby': 'shown-title'},
          h('h2', {id: 'shown-title'}, `Version ${version.version}`), jsonTree(full.data, `version ${full.version}`)));
    } catch (error) {
      sayError(error);
    }
  }}, 'View');
  const restore = view.user.canChange ? h('button', {type: 'button', onclick: async () => {
    const sure = await confirmAction(`Restore version ${version.version}?`, `The record's data becomes that of`
        + ` version ${version.version} (saved ${new Date(version.savedAt).toLocaleString()}), as a new version`
        + ' with reason "restore". If a node holds the record, that node changes the player\'s session; nothing'
        + ' is written over it.', 'Restore');
    if (!sure) {
      return;
    }
    try {
      const after = await api('POST', `${path}/restore`, {body: {version: version.version}});
      say(`Restored version ${version.version}: the record is now at version ${after.version}.`, 'ok');
      await reload();
    } catch (error) {
      sayError(error);
    }
  }}, 'Restore') : null;
  return [tick, String(version.version), when(version.savedAt), version.savedBy || '—', version.reason,
    String(version.bytes), version.pinned ? 'pinned' : '', h('span', {class: 'row-actions'}, show, restore)];
}

async function compareVersions(panel, path, [older, newer]) {
  try {
    const [a, b] = await Promise.all([api('GET', `${path}/versions/${older}`), api('GET', `${path}/versions/${newer}`)]);
    const changes = jsonDiff(a.data, b.data);
    fill(panel, h('section', {'aria-labelledby': 'diff-title'}, h('h2', {id: 'diff-title'},
        `Version ${older} → version ${newer}`), diffTable(`${changes.length} change(s)`, changes)));
    panel.querySelector('h2').scrollIntoView();
  } catch (error) {
    sayError(error);
  }
}

async function showMessages(view, panel, path) {
  try {
    const {messages} = await api('GET', `${path}/messages`);
    fill(panel, h('h2', {id: 'messages-title'}, 'Pending messages'), table('Messages not yet consumed by the game',
        ['Id', 'Sent', 'Body', 'Actions'], messages.map((message) => [h('span', {class: 'mono'}, message.id),
          when(message.sentAt), h('code', {class: 'value'}, JSON.stringify(message.body)),
          view.user.canChange ? h('button', {type: 'button', 'aria-label': `Delete message ${message.id}`,
            onclick: async () => {
            try {
              await api('DELETE', `${path}/messages/${seg(message.id)}`);
              say(`Message ${message.id} deleted.`, 'ok');
              await showMessages(view, panel, path);
            } catch (error) {
              sayError(error);
            }
          }}, `Delete message`) : '']), 'No pending message.'));
  } catch (error) {
    fill(panel, h('h2', {id: 'messages-title'}, 'Pending messages'), h('p', {}, error.message));
  }
}
