// Journeys: the top conversion paths with their conversion rates and path lengths; integrated (several channels)
// against isolated (one channel) journeys, and the lift of every pair of channels seen together.
import { get, download } from '../api.js';
import { figure, dataTable, PALETTE } from '../charts.js';
import { h, show, loading } from '../dom.js';
import * as fmt from '../format.js';
import { errorBox, rangeControls, rangeSelection } from '../page.js';

const id = 'journeys';
const title = 'Journeys';

async function render(main) {
  show(main, h('h1', {}, title), loading());
  const programmes = (await get('/api/v1/programmes', { size: 200, sort: 'name' })).items;
  const s = rangeSelection();
  const chosen = programmes.find((p) => p.id === s.programme);
  const currency = s.params.get('currency') || (chosen ? chosen.reportingCurrency : 'EUR');
  const query = { from: s.from, to: s.to, programmeId: s.programme, currency };
  const body = h('div', {}, loading());
  show(main, h('h1', {}, title),
    rangeControls(programmes, s, [
      h('label', {}, 'Currency ', h('input', { name: 'currency', value: currency, size: 4, maxlength: 3 })),
      h('button', { type: 'button', id: 'paths-csv',
        onclick: () => download('/api/v1/reports/paths', { ...query, top: 100 }, `paths-${s.from}-${s.to}.csv`) },
      'Download paths CSV')]),
    body);
  try {
    const [paths, integration] = await Promise.all([
      get('/api/v1/reports/paths', { ...query, top: 10 }), get('/api/v1/reports/integration', query)]);
    show(body, integrated(integration), pathsCard(paths), pairsCard(integration));
  } catch (e) {
    show(body, errorBox(e));
  }
}

const GROUP = { no_channel: 'No touch', single_channel: 'One channel', multi_channel: 'Several channels' };

function integrated(report) {
  const c = report.currency;
  return h('section', { class: 'card', id: 'integration' }, h('h2', {}, 'Integrated against isolated journeys'),
    h('p', {}, h('strong', { 'data-figure': 'multiChannelRevenueShare', 'data-value': report.multiChannelRevenueShare },
      fmt.percent(report.multiChannelRevenueShare)), ' of the revenue came from journeys that met several channels.'),
    dataTable('Journeys by how many channels touched them', {
      head: ['Journeys touched by', 'Journeys', 'Conversions', 'Conversion rate', 'Revenue', 'Average order',
        'Revenue per journey'],
      rows: report.groups.map((g) => [GROUP[g.group] || fmt.label(g.group), fmt.number(g.journeys, 0),
        fmt.number(g.conversions, 0), fmt.percent(g.conversionRate), fmt.money(g.revenue, c),
        fmt.money(g.averageOrderValue, c), fmt.money(g.revenuePerJourney, c)]),
    }));
}

function pathsCard(report) {
  const c = report.currency;
  const lengths = report.lengths;
  return h('div', { class: 'grid' },
    h('section', { class: 'card', id: 'paths' }, h('h2', {}, 'Top conversion paths'), report.paths.length
      ? h('div', { class: 'scroll' }, dataTable('Top conversion paths', {
        head: ['Path', 'Journeys', 'Conversions', 'Conversion rate', 'Revenue', 'Hours to convert'],
        rows: report.paths.map((p) => [p.path.split(' > ').map(fmt.label).join(' → '), fmt.number(p.journeys, 0),
          fmt.number(p.conversions, 0), fmt.percent(p.conversionRate), fmt.money(p.revenue, c),
          fmt.number(p.averageHoursToConvert)]),
      }))
      : h('p', { class: 'state' }, 'No journey ended in these days.'),
    h('p', { class: 'hint' }, `${report.distinctPaths} distinct paths; journeys cut with a ${report.lookbackDays}-day `
      + 'lookback.')),
    figure('lengths', 'Conversion rate by path length', lengths.map((l) => `${l.touches} touches: `
      + `${fmt.percent(l.conversionRate)} of ${l.journeys} journeys`).join('; ') || 'No journeys', {
      type: 'bar',
      data: { labels: lengths.map((l) => String(l.touches)), datasets: [{ label: 'Conversion rate (%)',
        data: lengths.map((l) => Number(l.conversionRate)), backgroundColor: PALETTE[0] }] },
      options: { scales: { x: { title: { display: true, text: 'Touches in the journey' } } } },
    }, { head: ['Touches', 'Journeys', 'Conversions', 'Conversion rate'], rows: lengths.map((l) => [
      String(l.touches), fmt.number(l.journeys, 0), fmt.number(l.conversions, 0), fmt.percent(l.conversionRate)]) }));
}

function pairsCard(report) {
  return h('section', { class: 'card', id: 'pairs' }, h('h2', {}, 'Channels together: pair lift'),
    h('p', { class: 'hint' }, 'The conversion rate of journeys with both channels against journeys with the first '
      + 'but not the second; lift above 1 means the second channel helped the first.'),
    report.pairs.length ? h('div', { class: 'scroll' }, dataTable('Pair lift', {
      head: ['Channel', 'With', 'Journeys with both', 'Rate with both', 'Journeys without', 'Rate without', 'Lift'],
      rows: report.pairs.map((p) => [fmt.label(p.channel), fmt.label(p.with), fmt.number(p.journeysWithBoth, 0),
        fmt.percent(p.conversionRateWithBoth), fmt.number(p.journeysWithoutOther, 0),
        fmt.percent(p.conversionRateWithoutOther), p.lift === null || p.lift === undefined ? '–' : fmt.ratio(p.lift)]),
    })) : h('p', { class: 'state' }, 'No two channels met the same journey in these days.'));
}

export default { id, title, render };
