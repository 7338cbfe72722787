// Public notice search: full text, filters and facets, sort, page numbers and search-after for deep pages.
// The URL holds the whole query, so every result page is a deep link; the CSV link repeats the same query.
import { page } from '/js/layout.js';
import { t } from '/js/i18n.js';
import { json, showProblem } from '/js/session.js';
import { KINDS, PROJECT_TYPES, el, kindLabel, kindName, kindSlug, typeLabel } from '/js/public.js';
import { card, regionNamer, regionTable } from '/js/notice-card.js';
import { fillRegionPicker } from '/js/region-picker.js';

// the code tables load beside the bundles, not after them
const [regionNames, regions] = await Promise.all([regionNamer(), regionTable(), page('public', 'search')]);

const SIZE = 20;
const WINDOW = 10000;
const FIELDS = ['q', 'kind', 'projectType', 'region', 'classification', 'from', 'to', 'minAmount', 'maxAmount', 'sort',
  'includeTests'];
const ADVANCED = ['region', 'from', 'to', 'minAmount', 'maxAmount', 'sort', 'includeTests'];
const FACETS = ['kind', 'projectType', 'region', 'classification'];

const form = document.getElementById('search');
const hits = document.getElementById('hits');
const status = document.getElementById('status');
const facets = document.getElementById('facets');
const pager = document.getElementById('pager');
const csv = document.getElementById('csv');
const active = document.getElementById('active');
let classificationNames = null;
let refocus = null;

for (const [name] of KINDS) {
  form.kind.append(el('option', { value: kindSlug(name), text: kindLabel(name) }));
}
for (const type of PROJECT_TYPES) {
  form.projectType.append(el('option', { value: type, text: typeLabel(type) }));
}
fillRegionPicker(form.region, regions);

/** The search state as the URL says it. */
function state() {
  const params = new URLSearchParams(location.search);
  const s = {};
  for (const key of [...FIELDS, 'page', 'after', 'n']) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') {
      s[key] = value.trim();
    }
  }
  return s;
}

function toQuery(s, keys = Object.keys(s)) {
  const params = new URLSearchParams();
  for (const key of keys) {
    if (s[key] !== undefined && s[key] !== '') {
      params.set(key, s[key]);
    }
  }
  return params;
}

function href(s) {
  const query = toQuery(s).toString();
  return '/search.html' + (query ? '?' + query : '');
}

function fillForm(s) {
  for (const key of FIELDS) {
    const field = form.elements.namedItem(key);
    if (field) {
      field.value = key === 'kind' && s.kind ? kindSlug(s.kind) : (s[key] ?? '');
      field.removeAttribute('aria-invalid');
    }
  }
  if (ADVANCED.some((key) => s[key])) {
    document.getElementById('more-filters').open = true;
  }
}

function navigate(s) {
  history.pushState(null, '', href(s));
  run();
}

async function run() {
  const s = state();
  fillForm(s);
  const query = toQuery(s, FIELDS);
  query.set('size', String(SIZE));
  if (s.after) {
    query.set('after', s.after);
  } else if (s.page && Number(s.page) > 1) {
    query.set('page', String(Number(s.page) - 1));
  }
  csv.href = '/api/public/search.csv?' + toQuery(s, FIELDS);
  status.className = '';
  status.textContent = t('loading');
  form.setAttribute('aria-busy', 'true');
  try {
    const result = await json('/api/public/search?' + query, { anonymous: true });
    hits.replaceChildren(...result.hits.map((hit) => card(hit, regionNames)));
    // the pager comes with the hits (the facets below may wait for the code tables)
    renderPager(result, s);
    status.textContent = !result.total ? t('ps.none')
      : result.totalExact === false ? t('ps.found.over', countLabel(result.total)) : t('ps.found', result.total.toLocaleString());
    await renderFacets(result.facets || {}, s, result.facetsExact !== false);
    if (refocus) {
      // keyboard users stay on the facet they pressed (or land on the results when it is gone)
      const again = facets.querySelector(`button[data-field="${CSS.escape(refocus[0])}"][data-value="${CSS.escape(refocus[1])}"]`);
      (again || status).focus();
      refocus = null;
    }
    renderActive(s);
    document.title = (s.q ? s.q + ' — ' : '') + t('ps.title') + ' — Sunbid';
  } catch (e) {
    hits.replaceChildren();
    pager.replaceChildren();
    status.className = 'error';
    status.textContent = t('ps.failed', e.message);
    if (e.field) {
      showProblem(e, form, null);
    }
  } finally {
    form.removeAttribute('aria-busy');
  }
}

async function facetLabel(field, value) {
  if (field === 'kind') {
    return kindLabel(value);
  }
  if (field === 'projectType') {
    return typeLabel(value);
  }
  if (field === 'region') {
    return regionNames(value);
  }
  if (field === 'classification') {
    if (classificationNames === null) {
      classificationNames = {};
      try {
        const en = document.documentElement.lang === 'en';
        for (const c of await json('/api/public/classification-codes', { anonymous: true })) {
          classificationNames[c.code] = en ? c.nameEn : c.nameZh;
        }
      } catch {
        // codes stay unnamed
      }
    }
    return classificationNames[value] ? `${value} ${classificationNames[value]}` : value;
  }
  return value;
}

function isActive(field, value, s) {
  if (!s[field]) {
    return false;
  }
  return field === 'kind' ? kindName(s.kind) === kindName(value) : s[field] === value;
}

/** A count where counting stopped, as people say it: "1 万" in Chinese, "10,000" in English. */
function countLabel(n) {
  return document.documentElement.lang !== 'en' && n % 10000 === 0 ? `${n / 10000} 万` : n.toLocaleString();
}

// facet counts from the first matches only (a text search stops counting at 10,000) are lower bounds: "(123+)"
async function renderFacets(all, s, exact) {
  const groups = [];
  for (const field of FACETS) {
    const counts = all[field];
    if (!counts || !Object.keys(counts).length) {
      continue;
    }
    const list = el('ul');
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, field === 'classification' ? 12 : 30);
    for (const [value, count] of entries) {
      const on = isActive(field, value, s);
      const button = el('button', { type: 'button', className: 'facet', 'aria-pressed': on ? 'true' : 'false',
        'data-field': field, 'data-value': value });
      button.append(el('span', { text: await facetLabel(field, value) }), ' ', el('span', { className: 'count', text: exact ? `(${count})` : `(${count}+)` }));
      button.addEventListener('click', () => {
        refocus = [field, value];
        const next = { ...state() };
        delete next.page;
        delete next.after;
        delete next.n;
        if (on) {
          delete next[field];
        } else {
          next[field] = field === 'kind' ? kindSlug(value) : value;
        }
        navigate(next);
      });
      list.append(el('li', {}, button));
    }
    groups.push(el('section', { className: 'facet-group' }, el('h2', { text: t('ps.facet.' + field) }), list));
  }
  if (!exact && groups.length) {
    groups.push(el('p', { className: 'meta facets-sampled', text: t('ps.facets.sampled', countLabel(10000)) }));
  }
  facets.replaceChildren(...groups);
}

function renderActive(s) {
  const chips = [];
  for (const field of FIELDS.filter((f) => f !== 'q' && f !== 'sort')) {
    if (!s[field]) {
      continue;
    }
    let label = s[field];
    if (field === 'kind') {
      label = kindLabel(s.kind);
    } else if (field === 'projectType') {
      label = typeLabel(s.projectType);
    } else if (field === 'region') {
      label = regionNames(s.region);
    } else if (field === 'includeTests') {
      label = t('ps.includeTests.yes');
    }
    const remove = el('button', { type: 'button', className: 'chip',
      'aria-label': t('ps.remove', t('ps.' + field), label) }, `${t('ps.' + field)}：${label} ✕`);
    remove.addEventListener('click', () => {
      const next = { ...state() };
      delete next[field];
      delete next.page;
      delete next.after;
      delete next.n;
      navigate(next);
    });
    chips.push(remove);
  }
  if (chips.length > 1) {
    const clear = el('button', { type: 'button', className: 'link', text: t('ps.clear') });
    clear.addEventListener('click', () => navigate(s.q ? { q: s.q } : {}));
    chips.push(clear);
  }
  active.replaceChildren(...chips);
}

function pageLink(s, number, text, current) {
  const target = { ...s, page: number > 1 ? String(number) : undefined };
  delete target.after;
  delete target.n;
  const a = el('a', { href: href(target), text: text ?? String(number) });
  if (current) {
    a.setAttribute('aria-current', 'page');
  }
  return a;
}

function renderPager(result, s) {
  const items = [];
  if (s.after) {
    // beyond the numbered window: search-after cursors, forward only
    const ordinal = Number(s.n) || 0;
    items.push(pageLink(s, 1, t('ps.first')));
    if (ordinal) {
      items.push(el('span', { className: 'current', text: t('ps.page', ordinal) }));
    }
    if (result.next) {
      items.push(el('a', { href: href({ ...s, after: result.next, n: ordinal ? String(ordinal + 1) : undefined }),
        rel: 'next', text: t('ps.next') }));
    }
  } else {
    const current = Math.max(1, Number(s.page) || 1);
    const pages = Math.ceil(Math.min(result.total, WINDOW) / SIZE);
    if (current > 1) {
      items.push(pageLink(s, current - 1, t('ps.previous')));
    }
    const from = Math.max(1, current - 3);
    const to = Math.min(pages, current + 3);
    if (from > 1) {
      items.push(pageLink(s, 1), el('span', { text: '…' }));
    }
    for (let p = from; p <= to; p++) {
      items.push(pageLink(s, p, String(p), p === current));
    }
    if (to < pages) {
      items.push(el('span', { text: '…' }), pageLink(s, pages));
    }
    if (current < pages) {
      const next = pageLink(s, current + 1, t('ps.next'));
      next.rel = 'next';
      items.push(next);
    } else if (result.next && (result.total > WINDOW || result.totalExact === false)) {
      items.push(el('a', { href: href({ ...s, page: undefined, after: result.next, n: String(current + 1) }), rel: 'next',
        text: t('ps.next') }));
    }
  }
  pager.replaceChildren(...(items.length > 1 || s.after ? items : []));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const next = {};
  for (const key of FIELDS) {
    const field = form.elements.namedItem(key);
    if (field && field.value.trim() !== '') {
      next[key] = field.value.trim();
    }
  }
  navigate(next);
});

pager.addEventListener('click', (event) => {
  const a = event.target.closest('a');
  if (a && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    event.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    run();
    document.getElementById('main').scrollIntoView();
  }
});

window.addEventListener('popstate', run);
run();
