// Jobs: preview a bulk job with a dry run, start it, watch its progress and cancel it. The form builds the same
// body a script sends to POST /api/v1/stores/{store}/jobs.
import {api, query, seg} from './api.js';
import {confirmAction, parseJson, say, sayError} from './app.js';
import {field, fill, h, refreshIfChanged, table, when} from './dom.js';

const REFRESH_MILLIS = 2000;

export async function showJobs(view) {
  const preview = h('div', {});
  const list = h('div', {});
  fill(view.main, h('h1', {}, 'Jobs'), view.user.canChange ? jobForm(preview, () => refresh()) : null,
      h('section', {'aria-labelledby': 'jobs-title'}, h('h2', {id: 'jobs-title'}, 'Recent jobs'), list), preview);
  const refresh = async () => {
    try {
      const {jobs} = await api('GET', `/jobs${query({limit: 20})}`);
      refreshIfChanged(list, jobs, () => jobTable(view, jobs, refresh));
    } catch (error) {
      sayError(error);
    }
  };
  await refresh();
  view.every(REFRESH_MILLIS, refresh);
}

function jobForm(preview, refresh) {
  const store = h('input', {type: 'text', name: 'store', required: true, value: 'PlayerData', autocomplete: 'off'});
  const kind = h('select', {name: 'kind'}, h('option', {value: 'patch'}, 'patch: apply a JSON Patch'),
      h('option', {value: 'migrate'}, 'migrate: bring records to the latest migration step'),
      h('option', {value: 'restore'}, 'restore: bring records back to a point in time'));
  const patch = h('textarea', {name: 'patch', rows: 3, spellcheck: 'false'},
      '[{"op": "add", "path": "/gems", "value": 0}]');
  const wherePointer = h('input', {type: 'text', name: 'where-pointer', placeholder: '/level', autocomplete: 'off'});
  const whereEquals = h('input', {type: 'text', name: 'where-equals', placeholder: '1', autocomplete: 'off'});
  const at = h('input', {type: 'text', name: 'at', value: new Date().toISOString(), autocomplete: 'off'});
  const patchFields = h('div', {}, field('JSON Patch', patch),
      h('fieldset', {}, h('legend', {}, 'Only records where (optional)'),
          field('JSON Pointer', wherePointer), field('equals (JSON value)', whereEquals)));
  const atField = field('Point in time (RFC 3339)', at, 'Each record gets the latest version saved at or before it.');
  const showKindFields = () => {
    patchFields.hidden = kind.value !== 'patch';
    atField.hidden = kind.value !== 'restore';
  };
  kind.addEventListener('change', showKindFields);
  showKindFields();
  const body = (dryRun) => {
    const request = {kind: kind.value, dryRun};
    if (kind.value === 'patch') {
      request.patch = parseJson(patch.value, 'The JSON Patch');
      if (wherePointer.value) {
        request.where = {pointer: wherePointer.value, equals: parseJson(whereEquals.value, 'The "equals" value')};
      }
    } else if (kind.value === 'restore') {
      request.at = at.value;
    }
    return request;
  };
  const path = () => `/stores/${seg(store.value)}/jobs`;
  const dryRun = h('button', {type: 'button', onclick: async () => {
    try {
      const {matches} = await api('POST', path(), {body: body(true)});
      fill(preview, h('section', {'aria-labelledby': 'preview-title'},
          h('h2', {id: 'preview-title'}, 'Dry run: records the job would change'),
          matches.length === 0 ? h('p', {}, 'No record would change.')
              : h('ul', {class: 'matches'}, matches.map((match) => h('li', {},
                  h('a', {href: `#/records/${seg(store.value)}/${seg(match.key)}`}, match.key))))));
      say(`The dry run found ${matches.length} record(s)${matches.length >= 100 ? ' (the first 100 shown)' : ''}.`);
    } catch (error) {
      sayError(error);
    }
  }}, 'Preview (dry run)');
  return h('form', {'aria-labelledby': 'start-title', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const request = body(false);
      const sure = await confirmAction(`Start a ${request.kind} job on ${store.value}?`, 'It changes every'
          + ' matching record, held or not, the lock-safe way; it can be cancelled between two records.', 'Start job');
      if (!sure) {
        return;
      }
      const job = await api('POST', path(), {body: request});
      say(`Job ${job.id} started over ${job.total} record(s).`, 'ok');
      await refresh();
    } catch (error) {
      sayError(error);
    }
  }}, h('h2', {id: 'start-title'}, 'Start a bulk job'), field('Store', store), field('Kind', kind), patchFields,
  atField, h('div', {class: 'actions'}, dryRun, h('button', {type: 'submit'}, 'Start job')));
}

function jobTable(view, jobs, refresh) {
  return table('Newest first, refreshed every few seconds', ['Job', 'Kind', 'Store', 'State', 'Progress', 'Done',
    'Skipped', 'Failed', 'Started', 'Finished', 'Actions'], jobs.map((job) => {
    const handled = job.done + job.skipped + job.failed;
    const progress = h('progress', {max: Math.max(job.total, 1), value: job.total === 0 ? 1 : handled,
      'aria-label': `Job ${job.id}: ${handled} of ${job.total} records handled`});
    const cancel = view.user.canChange && job.state === 'running' ? h('button', {type: 'button',
      'aria-label': `Cancel job ${job.id}`, onclick: async () => {
        try {
          await api('DELETE', `/jobs/${seg(job.id)}`);
          say(`Cancel asked for job ${job.id}: it stops between two records.`, 'ok');
          await refresh();
        } catch (error) {
          sayError(error);
        }
      }}, 'Cancel') : '';
    return [h('span', {class: 'mono', title: job.id}, job.id.substring(0, 8)), job.kind, job.store,
      h('span', {class: `state state-${job.state}`, dataset: {job: job.id}}, job.state),
      h('span', {}, progress, ` ${handled} / ${job.total}`), String(job.done), String(job.skipped),
      job.failed ? h('span', {class: 'warn', title: job.errors.map((e) => `${e.key}: ${e.detail}`).join('\n')},
          String(job.failed)) : '0', when(job.startedAt), when(job.finishedAt), cancel];
  }), 'No job yet.');
}
