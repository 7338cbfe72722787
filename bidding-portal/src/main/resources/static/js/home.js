// Home: latest tender announcements and award notices, counts by notice type, a search box, open data links.
// Old links to the search (/?q=...) still work: they are sent on to /search.html with the same query.
import { page } from '/js/layout.js';
import { dateTime, t } from '/js/i18n.js';
import { json } from '/js/session.js';
import { KINDS, el, kindLabel, kindSlug, yuan } from '/js/public.js';

const SEARCH_KEYS = ['q', 'kind', 'projectType', 'region', 'classification', 'from', 'to', 'minAmount', 'maxAmount', 'sort', 'page', 'after'];
const params = new URLSearchParams(location.search);
if (SEARCH_KEYS.some((key) => params.has(key))) {
  location.replace('/search.html' + location.search);
  await new Promise(() => {});
}

await page('public');

function item(n) {
  const link = el('a', { href: '/notice.html?id=' + encodeURIComponent(n.publicId), text: n.title });
  const meta = el('p', { className: 'meta', text: [n.tenderee, n.winner ? t('ps.winner', n.winner) : null,
    yuan(n.amount), dateTime(n.publishedAt)].filter(Boolean).join(' · ') });
  return el('li', {}, link, meta);
}

function phase(code) {
  const label = t('home.demo.phase.' + code);
  return label.startsWith('home.demo.phase.') ? code : label;
}

/** With the demo data on, a test tender runs on an accelerated clock: say where to watch its opening. */
async function demoTender() {
  const response = await fetch('/api/public/demo-tender');
  if (!response.ok) {
    return; // demo mode off
  }
  const demo = await response.json();
  document.getElementById('demo-text').textContent = t('home.demo.text', demo.transactionCode, demo.projectName,
    dateTime(demo.bidDeadline), dateTime(demo.openingAt), phase(demo.phase));
  document.getElementById('demo-watch').href = demo.hallPath;
  document.getElementById('demo-tender').hidden = false;
}

async function latest(kind, target) {
  const list = document.getElementById(target);
  try {
    const page = await json('/api/public/notices?kind=' + kind + '&limit=6', { anonymous: true });
    list.replaceChildren(...(page.items.length ? page.items.map(item) : [el('li', { className: 'meta', text: t('home.empty') })]));
  } catch (e) {
    list.replaceChildren(el('li', { className: 'error', text: t('ps.failed', e.message) }));
  }
}

async function counts() {
  const tiles = document.getElementById('counts');
  try {
    const result = await json('/api/public/search?size=1', { anonymous: true });
    const byKind = result.facets?.kind || {};
    const all = el('li', {}, el('a', { href: '/search.html?sort=date' },
      el('strong', { text: result.total.toLocaleString() }), el('span', { text: t('home.count.all') })));
    tiles.replaceChildren(all, ...KINDS.map(([name]) => el('li', {}, el('a', { href: '/search.html?kind=' + kindSlug(name) + '&sort=date' },
      el('strong', { text: (byKind[name] ?? 0).toLocaleString() }), el('span', { text: kindLabel(name) })))));
  } catch (e) {
    tiles.replaceChildren(el('li', { className: 'error', text: t('ps.failed', e.message) }));
  }
}

await Promise.all([demoTender(), latest('tender-announcement', 'latest-tenders'), latest('award', 'latest-awards'), counts()]);
