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

/** Today and 29 days before it, as ISO days (UTC): the default range of the analyst pages. */
export function lastThirtyDays() {
  const to = new Date();
  const from = new Date(to.getTime() - 29 * 86400000);
  return { from: from.toISOString().substring(0, 10), to: to.toISOString().substring(0, 10) };
}

/**
 * The analyst pages' selections: a programme (or all) and a range of days, plus page-specific fields; a change is a
 * new address. {@code extra} are labelled fields ({@code h('label', …)}) whose names join the address.
 */
export function rangeControls(programmes, selection, extra = []) {
  const change = (event) => {
    const form = event.target.form;
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) {
      if (v) {
        next.set(k, v);
      }
    }
    navigate(next);
  };
  return h('form', { class: 'controls', onsubmit: (e) => e.preventDefault(), onchange: change },
    h('label', {}, 'Programme ', h('select', { name: 'programme' },
      h('option', { value: '' }, 'All programmes'),
      programmes.map((p) => h('option', { value: p.id, selected: p.id === selection.programme }, p.name)))),
    h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: selection.from, required: true })),
    h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: selection.to, required: true })),
    extra);
}

/** The selection in the address, with the defaults. */
export function rangeSelection() {
  const params = pageParams();
  const range = lastThirtyDays();
  return {
    programme: params.get('programme') || '',
    from: params.get('from') || range.from,
    to: params.get('to') || range.to,
    params,
  };
}
