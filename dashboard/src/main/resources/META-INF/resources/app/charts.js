// Charts (Chart.js, bundled) that every user can read: each canvas is an image with a text summary for screen
// readers, and its figures are one click away as a table. A palette that keeps its contrast on white and for the
// common kinds of colour blindness (Okabe–Ito, then four of Tol's for up to twelve models).
import { h } from './dom.js';

export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999999',
  '#882255', '#44AA99', '#117733', '#AA4499'];

const live = new Set();

/** Destroys the charts of the page being left. */
export function destroyAll() {
  for (const chart of live) {
    chart.destroy();
  }
  live.clear();
}

/**
 * A figure: title, chart, and the same figures as a table.
 *
 * @param id stable id for tests and anchors
 * @param summary the text a screen reader reads for the chart
 * @param config a Chart.js configuration
 * @param table { head: [..], rows: [[..]] } the figures
 */
export function figure(id, title, summary, config, table) {
  const canvas = h('canvas', { role: 'img', 'aria-label': summary });
  const box = h('div', { class: 'chart' }, canvas);
  const el = h('figure', { class: 'card', id },
    h('figcaption', {}, h('h3', {}, title)),
    box,
    h('details', {}, h('summary', {}, 'Show the figures as a table'), dataTable(title, table)));
  if (window.Chart) {
    requestAnimationFrame(() => {
      if (canvas.isConnected) {
        live.add(new window.Chart(canvas, withDefaults(config)));
      }
    });
  } else {
    box.replaceChildren(h('p', { class: 'state' }, 'The chart library did not load; the table has the figures.'));
  }
  return el;
}

export function dataTable(caption, table) {
  return h('table', { class: 'data' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, table.head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
    h('tbody', {}, table.rows.map((row) => h('tr', {}, row.map((c, i) => (i
      ? h('td', { class: 'num' }, c)
      : h('th', { scope: 'row' }, c)))))));
}

function withDefaults(config) {
  const options = config.options || {};
  return {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...options,
      plugins: { legend: { position: 'bottom' }, ...(options.plugins || {}) },
    },
  };
}
