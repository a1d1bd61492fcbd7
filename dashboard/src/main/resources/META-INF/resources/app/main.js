// The dashboard's shell: sign-in, the page menu, and which page the address (#/<page>) shows.
import { completeSignIn, loadConfig, session, signIn, signOut } from './auth.js';
import { destroyAll } from './charts.js';
import { h, show } from './dom.js';
import { errorBox } from './page.js';
import data from './pages/data.js';
import finance from './pages/finance.js';
import journeys from './pages/journeys.js';
import models from './pages/models.js';
import overview from './pages/overview.js';
import plan from './pages/plan.js';

/** The pages, in menu order. */
const PAGES = [overview, models, journeys, finance, plan, data];

const main = document.getElementById('main');

function pageOf(hash) {
  const id = (hash || '').replace(/^#\/?/, '').split('?')[0];
  return PAGES.find((p) => p.id === id) || PAGES[0];
}

function chrome(s) {
  show(document.getElementById('nav'), PAGES.map((p) => h('li', {},
    h('a', { href: `#/${p.id}`, 'data-page': p.id }, p.title))));
  show(document.getElementById('who'),
    h('span', { class: 'user' }, s.name),
    h('span', { class: 'roles', 'data-roles': s.roles.join(' ') }, s.roles.length ? s.roles.join(', ') : 'no role'),
    h('button', { type: 'button', class: 'link', onclick: () => { signOut(); window.location.replace('/'); } },
      'Sign out'));
}

async function route() {
  const s = session();
  if (!s) {
    signInScreen(await loadConfig());
    return;
  }
  const page = pageOf(window.location.hash);
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === page.id) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
  document.title = `${page.title} · Tally`;
  delete main.dataset.page; // set again once this page has drawn (tests wait for it)
  destroyAll();
  const started = performance.now();
  try {
    await page.render(main, s);
  } catch (e) {
    show(main, h('h1', {}, page.title), errorBox(e));
  }
  // how long the page took to draw, and (on a fresh load) since the browser began loading the address
  main.dataset.loadedMs = String(Math.round(performance.now() - started));
  main.dataset.sinceNavigationMs = String(Math.round(performance.now()));
  main.dataset.page = page.id;
}

function signInScreen(config, problem) {
  show(document.getElementById('nav'));
  show(document.getElementById('who'));
  document.title = 'Sign in · Tally';
  show(main,
    h('h1', {}, 'Sign in to Tally'),
    h('p', {}, 'What the integrated programme earned, which touches carried it, and whether it is on track for its '
      + 'goal. Sign in with your organisation\'s account; what you see depends on your role.'),
    problem ? errorBox(problem) : null,
    h('button', {
      type: 'button',
      id: 'sign-in',
      onclick: () => signIn(config).catch((e) => signInScreen(config, e)),
    }, 'Sign in'));
}

async function start() {
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    show(main, h('h1', {}, 'Tally'), errorBox(e));
    return;
  }
  try {
    const page = await completeSignIn(config);
    if (page !== null) {
      window.location.hash = page || '#/overview';
    }
  } catch (e) {
    signInScreen(config, e);
    return;
  }
  const s = session();
  if (!s) {
    signInScreen(config);
    return;
  }
  chrome(s);
  // a new address (a link, back, an edited fragment) redraws; a page's own selections replace the fragment's query
  // without this event (page.js) and redraw themselves
  window.addEventListener('hashchange', () => route());
  await route();
}

start();
