// Plan: programmes, their campaigns with tracking codes and budgets, and revenue goals. Marketers and admins create
// and change them; a change reads the record when its form opens and is sent with If-Match, so a record someone else
// changed first is a conflict the page explains instead of overwriting their change.
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
      details(programme, editor, redraw),
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

const STATUSES = ['draft', 'active', 'closed'];
const PROGRAMME_FIELDS = ['name', 'objective', 'startDate', 'endDate', 'reportingCurrency', 'timeZone', 'lookbackDays',
  'officialModel', 'officialModelParameters', 'owner', 'status', 'pacing', 'weekdayWeights', 'modelSettings'];

function details(p, editor, redraw) {
  const panel = editPanel();
  return h('section', { class: 'card', id: 'programme' }, h('h2', {}, p.name),
    h('dl', { class: 'facts' },
      fact('Status', fmt.label(p.status)), fact('Runs', `${fmt.day(p.startDate)} – ${fmt.day(p.endDate)}`),
      fact('Reporting currency', p.reportingCurrency), fact('Time zone', p.timeZone),
      fact('Official model', fmt.label(p.officialModel)), fact('Lookback', `${p.lookbackDays} days`),
      fact('Owner', p.owner || '–'), fact('Objective', p.objective || '–')),
    editor ? changeButton('programme', p.id, `Change ${p.name}`, () => openEditor(panel, {
      noun: 'programme',
      path: `/api/v1/programmes/${p.id}`,
      key: p.id,
      fields: (r) => [
        field('name', 'Name', r.name, { required: true, maxlength: 200 }),
        field('objective', 'Objective', r.objective, { maxlength: 2000 }),
        field('owner', 'Owner', r.owner, { maxlength: 200 }),
        choice('status', 'Status', r.status, STATUSES.map((x) => [x, fmt.label(x)])),
        field('startDate', 'Starts', r.startDate, { type: 'date' }),
        field('endDate', 'Ends', r.endDate, { type: 'date' }),
        field('lookbackDays', 'Lookback (days)', r.lookbackDays, { type: 'number', min: 1, max: 90 }),
      ],
      body: (r, v) => ({ ...pick(r, PROGRAMME_FIELDS), name: v.name, objective: v.objective || null,
        owner: v.owner || null, status: v.status, startDate: v.startDate || null, endDate: v.endDate || null,
        lookbackDays: v.lookbackDays ? Number(v.lookbackDays) : null }),
      saved: (r, v) => `Programme ${v.name} saved.`,
    }, redraw)) : null,
    panel);
}

function fact(name, value) {
  return h('div', {}, h('dt', {}, name), h('dd', {}, value));
}

function goalsCard(programme, goals, campaigns, editor, redraw) {
  const panel = editPanel();
  const scope = (g) => (g.campaignId ? (campaigns.find((c) => c.id === g.campaignId) || { name: 'a campaign' }).name
    : g.channel ? fmt.label(g.channel) : 'Whole programme');
  const rows = goals.map((g) => h('tr', { 'data-goal': g.id },
    h('th', { scope: 'row' }, g.period),
    h('td', {}, scope(g)),
    h('td', { class: 'num', 'data-amount': g.amount }, fmt.money(g.amount, g.currency)),
    h('td', {}, fmt.STATUS[g.status] || g.status || '–'),
    h('td', {}, editor ? changeButton('goal', g.id, `Change the goal for ${g.period}`, () => openEditor(panel, {
      noun: 'goal',
      path: `/api/v1/goals/${g.id}`,
      key: g.id,
      fields: (r) => [
        field('period', 'Period', r.period, { required: true }),
        field('amount', `Amount (${r.currency})`, r.amount, { required: true, inputmode: 'decimal', size: 12 }),
      ],
      body: (r, v) => ({ period: v.period, amount: v.amount, currency: r.currency, campaignId: r.campaignId,
        channel: r.channel }),
      saved: (r, v) => `Goal for ${v.period} is now ${fmt.money(v.amount, r.currency)}.`,
    }, redraw), 'Change') : null)));
  return h('section', { class: 'card', id: 'goals' }, h('h2', {}, 'Revenue goals'),
    goals.length ? h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, 'Revenue goals'),
      h('thead', {}, h('tr', {}, ['Period', 'Goal of', 'Amount', 'Status', ''].map((c, i) => h('th', {
        scope: 'col', class: i === 2 ? 'num' : null,
      }, c ? c : h('span', { class: 'visually-hidden' }, 'Actions'))))),
      h('tbody', {}, rows))
      : h('p', { class: 'state' }, 'No goal yet.'),
    panel,
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

/** A section's place for a change form and what became of the change. */
function editPanel() {
  return h('div', { class: 'edit-panel', 'aria-live': 'polite' });
}

function changeButton(kind, recordId, label, open, text = 'Change') {
  return h('button', { type: 'button', class: 'small', [`data-edit-${kind}`]: recordId, 'aria-label': label,
    onclick: open }, text);
}

/**
 * Opens the change form of one record in panel: reads the record and its ETag now, fills the form from it, and sends
 * the whole record (PUT replaces it) with If-Match, so a change someone made in between is refused (412) and
 * explained, never overwritten. spec: noun, path, key (the record's id, for the fields' ids), fields(record) (the form's
 * fields), body(record, values) (what is sent), saved(record, values) (what the page says afterwards).
 */
async function openEditor(panel, spec, redraw) {
  show(panel, loading());
  let read;
  try {
    read = await send('GET', spec.path);
  } catch (e) {
    show(panel, errorBox(e));
    return;
  }
  const record = read.body;
  const status = h('div', {});
  const section = panel.closest('section').id;
  const fields = spec.fields(record).map((f) => f(spec.key));
  show(panel, h('form', {
    class: 'controls create edit', 'data-etag': read.etag, 'data-edit': spec.path,
    onsubmit: async (e) => {
      e.preventDefault();
      const values = Object.fromEntries([...new FormData(e.target).entries()].map(([k, v]) => [k, v.trim()]));
      show(status);
      try {
        await send('PUT', spec.path, spec.body(record, values), { 'If-Match': read.etag });
        await redraw();
        const after = document.querySelector(`#${section} .edit-panel`);
        if (after) {
          show(after, h('p', { class: 'ok', role: 'status' }, spec.saved(record, values)));
        }
      } catch (err) {
        if (err.status === 412) {
          show(status, h('div', { class: 'error conflict', role: 'alert', 'data-status': '412' },
            `Someone else changed this ${spec.noun} after you opened it, so your change was not saved. `,
            h('button', { type: 'button', onclick: redraw }, `Show the current ${spec.noun}`),
            ' and apply your change again.'));
        } else {
          show(status, errorBox(err));
        }
      }
    },
  }, h('h3', { class: 'form-title' }, `Change the ${spec.noun}`), fields,
  h('button', { type: 'submit' }, 'Save'),
  h('button', { type: 'button', onclick: () => show(panel) }, 'Cancel'), status));
  const first = panel.querySelector('input, select');
  if (first) {
    first.focus();
  }
}

/** A pre-filled field of a change form; its id is the name and the record's id (amount-<id>). */
function field(name, labelText, value, attrs = {}) {
  return (key) => h('label', { for: `${name}-${key}` }, labelText,
    h('input', { id: `${name}-${key}`, name, value: value ?? '', ...attrs }));
}

function choice(name, labelText, value, options) {
  return (key) => h('label', { for: `${name}-${key}` }, labelText, h('select', { id: `${name}-${key}`, name },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

function pick(record, names) {
  return Object.fromEntries(names.filter((n) => record[n] !== undefined).map((n) => [n, record[n]]));
}

function campaignsCard(programme, campaigns, budgets, editor, redraw) {
  const panel = editPanel();
  const head = (cells) => h('thead', {}, h('tr', {}, cells.map(([c, num]) => h('th', { scope: 'col',
    class: num ? 'num' : null }, c || h('span', { class: 'visually-hidden' }, 'Actions')))));
  const lines = campaigns.flatMap((c, i) => budgets[i].map((b) => ({ campaign: c, line: b })));
  return h('section', { class: 'card', id: 'campaigns' }, h('h2', {}, 'Campaigns and budgets'),
    campaigns.length ? h('div', { class: 'scroll' }, h('table', { class: 'data', id: 'campaign-list' },
      h('caption', { class: 'visually-hidden' }, 'Campaigns'),
      head([['Campaign'], ['Channel'], ['Tracking codes'], ['Runs'], ['Budget', true], ['']]),
      h('tbody', {}, campaigns.map((c) => h('tr', { 'data-campaign': c.id },
        h('th', { scope: 'row' }, c.name),
        h('td', {}, fmt.label(c.channel)),
        h('td', {}, (c.trackingCodes || []).map((t) => t.code).join(', ') || '–'),
        h('td', {}, c.startDate || c.endDate ? `${fmt.day(c.startDate)} – ${fmt.day(c.endDate)}` : 'always'),
        h('td', { class: 'num' }, c.budget ? fmt.money(c.budget, programme.reportingCurrency) : '–'),
        h('td', {}, editor ? changeButton('campaign', c.id, `Change ${c.name}`, () => openEditor(panel, {
          noun: 'campaign',
          path: `/api/v1/campaigns/${c.id}`,
          key: c.id,
          fields: (r) => [
            field('name', 'Name', r.name, { required: true, maxlength: 200 }),
            choice('channel', 'Channel', r.channel, CHANNELS.map((x) => [x, fmt.label(x)])),
            field('codes', 'Tracking codes (comma-separated)', (r.trackingCodes || []).map((t) => t.code).join(', ')),
            field('startDate', 'Starts', r.startDate, { type: 'date' }),
            field('endDate', 'Ends', r.endDate, { type: 'date' }),
            field('budget', `Budget (${programme.reportingCurrency})`, r.budget, { inputmode: 'decimal' }),
          ],
          body: (r, v) => ({ name: v.name, channel: v.channel, trackingCodes: codesOf(r, v.codes),
            startDate: v.startDate || null, endDate: v.endDate || null, budget: v.budget || null }),
          saved: (r, v) => `Campaign ${v.name} saved.`,
        }, redraw)) : null)))))) : h('p', { class: 'state' }, 'No campaign yet.'),
    lines.length ? h('div', { class: 'scroll' }, h('table', { class: 'data', id: 'budget-lines' },
      h('caption', {}, 'Budget lines'),
      head([['Campaign'], ['Period'], ['Amount', true], ['']]),
      h('tbody', {}, lines.map(({ campaign, line }) => h('tr', { 'data-budget': line.id },
        h('th', { scope: 'row' }, campaign.name),
        h('td', {}, line.period),
        h('td', { class: 'num', 'data-amount': line.amount }, fmt.money(line.amount, line.currency)),
        h('td', {}, editor ? changeButton('budget', line.id, `Change ${campaign.name}'s budget for ${line.period}`,
          () => openEditor(panel, {
            noun: 'budget line',
            path: `/api/v1/budgets/${line.id}`,
            key: line.id,
            fields: (r) => [
              field('period', 'Period', r.period, { required: true }),
              field('amount', `Amount (${r.currency})`, r.amount, { required: true, inputmode: 'decimal' }),
            ],
            body: (r, v) => ({ period: v.period, amount: v.amount, currency: r.currency }),
            saved: (r, v) => `${campaign.name}'s budget for ${v.period} is now ${fmt.money(v.amount, r.currency)}.`,
          }, redraw)) : null)))))) : null,
    panel,
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

/** The codes typed in, each kept with its type when the campaign had it already (a new one is just its code). */
function codesOf(record, typed) {
  const known = new Map((record.trackingCodes || []).map((t) => [t.code.toLowerCase(), t]));
  return typed.split(',').map((c) => c.trim()).filter((c) => c).map((c) => {
    const had = known.get(c.toLowerCase());
    return had ? { code: had.code, type: had.type } : c;
  });
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
