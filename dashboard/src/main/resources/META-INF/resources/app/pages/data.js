// Data: offline import jobs with their progress and rejected rows (ingest, admin), a CSV upload, the pipeline's
// recent rejected events by reason (ingest, admin), and the API keys of machine clients (admin). Each part asks the API itself, so a role that may see one part still sees it when another
// is refused.
import { get, download, send, upload } from '../api.js';
import { dataTable } from '../charts.js';
import { h, show, loading } from '../dom.js';
import * as fmt from '../format.js';
import { errorBox } from '../page.js';

const id = 'data';
const title = 'Data';

const ROLES = ['analyst', 'finance', 'marketer', 'ingest', 'admin'];

async function render(main) {
  const imports = h('section', { class: 'card', id: 'imports' }, h('h2', {}, 'Offline imports'), loading());
  const rejects = h('section', { class: 'card', id: 'rejects' }, h('h2', {}, 'Rejected events'), loading());
  const keys = h('section', { class: 'card', id: 'api-keys' }, h('h2', {}, 'API keys'), loading());
  show(main, h('h1', {}, title), imports, rejects, keys);
  await Promise.all([importsPart(imports), rejectsPart(rejects, 7), keysPart(keys)]);
}

const WINDOWS = [[1, 'the last 24 hours'], [7, 'the last 7 days'], [30, 'the last 30 days']];
const EXCERPT = 160;

// The dead letters of every service (GET /api/v1/rejects) in the chosen window: by source, field and reason, and the
// latest with the start of what was sent (as text, never as markup).
async function rejectsPart(card, days) {
  const heading = h('h2', {}, 'Rejected events');
  const since = new Date(Date.now() - days * 86400000);
  since.setUTCMilliseconds(0);
  const from = since.toISOString().replace('.000Z', 'Z');
  let log;
  try {
    log = await get('/api/v1/rejects', { since: from, limit: 20 });
  } catch (e) {
    show(card, heading, errorBox(e));
    return;
  }
  const choice = h('select', {
    id: 'rejects-window',
    onchange: (e) => rejectsPart(card, Number(e.target.value)),
  }, WINDOWS.map(([d, text]) => h('option', { value: d, selected: d === days }, text)));
  const head = (cells) => h('thead', {}, h('tr', {}, cells.map(([c, num]) => h('th', { scope: 'col',
    class: num ? 'num' : null }, c))));
  show(card, heading,
    h('p', { class: 'hint' }, 'Input that beacons, webhooks, imports and the services\' consumers could not accept, '
      + 'from every service (the same bad input from the same source counts once). An offline import\'s rejected rows '
      + 'are here too; its own list above has every one of them.'),
    h('div', { class: 'controls' }, h('label', { for: 'rejects-window' }, 'Rejected in ', choice)),
    h('p', { class: 'state', 'data-rejects-total': log.total, 'data-since': from },
      log.total ? `${fmt.number(log.total, 0)} rejected in ${WINDOWS.find(([d]) => d === days)[1]}.`
        : `Nothing rejected in ${WINDOWS.find(([d]) => d === days)[1]}.`),
    log.byReason.length ? h('div', { class: 'scroll' }, h('table', { class: 'data', id: 'rejects-by-reason' },
      h('caption', {}, 'By reason'),
      head([['Source'], ['Field'], ['Reason'], ['Count', true], ['Last']]),
      h('tbody', {}, log.byReason.map((g) => h('tr', { 'data-source': g.source, 'data-field': g.field },
        h('th', { scope: 'row' }, g.source),
        h('td', {}, g.field ? h('code', {}, g.field) : '(whole record)'),
        h('td', {}, g.reason),
        h('td', { class: 'num', 'data-count': g.count }, fmt.number(g.count, 0)),
        h('td', {}, fmt.instant(g.lastAt))))))) : null,
    log.recent.length ? h('div', { class: 'scroll' }, h('table', { class: 'data', id: 'rejects-recent' },
      h('caption', {}, 'Most recent'),
      head([['Rejected'], ['Source'], ['Field'], ['Reason'], ['Input']]),
      h('tbody', {}, log.recent.map((r) => h('tr', { 'data-reject': r.eventId },
        h('th', { scope: 'row' }, fmt.instant(r.rejectedAt)),
        h('td', {}, r.source),
        h('td', {}, r.field ? h('code', {}, r.field) : '(whole record)'),
        h('td', {}, r.reason),
        h('td', {}, h('code', { class: 'excerpt', title: r.rawExcerpt }, r.rawExcerpt.length > EXCERPT
          ? `${r.rawExcerpt.substring(0, EXCERPT)}…` : r.rawExcerpt))))))) : null,
    h('button', { type: 'button', onclick: () => rejectsPart(card, days) }, 'Refresh'));
}

async function importsPart(card) {
  const heading = h('h2', {}, 'Offline imports');
  let jobs;
  try {
    jobs = await get('/api/v1/imports', { limit: 20 });
  } catch (e) {
    show(card, heading, errorBox(e));
    return;
  }
  const redraw = () => importsPart(card);
  show(card, heading,
    jobs.length ? h('div', { class: 'scroll' }, h('table', { class: 'data' },
      h('caption', { class: 'visually-hidden' }, 'Recent import jobs'),
      h('thead', {}, h('tr', {}, ['Started', 'Rows of', 'Status', 'Read', 'Accepted', 'Already known', 'Rejected', '']
        .map((c, i) => h('th', { scope: 'col', class: i >= 3 && i <= 6 ? 'num' : null },
          c || h('span', { class: 'visually-hidden' }, 'Rejected rows'))))),
      h('tbody', {}, jobs.map((j) => h('tr', { 'data-job': j.id, 'data-status': j.status },
        h('th', { scope: 'row' }, fmt.instant(j.createdAt)),
        h('td', {}, fmt.label(j.kind)),
        h('td', {}, fmt.label(j.status), j.error ? h('div', { class: 'hint' }, j.error) : null,
          j.status === 'running' ? h('progress', { 'aria-label': `Rows read: ${j.rowsRead}` }) : null),
        h('td', { class: 'num' }, fmt.number(j.rowsRead, 0)),
        h('td', { class: 'num' }, fmt.number(j.accepted, 0)),
        h('td', { class: 'num' }, fmt.number(j.deduplicated, 0)),
        h('td', { class: 'num', 'data-rejected': j.rejected }, fmt.number(j.rejected, 0)),
        h('td', {}, j.rejected > 0 ? h('button', {
          type: 'button', class: 'small', 'data-rejects': j.id,
          onclick: () => download(`/api/v1/imports/${j.id}/rejects`, {}, `import-${j.id}-rejects.csv`),
        }, 'Rejected rows (CSV)') : null))))))
      : h('p', { class: 'state' }, 'No import yet.'),
    uploadForm(redraw),
    h('button', { type: 'button', onclick: redraw }, 'Refresh'));
  if (jobs.some((j) => j.status === 'queued' || j.status === 'running')) {
    setTimeout(() => {
      if (card.isConnected) {
        redraw();
      }
    }, 2000);
  }
}

function uploadForm(redraw) {
  const status = h('div', { 'aria-live': 'polite' });
  return h('form', {
    class: 'controls create', id: 'upload',
    onsubmit: async (e) => {
      e.preventDefault();
      const form = e.target;
      const file = form.file.files[0];
      if (!file) {
        return;
      }
      show(status, h('p', { class: 'state', role: 'status' }, `Uploading ${file.name}…`));
      try {
        await upload('/api/v1/imports/offline', { kind: form.kind.value }, file, 'text/csv; charset=UTF-8');
        await redraw();
      } catch (err) {
        show(status, errorBox(err));
      }
    },
  }, h('h3', { class: 'form-title' }, 'Upload a CSV file'),
  h('label', { for: 'upload-kind' }, 'Rows are ', h('select', { id: 'upload-kind', name: 'kind' },
    [['conversions', 'Point-of-sale conversions'], ['touchpoints', 'Offline touchpoints'], ['refunds', 'Refunds']]
      .map(([v, t]) => h('option', { value: v }, t)))),
  h('label', { for: 'upload-file' }, 'File ', h('input', { id: 'upload-file', name: 'file', type: 'file',
    accept: '.csv,text/csv', required: true })),
  h('button', { type: 'submit' }, 'Upload'), status);
}

async function keysPart(card) {
  const heading = h('h2', {}, 'API keys');
  let keys;
  try {
    keys = (await get('/api/v1/api-keys')).items;
  } catch (e) {
    show(card, heading, errorBox(e));
    return;
  }
  const redraw = () => keysPart(card);
  const created = h('div', { 'aria-live': 'polite' });
  show(card, heading,
    h('p', { class: 'hint' }, 'Keys for machine clients (BI extracts, scheduled imports), sent in X-API-Key. '
      + 'Tally keeps only a hash: a key is shown once, when it is created.'),
    keys.length ? dataTable('API keys', {
      head: ['Name', 'Roles', 'Created', 'Last used', 'Revoked'],
      rows: keys.map((k) => [k.name, k.roles.join(', '), `${fmt.instant(k.createdAt)} by ${k.createdBy}`,
        k.lastUsedAt ? fmt.instant(k.lastUsedAt) : 'never',
        k.revokedAt ? `${fmt.instant(k.revokedAt)} by ${k.revokedBy}` : h('button', {
          type: 'button', class: 'small', 'data-revoke': k.id,
          onclick: async () => {
            try {
              await send('DELETE', `/api/v1/api-keys/${k.id}`);
              redraw();
            } catch (e) {
              show(created, errorBox(e));
            }
          },
        }, `Revoke ${k.name}`)]),
    }) : h('p', { class: 'state' }, 'No API key yet.'),
    h('form', {
      class: 'controls create', id: 'new-api-key',
      onsubmit: async (e) => {
        e.preventDefault();
        const form = e.target;
        const roles = ROLES.filter((r) => form[`role-${r}`].checked);
        try {
          const answer = await send('POST', '/api/v1/api-keys', { name: form.name.value, roles });
          await redraw();
          show(card.querySelector('[aria-live]'), h('div', { class: 'ok', role: 'status' },
            `Key for ${answer.body.name} (copy it now, it is not shown again): `,
            h('code', { id: 'new-key' }, answer.body.key)));
        } catch (err) {
          show(created, errorBox(err));
        }
      },
    }, h('h3', { class: 'form-title' }, 'Create a key'),
    h('label', { for: 'key-name' }, 'Name ', h('input', { id: 'key-name', name: 'name', required: true,
      maxlength: 200 })),
    h('fieldset', {}, h('legend', {}, 'Roles'), ROLES.map((r) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: `role-${r}` }), ` ${r}`))),
    h('button', { type: 'submit' }, 'Create key')),
    created);
}

export default { id, title, render };
