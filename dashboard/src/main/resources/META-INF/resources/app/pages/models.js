// Model comparison: each channel's (campaign's, programme's) credit under every model side by side, the difference
// to a baseline model, and the interval a data-driven model gives where it has one.
import { get, download } from '../api.js';
import { figure, PALETTE } from '../charts.js';
import { h, show, loading } from '../dom.js';
import * as fmt from '../format.js';
import { errorBox, rangeControls, rangeSelection } from '../page.js';

const id = 'models';
const title = 'Model comparison';

async function render(main) {
  show(main, h('h1', {}, title), loading());
  const [programmes, models] = await Promise.all([
    get('/api/v1/programmes', { size: 200, sort: 'name' }), get('/api/v1/attribution/models')]);
  const s = rangeSelection();
  const baseline = s.params.get('baseline') || 'last_touch';
  const groupBy = s.params.get('groupBy') || 'channel';
  const query = { from: s.from, to: s.to, programmeId: s.programme, baseline, groupBy };
  const body = h('div', {}, loading());
  show(main, h('h1', {}, title),
    rangeControls(programmes.items, s, [
      h('label', {}, 'Baseline ', h('select', { name: 'baseline' }, models.enabled.map((m) => h('option', {
        value: m, selected: m === baseline }, fmt.label(m))))),
      h('label', {}, 'By ', h('select', { name: 'groupBy' }, ['channel', 'campaign', 'programme'].map((g) => h(
        'option', { value: g, selected: g === groupBy }, fmt.label(g))))),
      h('button', { type: 'button', id: 'comparison-csv',
        onclick: () => download('/api/v1/reports/model-comparison', query,
          `model-comparison-${s.from}-${s.to}.csv`) }, 'Download CSV')]),
    body);
  try {
    const report = await get('/api/v1/reports/model-comparison', query);
    show(body, comparison(report, untrained(report, models.dataDriven || [])));
  } catch (e) {
    show(body, errorBox(e));
  }
}

/**
 * The data-driven models that credited nothing in these days because no trained version covers them (their cells are
 * all zero and no version is listed): shown as "not trained", not as a 100 % drop.
 */
function untrained(report, dataDriven) {
  const versioned = new Set(report.versions.map((v) => v.model));
  return new Set(report.models.filter((m) => dataDriven.includes(m) && !versioned.has(m)
    && report.rows.every((r) => r.cells.every((c) => c.model !== m || Number(c.revenue) === 0))));
}

function comparison(report, notTrained) {
  if (!report.rows.length) {
    return h('p', { class: 'state' }, 'No credited revenue in these days.');
  }
  const charted = report.models.filter((m) => !notTrained.has(m));
  const currencies = [...new Set(report.rows.map((r) => r.currency))];
  return h('div', {}, notTrained.size ? h('p', { class: 'note', id: 'not-trained' },
    `Not trained for these days, so not compared: ${[...notTrained].map(fmt.label).join(', ')}. An analyst trains `
      + 'them on past journeys (POST /api/v1/attribution/models/{model}/train).') : null,
  currencies.map((currency) => {
    const rows = report.rows.filter((r) => r.currency === currency);
    const names = rows.map((r) => fmt.label(r.name));
    const chart = figure(`comparison-${currency}`, `Credit by ${report.groupBy} and model (${currency})`,
      `${charted.length} models compared over ${rows.length} ${report.groupBy}s; baseline `
        + `${fmt.label(report.baseline)}`, {
        type: 'bar',
        data: { labels: names, datasets: charted.map((m, i) => ({
          label: fmt.label(m),
          data: rows.map((r) => Number((r.cells.find((c) => c.model === m) || {}).revenue || 0)),
          backgroundColor: PALETTE[i % PALETTE.length],
        })) },
      }, { head: ['Name', ...charted.map(fmt.label)], rows: rows.map((r) => [fmt.label(r.name),
        ...charted.map((m) => fmt.money((r.cells.find((c) => c.model === m) || {}).revenue, currency))]) });
    return h('div', { 'data-currency': currency }, chart, table(report, rows, currency, notTrained));
  }), report.versions.length ? h('p', { class: 'note' }, 'Trained versions in these days: ',
    report.versions.map((v) => `${v.model} ${v.version}`).join('; ')) : null);
}

/** Revenue per model, the difference to the baseline, and an interval where the model gives one. */
function table(report, rows, currency, notTrained) {
  return h('section', { class: 'card' }, h('h2', {}, `Against ${fmt.label(report.baseline)}`),
    h('div', { class: 'scroll' }, h('table', { class: 'data', id: `comparison-table-${currency}` },
      h('caption', { class: 'visually-hidden' }, `Credit per model against ${report.baseline}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, fmt.label(report.groupBy)),
        report.models.map((m) => h('th', { scope: 'col', class: 'num' }, fmt.label(m))))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-group': r.id || r.name },
        h('th', { scope: 'row' }, fmt.label(r.name)),
        report.models.map((m) => {
          const c = r.cells.find((x) => x.model === m);
          if (!c) {
            return h('td', { class: 'num' }, '–');
          }
          if (notTrained.has(m)) {
            return h('td', { class: 'num', 'data-model': m, 'data-revenue': c.revenue },
              h('div', { class: 'hint' }, 'not trained'));
          }
          return h('td', { class: 'num', 'data-model': m, 'data-revenue': c.revenue },
            h('div', {}, fmt.money(c.revenue, currency)),
            m === report.baseline ? h('div', { class: 'hint' }, 'baseline')
              : h('div', { class: 'hint' }, `${Number(c.difference) >= 0 ? '+' : ''}${fmt.percent(c.differencePercent)}`),
            c.interval ? h('div', { class: 'hint', 'data-interval': c.interval.version }, intervalText(c.interval, currency))
              : null);
        })))))));
}

export default { id, title, render };

/**
 * A cell's interval: in revenue where the version gives the channel a share (revenue scaled to either end), else as the
 * share's own interval (a share of 0 scales no revenue, yet its interval still says how far it may reach).
 */
function intervalText(interval, currency) {
  const level = `(${fmt.percent(Number(interval.level) * 100)})`;
  if (interval.revenueLow !== null && interval.revenueLow !== undefined) {
    return `${fmt.money(interval.revenueLow, currency)} – ${fmt.money(interval.revenueHigh, currency)} ${level}`;
  }
  return `share ${fmt.percent(Number(interval.low) * 100)} – ${fmt.percent(Number(interval.high) * 100)} ${level}`;
}
