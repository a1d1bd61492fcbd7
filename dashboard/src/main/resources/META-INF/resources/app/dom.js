// Building the page from data without ever parsing data as HTML: every text goes in as a text node.

/**
 * An element: h('p', {class: 'x', 'data-kpi': 'goal'}, 'text', child, ...). Attributes with null or false are left
 * out; 'on<event>' attributes become listeners; children are strings (text nodes), nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.substring(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** Replaces what a container shows. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

/** A status line while a page loads (announced to screen readers). */
export function loading(text = 'Loading…') {
  return h('p', { class: 'state', role: 'status' }, text);
}
