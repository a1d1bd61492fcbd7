// Finance: accounting periods (open, closed, reopened, by whom), the revenue report of a period with its
// reconciliation line, the FX rates loaded, CSV downloads; closing (finance, admin) and reopening (admin) periods.
import { get, download, send } from '../api.js';
import { hasRole } from '../auth.js';
import { dataTable } from '../charts.js';
import { h, show, loading } from '../dom.js';
import * as fmt from '../format.js';
import { errorBox, navigate, pageParams } from '../page.js';

const id = 'finance';
const title = 'Finance';

function previousMonth() {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().substring(0, 7);
}

async function render(main, session) {
  show(main, h('h1', {}, title), loading());
  const params = pageParams();
  const [periods, models] = await Promise.all([get('/api/v1/finance/periods'), get('/api/v1/attribution/models')]);
  const period = params.get('period') || fmt.currentMonth('UTC');
  const model = params.get('model') || 'linear';
  const reportBox = h('div', {}, loading());
  show(main,
    h('h1', {}, title),
    h('p', { class: 'subtitle' }, 'Accounting periods are UTC months. A closed period\'s reports never change: '
      + 'later corrections are posted into the first open period after it.'),
    periodsCard(periods, session, main),
    h('section', { class: 'card', id: 'revenue' },
      h('h2', {}, 'Revenue report'),
      reportControls(periods, period, models.enabled, model),
      reportBox),
    await fxCard(period));
  try {
    show(reportBox, await revenue(period, model));
  } catch (e) {
    show(reportBox, errorBox(e));
  }
}

function periodsCard(periods, session, main) {
  const status = h('div', { 'aria-live': 'polite' });
  const act = async (event, action) => {
    const form = event.target.form;
    if (!form.reportValidity()) {
      return;
    }
    try {
      const answer = await send('POST', `/api/v1/finance/periods/${encodeURIComponent(form.month.value)}/${action}`,
        { reason: form.reason.value });
      await render(main, session);
      const after = document.querySelector('#periods [aria-live]');
      show(after, h('p', { class: 'ok', role: 'status' },
        `${answer.body.period} is ${answer.body.state} now (${answer.body.changedBy}).`));
    } catch (e) {
      show(status, errorBox(e));
    }
  };
  const mayClose = hasRole(session, 'finance', 'admin');
  const mayReopen = hasRole(session, 'admin');
  return h('section', { class: 'card', id: 'periods' },
    h('h2', {}, 'Accounting periods'),
    dataTable('Accounting periods', {
      head: ['Period', 'State', 'Changed', 'By', 'Reason'],
      rows: periods.slice().reverse().map((p) => [p.period, fmt.label(p.state),
        p.changedAt ? fmt.instant(p.changedAt, 'UTC') : '–', p.changedBy || '–', p.reason || '–']),
    }),
    mayClose
      ? h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
        h('label', {}, 'Month ', h('input', { name: 'month', value: previousMonth(), required: true, size: 8,
          pattern: '\\d{4}-\\d{2}', title: 'A month: 2026-11' })),
        h('label', {}, 'Reason ', h('input', { name: 'reason', required: true, size: 36, maxlength: 500 })),
        h('button', { type: 'submit', id: 'close-period', onclick: (e) => act(e, 'close') }, 'Close period'),
        mayReopen ? h('button', { type: 'submit', id: 'reopen-period', onclick: (e) => act(e, 'reopen') },
          'Reopen period') : null)
      : null,
    mayClose && !mayReopen ? h('p', { class: 'hint' }, 'Reopening a closed period needs the admin role.') : null,
    status);
}

function reportControls(periods, period, models, model) {
  const change = (event) => {
    const form = event.target.form;
    navigate(new URLSearchParams({ period: form.period.value, model: form.model.value }));
  };
  const months = new Set(periods.map((p) => p.period));
  months.add(period);
  return h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
    h('label', {}, 'Period ', h('select', { name: 'period', onchange: change },
      [...months].sort().reverse().map((m) => h('option', { value: m, selected: m === period }, m)))),
    h('label', {}, 'Model ', h('select', { name: 'model', onchange: change },
      models.map((m) => h('option', { value: m, selected: m === model }, fmt.label(m))))),
    h('button', {
      type: 'button', id: 'revenue-csv',
      onclick: () => download('/api/v1/finance/revenue', { period, model }, `revenue-${period}-${model}.csv`),
    }, 'Download CSV'));
}

async function revenue(period, model) {
  const report = await get('/api/v1/finance/revenue', { period, model });
  if (!report.currencies.length) {
    return h('p', { class: 'state' }, `Nothing was booked in ${period}.`);
  }
  return h('div', { 'data-state': report.state },
    h('p', { class: 'hint' }, `${period} is ${report.state}. ${report.currencyPolicy}`),
    report.currencies.map((c) => h('div', { class: 'currency', 'data-currency': c.currency },
      h('h3', {}, c.currency),
      h('dl', { class: 'kpis' },
        figure('booked', 'Booked', c.booked, c.currency),
        figure('refunds', 'Refunds', c.refunds, c.currency),
        figure('cancellations', 'Cancellations', c.cancellations, c.currency),
        figure('net', 'Net revenue', c.net, c.currency),
        figure('attributed', 'Attributed', c.attributed, c.currency),
        figure('unassigned', 'Unassigned', c.unassigned, c.currency),
        figure('unattributed', 'Unattributed', c.unattributed, c.currency)),
      h('p', {
        class: c.reconciliation.reconciled ? 'status status-on_track' : 'status status-behind',
        'data-reconciled': String(c.reconciliation.reconciled),
      }, h('strong', {}, c.reconciliation.reconciled ? 'Reconciled' : 'Not reconciled'), ': ',
      c.reconciliation.statement),
      h('div', { class: 'grid' },
        breakdown('By programme', c.byProgramme, c.currency),
        breakdown('By channel', c.byChannel, c.currency),
        breakdown('By campaign', c.byCampaign, c.currency)))));
}

function figure(key, name, amount, currency) {
  return h('div', { class: 'kpi' }, h('dt', {}, name),
    h('dd', { 'data-figure': key, 'data-value': amount }, fmt.money(amount, currency)));
}

function breakdown(caption, rows, currency) {
  return h('section', { class: 'card' }, h('h4', {}, caption), rows.length
    ? dataTable(caption, { head: ['Name', 'Amount'], rows: rows.map((r) => [fmt.label(r.name),
      fmt.money(r.amount, currency)]) })
    : h('p', { class: 'state' }, 'None.'));
}

async function fxCard(period) {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().substring(0, 10);
  let body;
  try {
    const rates = await get('/api/v1/finance/fx-rates', { from: `${period}-01`, to: last });
    body = rates.length
      ? dataTable('FX rates', { head: ['Day', 'Currency', 'Rate'], rows: rates.map((r) => [fmt.day(r.date),
        `1 ${r.currency} in ${r.quote}`, r.rate]) })
      : h('p', { class: 'state' }, `No FX rates are loaded for ${period}: amounts stay in their own currency.`);
  } catch (e) {
    body = errorBox(e);
  }
  return h('section', { class: 'card', id: 'fx-rates' }, h('h2', {}, `FX rates, ${period}`), body);
}

export default { id, title, render };
