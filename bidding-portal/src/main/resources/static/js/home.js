// Home: latest tender announcements and award notices, counts by notice type, a search box, open data links.
// Old links to the search (/?q=...) still work: they are sent on to /search.html with the same query.
import { page } from '/js/layout.js';
import { dateTime, t } from '/js/i18n.js';
import { json } from '/js/session.js';
import { KINDS, el, kindLabel, kindSlug } from '/js/public.js';
import { card, regionNamer } from '/js/notice-card.js';

const SEARCH_KEYS = ['q', 'kind', 'projectType', 'region', 'classification', 'from', 'to', 'minAmount', 'maxAmount', 'sort', 'page', 'after'];
const params = new URLSearchParams(location.search);
if (SEARCH_KEYS.some((key) => params.has(key))) {
  location.replace('/search.html' + location.search);
  await new Promise(() => {});
}

// the notices are asked for at once, beside the bundles and the region table, not one round trip after another
const search = (query) => json('/api/public/search?' + query, { anonymous: true });
const asked = {
  tenders: search('kind=tender-announcement&sort=date&size=6'),
  awards: search('kind=award&sort=date&size=6'),
  counts: search('size=1'),
};
for (const promise of Object.values(asked)) {
  promise.catch(() => {}); // shown where each is used
}
const [regionNames] = await Promise.all([regionNamer(), page('public', 'search')]);

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

async function latest(result, target) {
  const list = document.getElementById(target);
  try {
    const found = await result;
    list.replaceChildren(...(found.hits.length
      ? found.hits.map((hit) => card({ ...hit, snippet: null }, regionNames, 'h3'))
      : [el('li', { className: 'meta', text: t('home.empty') })]));
  } catch (e) {
    list.replaceChildren(el('li', { className: 'error', text: t('ps.failed', e.message) }));
  }
}

async function counts() {
  const tiles = document.getElementById('counts');
  try {
    const result = await asked.counts;
    const byKind = result.facets?.kind || {};
    const all = el('li', {}, el('a', { href: '/search.html?sort=date' },
      el('strong', { text: result.total.toLocaleString() }), el('span', { text: t('home.count.all') })));
    tiles.replaceChildren(all, ...KINDS.map(([name]) => el('li', {}, el('a', { href: '/search.html?kind=' + kindSlug(name) + '&sort=date' },
      el('strong', { text: (byKind[name] ?? 0).toLocaleString() }), el('span', { text: kindLabel(name) })))));
  } catch (e) {
    tiles.replaceChildren(el('li', { className: 'error', text: t('ps.failed', e.message) }));
  }
}

await Promise.all([demoTender(), latest(asked.tenders, 'latest-tenders'), latest(asked.awards, 'latest-awards'), counts()]);
