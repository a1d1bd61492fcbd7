// Plan: programmes, their campaigns with tracking codes and budgets, and revenue goals. Marketers and admins create
// them and change goals; a change is sent with If-Match, so a goal someone else changed first is a conflict the page
// explains instead of overwriting their change.
import { get, send } from '../api.js';
import { hasRole } from '../auth.js';
import { dataTable } from '../charts.js';
import { h, show, loading } from '../dom.js';
import * as fmt from '../format.js';
import { errorBox, navigate, pageParams } from '../page.js';

const id = 'plan';
const title = 'Plan';

const CHANNELS = ['paid_social', 'organic_social', 'email', 'paid_search', 'organic_search', 'display', 'affiliate',
  'direct_mail', 'phone', 'events', 'referral', 'direct', 'other'];

async function render(main, session) {
  show(main, h('h1', {}, title), loading());
  const programmes = (await get('/api/v1/programmes', { size: 200, sort: 'name' })).items;
  const params = pageParams();
  const programme = programmes.find((p) => p.id === params.get('programme'))
    || programmes.find((p) => p.status === 'active') || programmes[0];
  const editor = hasRole(session, 'marketer', 'admin');
  const body = h('div', {}, loading());
  show(main,
    h('h1', {}, title),
    programmes.length ? h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
      h('label', {}, 'Programme ', h('select', {
        name: 'programme',
        onchange: (e) => navigate(new URLSearchParams({ programme: e.target.value })),
      }, programmes.map((p) => h('option', { value: p.id, selected: p.id === programme.id }, p.name)))))
      : h('p', { class: 'state' }, 'No programme yet.'),
    body,
    editor ? newProgramme() : h('p', { class: 'hint' }, 'Creating and changing the plan needs the marketer or '
      + 'admin role; you can read it.'));
  if (!programme) {
    show(body);
    return;
  }
  const redraw = () => render(main, session);
  try {
    const [campaigns, goals, codes] = await Promise.all([
      get(`/api/v1/programmes/${programme.id}/campaigns`, { size: 200, sort: 'name' }),
      get(`/api/v1/programmes/${programme.id}/goals`),
      get('/api/v1/tracking-codes', { programmeId: programme.id, size: 200 }),
    ]);
    const budgets = await Promise.all(campaigns.items.map((c) => get(`/api/v1/campaigns/${c.id}/budgets`)));
    show(body,
      details(programme),
      goalsCard(programme, goals, campaigns.items, editor, redraw),
      campaignsCard(programme, campaigns.items, budgets, editor, redraw),
      h('section', { class: 'card', id: 'tracking-codes' }, h('h2', {}, 'Tracking codes'), codes.items.length
        ? dataTable('Tracking codes', {
          head: ['Code', 'Type', 'Campaign', 'From', 'Until'],
          rows: codes.items.map((c) => [c.code, fmt.label(c.type), c.campaignName || '–', fmt.day(c.validFrom),
            fmt.day(c.validUntil)]),
        })
        : h('p', { class: 'state' }, 'No tracking codes yet: they come with a campaign.')));
  } catch (e) {
    show(body, errorBox(e));
  }
}

function details(p) {
  return h('section', { class: 'card', id: 'programme' }, h('h2', {}, p.name),
    h('dl', { class: 'facts' },
      fact('Status', fmt.label(p.status)), fact('Runs', `${fmt.day(p.startDate)} – ${fmt.day(p.endDate)}`),
      fact('Reporting currency', p.reportingCurrency), fact('Time zone', p.timeZone),
      fact('Official model', fmt.label(p.officialModel)), fact('Lookback', `${p.lookbackDays} days`),
      fact('Owner', p.owner || '–'), fact('Objective', p.objective || '–')));
}

function fact(name, value) {
  return h('div', {}, h('dt', {}, name), h('dd', {}, value));
}

function goalsCard(programme, goals, campaigns, editor, redraw) {
  const status = h('div', { 'aria-live': 'polite' });
  const scope = (g) => (g.campaignId ? (campaigns.find((c) => c.id === g.campaignId) || { name: 'a campaign' }).name
    : g.channel ? fmt.label(g.channel) : 'Whole programme');
  const rows = goals.map((g) => h('tr', { 'data-goal': g.id },
    h('th', { scope: 'row' }, g.period),
    h('td', {}, scope(g)),
    h('td', { class: 'num', 'data-amount': g.amount }, fmt.money(g.amount, g.currency)),
    h('td', {}, fmt.STATUS[g.status] || g.status || '–'),
    h('td', {}, editor ? h('button', {
      type: 'button', class: 'small', 'data-edit-goal': g.id,
      onclick: (e) => editGoal(e.target.closest('tr'), g.id, status, redraw),
    }, 'Change') : null)));
  return h('section', { class: 'card', id: 'goals' }, h('h2', {}, 'Revenue goals'),
    goals.length ? h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, 'Revenue goals'),
      h('thead', {}, h('tr', {}, ['Period', 'Goal of', 'Amount', 'Status', ''].map((c, i) => h('th', {
        scope: 'col', class: i === 2 ? 'num' : null,
      }, c ? c : h('span', { class: 'visually-hidden' }, 'Actions'))))),
      h('tbody', {}, rows))
      : h('p', { class: 'state' }, 'No goal yet.'),
    status,
    editor ? form('new-goal', 'Set a goal', [
      input('period', 'Period', { required: true, placeholder: '2026-12, 2026-Q4 or 2026-12-01..2026-12-24' }),
      input('amount', `Amount (${programme.reportingCurrency})`, { required: true, inputmode: 'decimal' }),
      select('campaignId', 'For campaign (optional)', [['', 'Whole programme'],
        ...campaigns.map((c) => [c.id, c.name])]),
    ], async (values) => {
      const body = { period: values.period, amount: values.amount, currency: programme.reportingCurrency };
      if (values.campaignId) {
        body.campaignId = values.campaignId;
      }
      await send('POST', `/api/v1/programmes/${programme.id}/goals`, body);
      redraw();
    }) : null);
}

/**
 * The goal's change form: reads the goal (and its ETag) now, and sends the change with If-Match, so a change someone
 * made in between is refused (412) and shown, never overwritten.
 */
async function editGoal(row, goalId, status, redraw) {
  show(status);
  let read;
  try {
    read = await send('GET', `/api/v1/goals/${goalId}`);
  } catch (e) {
    show(status, errorBox(e));
    return;
  }
  const goal = read.body;
  const cell = row.lastElementChild;
  const amount = h('input', { name: 'amount', value: goal.amount, required: true, inputmode: 'decimal', size: 12,
    id: `amount-${goalId}` });
  show(cell, h('form', {
    class: 'inline', 'data-etag': read.etag,
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        await send('PUT', `/api/v1/goals/${goalId}`, { period: goal.period, amount: amount.value,
          currency: goal.currency, campaignId: goal.campaignId, channel: goal.channel }, { 'If-Match': read.etag });
        await redraw();
        const after = document.querySelector('#goals [aria-live]');
        show(after, h('p', { class: 'ok', role: 'status' }, `Goal for ${goal.period} is now `
          + `${fmt.money(amount.value, goal.currency)}.`));
      } catch (err) {
        if (err.status === 412) {
          show(status, h('div', { class: 'error conflict', role: 'alert', 'data-status': '412' },
            'Someone else changed this goal after you opened it, so your change was not saved. ',
            h('button', { type: 'button', onclick: redraw }, 'Show the current goal'),
            ' and apply your change again.'));
        } else {
          show(status, errorBox(err));
        }
      }
    },
  }, h('label', { for: `amount-${goalId}`, class: 'visually-hidden' }, `New amount for ${goal.period}`), amount,
  h('button', { type: 'submit', class: 'small' }, 'Save')));
  amount.focus();
}

function campaignsCard(programme, campaigns, budgets, editor, redraw) {
  return h('section', { class: 'card', id: 'campaigns' }, h('h2', {}, 'Campaigns and budgets'),
    campaigns.length ? dataTable('Campaigns', {
      head: ['Campaign', 'Channel', 'Tracking codes', 'Runs', 'Budget lines'],
      rows: campaigns.map((c, i) => [c.name, fmt.label(c.channel),
        (c.trackingCodes || []).map((t) => t.code).join(', ') || '–',
        c.startDate || c.endDate ? `${fmt.day(c.startDate)} – ${fmt.day(c.endDate)}` : 'always',
        budgets[i].length ? budgets[i].map((b) => `${b.period}: ${fmt.money(b.amount, b.currency)}`).join('; ')
          : '–']),
    }) : h('p', { class: 'state' }, 'No campaign yet.'),
    editor ? form('new-campaign', 'Add a campaign', [
      input('name', 'Name', { required: true, maxlength: 200 }),
      select('channel', 'Channel', CHANNELS.map((c) => [c, fmt.label(c)])),
      input('code', 'Tracking code (optional)', { maxlength: 200 }),
    ], async (values) => {
      await send('POST', `/api/v1/programmes/${programme.id}/campaigns`, { name: values.name,
        channel: values.channel, trackingCodes: values.code ? [values.code] : [] });
      redraw();
    }) : null,
    editor && campaigns.length ? form('new-budget', 'Plan a budget', [
      select('campaign', 'Campaign', campaigns.map((c) => [c.id, c.name])),
      input('period', 'Period', { required: true, placeholder: '2026-12' }),
      input('amount', `Amount (${programme.reportingCurrency})`, { required: true, inputmode: 'decimal' }),
    ], async (values) => {
      await send('POST', `/api/v1/campaigns/${values.campaign}/budgets`, { period: values.period,
        amount: values.amount, currency: programme.reportingCurrency });
      redraw();
    }) : null);
}

function newProgramme() {
  return h('section', { class: 'card', id: 'new-programme-card' }, form('new-programme', 'Create a programme', [
    input('name', 'Name', { required: true, maxlength: 200 }),
    input('reportingCurrency', 'Reporting currency', { required: true, value: 'EUR', size: 4, maxlength: 3 }),
    input('timeZone', 'Time zone', { required: true, value: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    input('startDate', 'Starts', { type: 'date' }),
    input('endDate', 'Ends', { type: 'date' }),
  ], async (values) => {
    const body = { name: values.name, reportingCurrency: values.reportingCurrency, timeZone: values.timeZone };
    if (values.startDate) {
      body.startDate = values.startDate;
    }
    if (values.endDate) {
      body.endDate = values.endDate;
    }
    const created = await send('POST', '/api/v1/programmes', body);
    navigate(new URLSearchParams({ programme: created.body.id }));
  }));
}

let fieldIds = 0;

function input(name, labelText, attrs = {}) {
  const fieldId = `f${++fieldIds}`;
  return h('label', { for: fieldId }, labelText, h('input', { id: fieldId, name, ...attrs }));
}

function select(name, labelText, options) {
  const fieldId = `f${++fieldIds}`;
  return h('label', { for: fieldId }, labelText,
    h('select', { id: fieldId, name }, options.map(([value, text]) => h('option', { value }, text))));
}

/** A form that sends its values and shows a refusal (with each invalid field) beside it. */
function form(formId, heading, fields, submit) {
  const status = h('div', { 'aria-live': 'polite' });
  return h('form', {
    id: formId, class: 'controls create',
    onsubmit: async (e) => {
      e.preventDefault();
      const values = Object.fromEntries(new FormData(e.target).entries());
      show(status);
      try {
        await submit(values);
      } catch (err) {
        show(status, errorBox(err));
      }
    },
  }, h('h3', { class: 'form-title' }, heading), fields, h('button', { type: 'submit' }, heading), status);
}

export default { id, title, render };
