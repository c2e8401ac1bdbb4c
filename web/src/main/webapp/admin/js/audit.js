// Audit: who did what (restores, edits, erasures, messages, jobs, pins, drains), newest first, filtered by action
// and time, a page at a time.
import {api, query} from './api.js';
import {sayError} from './app.js';
import {field, fill, h, table, when} from './dom.js';

const ACTIONS = ['restore', 'edit', 'erase', 'erase-user', 'message', 'job-start', 'job-cancel', 'pin', 'unpin',
  'drain'];
const PAGE = 50;

export async function showAudit(view) {
  const action = h('select', {name: 'action'}, h('option', {value: ''}, 'every action'),
      ACTIONS.map((name) => h('option', {value: name}, name)));
  const from = h('input', {type: 'text', name: 'from', placeholder: '2026-11-25T00:00:00Z', autocomplete: 'off'});
  const to = h('input', {type: 'text', name: 'to', placeholder: '2026-11-26T00:00:00Z', autocomplete: 'off'});
  const list = h('div', {});
  const more = h('button', {type: 'button', hidden: true}, 'Older entries');
  let entries = [];
  const load = async (cursor) => {
    try {
      const page = await api('GET', `/audit${query({action: action.value, from: from.value, to: to.value,
        limit: PAGE, cursor})}`);
      entries = cursor ? entries.concat(page.entries) : page.entries;
      fill(list, table('Admin actions, newest first', ['At', 'User', 'Action', 'Target', 'Outcome', 'Detail'],
          entries.map((e) => [when(e.at), e.user, e.action, h('span', {class: 'mono'}, e.target), e.outcome,
            e.detail || '']), 'No entry matches.'));
      more.hidden = !page.next;
      more.onclick = () => load(page.next);
    } catch (error) {
      sayError(error);
    }
  };
  const filter = h('form', {class: 'inline', 'aria-labelledby': 'filter-title', onsubmit: (event) => {
    event.preventDefault();
    load(null);
  }}, h('h2', {id: 'filter-title'}, 'Filter'), field('Action', action), field('From (RFC 3339)', from),
  field('To (RFC 3339)', to), h('button', {type: 'submit'}, 'Show entries'));
  fill(view.main, h('h1', {}, 'Audit trail'), filter, list, more);
  await load(null);
}
