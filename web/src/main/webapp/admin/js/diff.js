// The difference of two JSON documents, as the list of JSON Pointers that were added, removed or changed.
import {h, table} from './dom.js';

/** [{path, change, before, after}] from {@code before} to {@code after}, in document order. */
export function jsonDiff(before, after, path = '') {
  if (sameJson(before, after)) {
    return [];
  }
  const bothObjects = isObject(before) && isObject(after);
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (!bothObjects && !bothArrays) {
    return [{path: path || '/', change: 'changed', before, after}];
  }
  const keys = bothArrays
      ? [...Array(Math.max(before.length, after.length)).keys()]
      : [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = [];
  for (const key of keys) {
    const child = `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const inBefore = Object.prototype.hasOwnProperty.call(before, key);
    const inAfter = Object.prototype.hasOwnProperty.call(after, key);
    if (!inBefore) {
      changes.push({path: child, change: 'added', before: undefined, after: after[key]});
    } else if (!inAfter) {
      changes.push({path: child, change: 'removed', before: before[key], after: undefined});
    } else {
      changes.push(...jsonDiff(before[key], after[key], child));
    }
  }
  return changes;
}

export function diffTable(caption, changes) {
  return table(caption, ['Path', 'Change', 'Before', 'After'], changes.map((c) => [
    h('code', {}, c.path), h('span', {class: `change-${c.change}`}, c.change), shown(c.before), shown(c.after)]),
  'The two versions hold the same data.');
}

function shown(value) {
  return value === undefined ? '—' : h('code', {class: 'value'}, JSON.stringify(value));
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameJson(a, b) {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const keysA = Object.keys(a);
  return keysA.length === Object.keys(b).length
      && keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson(a[key], b[key]));
}
