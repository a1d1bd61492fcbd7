// What every page shares: its selections kept in the address (#/<page>?programme=…), and errors as users read them.
import { ApiError } from './api.js';
import { h } from './dom.js';

/** The query of the address's fragment, where a page keeps its selections (so a link or reload shows the same). */
export function pageParams() {
  const hash = window.location.hash || '';
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.substring(i + 1));
}

/**
 * Shows the current page with new selections: a new address (so Back returns to the previous selections), which the
 * shell draws on its change.
 */
export function navigate(params) {
  const page = (window.location.hash || '#/').split('?')[0];
  window.location.hash = `${page}?${params.toString()}`;
}

/** An error as the user should read it: a refused role names the roles that may. */
export function errorBox(e) {
  const text = e instanceof ApiError ? e.describe() : (e && e.message) || String(e);
  const fields = e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
  return h('div', { class: 'error', role: 'alert', 'data-status': e instanceof ApiError ? e.status : '' }, text,
    fields.length ? h('ul', {}, fields.map((f) => h('li', { 'data-field': f.field }, `${f.field}: ${f.reason}`)))
      : null);
}
