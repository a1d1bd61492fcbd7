// Programme overview: revenue against the goal with the pacing curve, expected to date and forecast, status; cost,
// ROAS and ROI; the channel and campaign mix under the official model or another; the goal alerts.
import { get } from '../api.js';
import { figure, dataTable, PALETTE } from '../charts.js';
import { h, show, loading } from '../dom.js';
import * as fmt from '../format.js';
import { errorBox, navigate, pageParams } from '../page.js';

const id = 'overview';
const title = 'Programme overview';

async function render(main) {
  show(main, h('h1', {}, title), loading());
  const programmes = (await get('/api/v1/programmes', { size: 200, sort: 'name' })).items;
  if (!programmes.length) {
    show(main, h('h1', {}, title), h('p', { class: 'state' }, 'No programme yet: a marketer creates one under Plan.'));
    return;
  }
  const params = pageParams();
  const programme = programmes.find((p) => p.id === params.get('programme'))
    || programmes.find((p) => p.status === 'active') || programmes[0];
  const period = params.get('period') || fmt.currentMonth(programme.timeZone);
  const models = await get('/api/v1/attribution/models');
  const mixModel = params.get('model') || programme.officialModel || 'linear';

  const body = h('div', { class: 'page-body' }, loading());
  show(main, h('h1', {}, title), controls(programmes, programme, period, models.enabled, mixModel), body);
  try {
    await fill(body, programme, period, mixModel);
  } catch (e) {
    show(body, errorBox(e));
  }
}

function controls(programmes, programme, period, models, mixModel) {
  const change = (event) => {
    const form = event.target.form;
    const next = new URLSearchParams({
      programme: form.programme.value, period: form.period.value, model: form.model.value,
    });
    if (event.target.name === 'programme') {
      next.delete('period');
      next.delete('model');
    }
    navigate(next);
  };
  return h('form', { class: 'controls', onsubmit: (e) => e.preventDefault() },
    h('label', {}, 'Programme ', h('select', { name: 'programme', onchange: change },
      programmes.map((p) => h('option', { value: p.id, selected: p.id === programme.id }, p.name)))),
    h('label', {}, 'Period ', h('input', {
      name: 'period', value: period, size: 24, onchange: change,
      pattern: '\\d{4}-(\\d{2}|Q[1-4])|\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}',
      title: 'A month (2026-11), a quarter (2026-Q4) or days (2026-11-01..2026-11-30)',
    })),
    h('label', {}, 'Model for the mix ', h('select', { name: 'model', onchange: change },
      models.map((m) => h('option', { value: m, selected: m === mixModel },
        m === programme.officialModel ? `${fmt.label(m)} (official)` : fmt.label(m))))));
}

async function fill(body, programme, period, mixModel) {
  const progress = await get(`/api/v1/programmes/${programme.id}/progress`, { period });
  const range = { programmeId: programme.id, from: progress.firstDay, to: progress.lastDay };
  const [daily, channels, campaigns, roi, alerts] = await Promise.all([
    get('/api/v1/reports/summary', { ...range, model: progress.model, groupBy: 'programme', interval: 'day',
      sort: 'periodStart', size: 1000 }),
    get('/api/v1/reports/summary', { ...range, model: mixModel, groupBy: 'channel', interval: 'total', size: 1000 }),
    get('/api/v1/reports/summary', { ...range, model: mixModel, groupBy: 'campaign', interval: 'total', size: 1000 }),
    get('/api/v1/reports/programme-roi', { ...range, model: progress.model }),
    get('/api/v1/alerts', { programmeId: programme.id, size: 10 }),
  ]);
  const currency = progress.currency;
  const goal = progress.goals.find((g) => !g.campaignId && !g.channel) || progress.goals[0] || null;
  const roiRow = roi.programmes.find((p) => p.id === programme.id && p.currency === currency);
  show(body,
    h('p', { class: 'subtitle' },
      `${fmt.day(progress.firstDay)} – ${fmt.day(progress.lastDay)} · ${programme.timeZone} · ${currency} · `
      + `official model ${fmt.label(progress.model)} · figures as of ${fmt.instant(progress.asOf, programme.timeZone)}`),
    goal ? statusBanner(goal) : h('p', { class: 'state' }, `No goal is set for ${progress.period}.`),
    kpis(progress, goal, roiRow),
    h('div', { class: 'grid' },
      pacingChart(progress, goal, daily.rows.filter((r) => r.currency === currency)),
      mixChart('mix-channels', `Revenue by channel · ${fmt.label(mixModel)}`, channels.rows, currency),
      mixChart('mix-campaigns', `Revenue by campaign · ${fmt.label(mixModel)}`, campaigns.rows, currency)),
    otherGoals(progress, goal),
    progress.otherCurrencies.length
      ? h('p', { class: 'note' }, 'Also attributed in other currencies (left out above until FX rates exist): ',
        progress.otherCurrencies.map((o) => fmt.money(o.amount, o.currency)).join(', '))
      : null,
    alertList(alerts.items, programme.timeZone));
}

function statusBanner(goal) {
  return h('p', { class: `status status-${goal.status}`, 'data-kpi': 'status', 'data-value': goal.status },
    h('strong', {}, fmt.STATUS[goal.status] || goal.status),
    ` · ${fmt.percent(goal.percentOfGoal)} of the goal reached`);
}

function kpi(key, name, value, text, hint) {
  return h('div', { class: 'kpi' },
    h('dt', {}, name),
    h('dd', { 'data-kpi': key, 'data-value': value === null || value === undefined ? '' : value }, text),
    hint ? h('dd', { class: 'hint' }, hint) : null);
}

function kpis(progress, goal, roiRow) {
  const c = progress.currency;
  // the instant the figures are for: a run-rate forecast moves with time, so this names the moment
  return h('dl', { class: 'kpis', 'aria-label': 'Key figures', 'data-as-of': progress.asOf },
    kpi('attributed', 'Attributed revenue', progress.attributed, fmt.money(progress.attributed, c),
      `${fmt.number(progress.conversions)} conversions`),
    goal ? kpi('goal', 'Goal', goal.goal, fmt.money(goal.goal, c)) : null,
    goal ? kpi('expectedToDate', 'Expected to date', goal.expectedToDate, fmt.money(goal.expectedToDate, c),
      `variance ${fmt.money(goal.variance, c)}`) : null,
    goal ? kpi('forecast', 'Forecast', goal.forecast, fmt.money(goal.forecast, c), fmt.label(goal.forecastMethod))
      : null,
    kpi('cost', 'Cost', progress.cost, fmt.money(progress.cost, c),
      progress.budget ? `${fmt.percent(progress.budgetSpent)} of ${fmt.money(progress.budget, c)} budget` : null),
    kpi('roas', 'ROAS', progress.roas, fmt.ratio(progress.roas), 'revenue / cost'),
    kpi('roi', 'ROI', roiRow ? roiRow.roi : null, fmt.ratio(roiRow ? roiRow.roi : null),
      '(revenue − cost) / cost'));
}

function pacingChart(progress, goal, days) {
  const labels = [];
  const actual = [];
  const expected = [];
  const byDay = new Map(days.map((r) => [r.periodStart, Number(r.revenue)]));
  const curve = new Map((progress.pacingCurve || []).map((p) => [p.day, Number(p.expectedFraction)]));
  const today = progress.asOf.substring(0, 10);
  let sum = 0;
  const rows = [];
  for (let d = new Date(`${progress.firstDay}T00:00:00Z`); d <= new Date(`${progress.lastDay}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().substring(0, 10);
    labels.push(fmt.day(iso));
    sum += byDay.get(iso) || 0;
    const reached = iso <= today;
    actual.push(reached ? Math.round(sum * 100) / 100 : null);
    const e = goal && curve.has(iso) ? Number(goal.goal) * curve.get(iso) : null;
    expected.push(e === null ? null : Math.round(e * 100) / 100);
    if (reached || e !== null) {
      rows.push([fmt.day(iso), reached ? fmt.money(sum.toFixed(2), progress.currency) : '–',
        e === null ? '–' : fmt.money(e.toFixed(2), progress.currency)]);
    }
  }
  const datasets = [{ label: 'Attributed, cumulative', data: actual, borderColor: PALETTE[0],
    backgroundColor: PALETTE[0], pointRadius: 0, borderWidth: 2 }];
  if (goal) {
    datasets.push({ label: `Pacing curve (${progress.pacing})`, data: expected, borderColor: PALETTE[1],
      backgroundColor: PALETTE[1], borderDash: [6, 4], pointRadius: 0, borderWidth: 2 });
  }
  const summary = goal
    ? `Attributed revenue ${fmt.money(progress.attributed, progress.currency)} against an expected `
      + `${fmt.money(goal.expectedToDate, progress.currency)} by now, goal ${fmt.money(goal.goal, progress.currency)}`
    : `Attributed revenue ${fmt.money(progress.attributed, progress.currency)}`;
  return figure('pacing', 'Revenue against the goal', summary, {
    type: 'line',
    data: { labels, datasets },
    options: { spanGaps: false, scales: { y: { beginAtZero: true } } },
  }, { head: ['Day', 'Attributed, cumulative', 'Expected by the pacing curve'], rows });
}

function mixChart(chartId, chartTitle, rows, currency) {
  const mine = rows.filter((r) => r.currency === currency);
  const names = mine.map((r) => fmt.label(r.name));
  const summary = mine.length
    ? mine.map((r) => `${fmt.label(r.name)} ${fmt.money(r.revenue, r.currency)}`).join(', ')
    : 'No credited revenue in this period';
  return figure(chartId, chartTitle, summary, {
    type: 'bar',
    data: { labels: names, datasets: [{ label: `Revenue (${currency})`, data: mine.map((r) => Number(r.revenue)),
      backgroundColor: PALETTE[2] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } },
  }, {
    head: ['Name', 'Revenue', 'Conversions', 'Share'],
    rows: mine.map((r) => [fmt.label(r.name), fmt.money(r.revenue, r.currency), fmt.number(r.conversions),
      fmt.percent(r.share)]),
  });
}

function otherGoals(progress, main) {
  const others = progress.goals.filter((g) => g !== main);
  if (!others.length) {
    return null;
  }
  const c = progress.currency;
  return h('section', { class: 'card' }, h('h2', {}, 'Campaign and channel goals'), dataTable('Other goals', {
    head: ['Goal of', 'Goal', 'Attributed', 'Expected to date', 'Forecast', 'Status'],
    rows: others.map((g) => [g.channel ? fmt.label(g.channel) : (progress.byCampaign.find(
      (b) => b.campaignId === g.campaignId) || { name: 'a campaign' }).name, fmt.money(g.goal, c),
    fmt.money(g.attributed, c), fmt.money(g.expectedToDate, c), fmt.money(g.forecast, c),
    fmt.STATUS[g.status] || g.status]),
  }));
}

function alertList(items, timeZone) {
  return h('section', { class: 'card', id: 'alerts' }, h('h2', {}, 'Alerts'), items.length
    ? h('ul', { class: 'alerts' }, items.map((a) => h('li', {},
      h('time', { datetime: a.at }, fmt.instant(a.at, timeZone)), ' · ',
      `Goal for ${a.period} went from ${fmt.STATUS[a.previousStatus] || a.previousStatus || 'new'} to `,
      h('strong', {}, fmt.STATUS[a.status] || a.status),
      ` (${fmt.money(a.attributed, a.currency)} of ${fmt.money(a.goal, a.currency)}, expected `
        + `${fmt.money(a.expectedToDate, a.currency)})`)))
    : h('p', { class: 'state' }, 'No goal has changed status.'));
}

export default { id, title, render };
