// A JSON document as a tree: each object and array is a <details> element, so it folds with a click or the
// keyboard (Enter/Space on its summary) and screen readers announce it as expandable.
import {h} from './dom.js';

const OPEN_LEVELS = 2;

export function jsonTree(value, label = 'data') {
  return h('div', {class: 'json-tree'}, node(label, value, 0));
}

function node(name, value, depth) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
    return h('details', {open: depth < OPEN_LEVELS},
        h('summary', {}, h('span', {class: 'json-key'}, String(name)), ' ', h('span', {class: 'json-size'}, summary)),
        h('ul', {}, entries.map(([key, item]) => h('li', {}, node(key, item, depth + 1)))));
  }
  return h('span', {class: 'json-leaf'}, h('span', {class: 'json-key'}, String(name)), ': ',
      h('span', {class: `json-${value === null ? 'null' : typeof value}`}, JSON.stringify(value)));
}
