// Builds DOM nodes from trusted structure and untrusted text: text always goes in as text, never as HTML, so
// record data, keys and messages cannot inject markup into the console.

/** h('button', {type: 'button', onclick: f}, 'Save'): an element with attributes, handlers and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of {@code element}. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let fieldCount = 0;

/** A labelled control: the label names it for screen readers and a click on it focuses it. */
export function field(label, control, hint) {
  const id = control.id || `field-${++fieldCount}`;
  control.id = id;
  let hintNode = null;
  if (hint) {
    hintNode = h('span', {class: 'hint', id: `${id}-hint`}, hint);
    control.setAttribute('aria-describedby', hintNode.id);
  }
  return h('div', {class: 'field'}, h('label', {for: id}, label), control, hintNode);
}

/** A table with a caption and column headers; rows are arrays of cells (nodes or text). */
export function table(caption, headers, rows, emptyText = 'Nothing to show.') {
  if (rows.length === 0) {
    return h('p', {class: 'empty'}, emptyText);
  }
  return h('div', {class: 'table-wrap'}, h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((name) => h('th', {scope: 'col'}, name)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

/** An instant as the browser's local time, with the exact value in a tooltip. */
export function when(instant) {
  if (!instant) {
    return '—';
  }
  return h('time', {datetime: instant, title: instant}, new Date(instant).toLocaleString());
}

/**
 * Redraws {@code element} with {@code render()} only when {@code data} differs from what it shows, and gives the
 * focus back to the control with the same label, so a periodic refresh neither flickers nor takes the keyboard's
 * place away.
 */
export function refreshIfChanged(element, data, render) {
  const text = JSON.stringify(data);
  if (element.dataset.shown === text) {
    return;
  }
  const focused = element.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
  fill(element, render());
  element.dataset.shown = text;
  if (focused) {
    const again = [...element.querySelectorAll('[aria-label]')].find((e) => e.getAttribute('aria-label') === focused);
    if (again) {
      again.focus();
    }
  }
}
