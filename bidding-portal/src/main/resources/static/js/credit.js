// The public credit lists: bans in force and bad records within their publication period, searchable and paged.
// State (tab, q, kind, page) lives in the URL.
import { page } from '/js/layout.js';
import { t } from '/js/i18n.js';
import { json } from '/js/session.js';
import { day, el } from '/js/public.js';

await page('public');

const SIZE = 20;
const form = document.getElementById('credit-filter');
const table = document.getElementById('credit-table');
const status = document.getElementById('credit-status');
const pager = document.getElementById('credit-pager');
const cache = {};

const TABS = {
  bans: {
    url: '/api/public/blacklist/bans',
    unwrap: (x) => ({ ...x.ban, partyName: x.partyName }),
    kinds: ['BID_RIGGING_OR_BRIBERY', 'FRAUD', 'ESPECIALLY_SERIOUS'],
    kindOf: (b) => b.kind,
    columns: ['pc.party', 'pc.ban.kind', 'pc.ban.scope', 'pc.reason', 'pc.period', 'pc.authority', 'pc.decision'],
    row: (b) => [party(b.partyName, b.partyCode, b.memberId), t('pc.ban.' + b.kind), t('pc.scope.' + b.scope),
      [b.reason, b.legalBasis ? el('br') : null, b.legalBasis ? el('span', { className: 'meta', text: b.legalBasis }) : null],
      `${day(b.startsOn)} — ${day(b.endsOn)}`, b.authority, hash(b.decisionSha256)],
    text: (b) => [b.partyName, b.partyCode, b.memberId, b.reason, b.legalBasis, b.authority].join(' '),
  },
  records: {
    url: '/api/public/blacklist/bad-records',
    unwrap: (x) => ({ ...x.record, partyName: x.partyName }),
    kinds: ['MINOR', 'SERIOUS', 'GRAVE'],
    kindOf: (r) => r.severity,
    columns: ['pc.party', 'pc.severity', 'pc.description', 'pc.decided', 'pc.published-until', 'pc.authority', 'pc.decision'],
    row: (r) => [party(r.partyName, null, r.memberId), t('pc.severity.' + r.severity),
      [r.description, r.legalBasis ? el('br') : null, r.legalBasis ? el('span', { className: 'meta', text: r.legalBasis }) : null],
      day(r.decidedOn), day(r.publishedUntil), r.authority, hash(r.decisionSha256)],
    text: (r) => [r.partyName, r.memberId, r.description, r.legalBasis, r.authority].join(' '),
  },
};

/** The party: its registered name (companies only), its credit code, its member id. */
function party(name, code, memberId) {
  const lines = [name ? el('strong', { text: name }) : null, code ? (name ? el('span', { text: code }) : el('strong', { text: code })) : null,
    memberId ? el('span', { className: 'meta', text: t('pc.member', memberId) }) : null].filter(Boolean);
  return lines.flatMap((line, i) => (i ? [el('br'), line] : [line]));
}

function hash(sha256) {
  return sha256 ? el('code', { className: 'hash', title: sha256, text: sha256.slice(0, 12) + '…' }) : '—';
}

function state() {
  const p = new URLSearchParams(location.search);
  return { tab: p.get('tab') === 'records' ? 'records' : 'bans', q: (p.get('q') || '').trim(), kind: p.get('kind') || '',
    page: Math.max(1, Number(p.get('page')) || 1) };
}

function href(s) {
  const p = new URLSearchParams();
  p.set('tab', s.tab);
  if (s.q) p.set('q', s.q);
  if (s.kind) p.set('kind', s.kind);
  if (s.page > 1) p.set('page', String(s.page));
  return '/credit.html?' + p;
}

function cell(value) {
  const td = el('td');
  for (const part of [].concat(value ?? '—')) {
    if (part !== null && part !== undefined) {
      td.append(part);
    }
  }
  return td;
}

async function run() {
  const s = state();
  const tab = TABS[s.tab];
  for (const name of Object.keys(TABS)) {
    const link = document.getElementById('tab-' + name);
    if (name === s.tab) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
    link.href = href({ tab: name, q: '', kind: '', page: 1 });
  }
  form.q.value = s.q;
  const select = form.kind;
  select.replaceChildren(el('option', { value: '', text: t('ps.any') }),
    ...tab.kinds.map((k) => el('option', { value: k, text: t((s.tab === 'bans' ? 'pc.ban.' : 'pc.severity.') + k) })));
  select.value = tab.kinds.includes(s.kind) ? s.kind : '';
  document.getElementById('credit-kind-label').textContent = t(s.tab === 'bans' ? 'pc.ban.kind' : 'pc.severity');
  status.className = '';
  status.textContent = t('loading');
  try {
    cache[s.tab] ??= (await json(tab.url, { anonymous: true })).map(tab.unwrap);
    const words = s.q.toLowerCase().split(/\s+/).filter(Boolean);
    const rows = cache[s.tab].filter((item) => (!select.value || tab.kindOf(item) === select.value)
      && words.every((w) => tab.text(item).toLowerCase().includes(w)));
    const pages = Math.max(1, Math.ceil(rows.length / SIZE));
    const current = Math.min(s.page, pages);
    const shown = rows.slice((current - 1) * SIZE, current * SIZE);
    table.replaceChildren(
      el('caption', { className: 'visually-hidden', text: t(s.tab === 'bans' ? 'pc.bans' : 'pc.records') }),
      el('thead', {}, el('tr', {}, ...tab.columns.map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, ...shown.map((item) => el('tr', {}, ...tab.row(item).map(cell)))));
    status.textContent = rows.length ? t('pc.found', rows.length, cache[s.tab].length) : t('pc.none');
    table.hidden = !rows.length;
    const links = [];
    for (let p = 1; p <= pages && pages > 1; p++) {
      const a = el('a', { href: href({ ...s, page: p }), text: String(p) });
      if (p === current) {
        a.setAttribute('aria-current', 'page');
      }
      links.push(a);
    }
    pager.replaceChildren(...links);
  } catch (e) {
    status.className = 'error';
    status.textContent = t('ps.failed', e.message);
  }
}

function go(url) {
  history.pushState(null, '', url);
  run();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(href({ tab: state().tab, q: form.q.value.trim(), kind: form.kind.value, page: 1 }));
});
for (const container of [pager, document.querySelector('.tabs')]) {
  container.addEventListener('click', (event) => {
    const a = event.target.closest('a');
    if (a && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      go(a.getAttribute('href'));
    }
  });
}
window.addEventListener('popstate', run);
run();
