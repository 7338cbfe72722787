// Public notice search: full text, filters and facets, sort, search-after paging; the URL holds the whole query.
import { api, dateTime, highlighted, money, t } from './i18n.js';
import { page } from './layout.js';

const form = document.getElementById('search');
const hits = document.getElementById('hits');
const status = document.getElementById('status');
const facets = document.getElementById('facets');
const more = document.getElementById('more');
const FILTERS = ['kind', 'projectType', 'region'];
let next = null;

function currentQuery() {
  const params = new URLSearchParams(location.search);
  return params;
}

function fillForm(params) {
  form.q.value = params.get('q') ?? '';
  form.kind.value = params.get('kind') ?? '';
  form.sort.value = params.get('sort') ?? '';
}

async function run(params, append) {
  const query = new URLSearchParams(params);
  query.set('size', '20');
  if (append && next) {
    query.set('after', next);
  }
  status.textContent = t('loading');
  try {
    const result = await api('/api/public/search?' + query);
    if (!append) {
      hits.replaceChildren();
    }
    for (const hit of result.hits) {
      hits.append(render(hit));
    }
    next = result.next;
    more.hidden = !next;
    status.textContent = result.total ? t('search.found', result.total) : t('search.none');
    renderFacets(result.facets || {}, params);
  } catch (e) {
    status.textContent = t('search.failed', e.message);
    status.className = 'error';
  }
}

function render(hit) {
  const li = document.createElement('li');
  const h3 = document.createElement('h3');
  const a = document.createElement('a');
  a.href = '/notice.html?id=' + encodeURIComponent(hit.publicId);
  a.textContent = hit.title;
  h3.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const kindKey = 'kind.' + (hit.kind || '').toLowerCase().replace(/_/g, '-');
  meta.textContent = [t(kindKey), hit.projectType ? t('type.' + hit.projectType) : null, hit.tenderee, dateTime(hit.publishedAt),
    hit.amount != null ? money(hit.amount) + ' 元' : null].filter(Boolean).join(' · ');
  const snippet = document.createElement('p');
  highlighted(snippet, hit.snippet);
  li.append(h3, meta, snippet);
  return li;
}

function renderFacets(all, params) {
  facets.replaceChildren();
  for (const field of FILTERS) {
    const counts = all[field];
    if (!counts || !Object.keys(counts).length) {
      continue;
    }
    const h2 = document.createElement('h2');
    h2.textContent = t('facet.' + field);
    const ul = document.createElement('ul');
    for (const [value, count] of Object.entries(counts)) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      const label = field === 'kind' ? t('kind.' + value.toLowerCase().replace(/_/g, '-'))
        : field === 'projectType' ? t('type.' + value) : value;
      button.textContent = `${label} (${count})`;
      button.onclick = () => navigate({ ...Object.fromEntries(params), [field]: field === 'kind' ? value.toLowerCase().replace(/_/g, '-') : value });
      li.append(button);
      ul.append(li);
    }
    facets.append(h2, ul);
  }
  if (FILTERS.some(f => params.get(f))) {
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = t('facet.clear');
    clear.onclick = () => navigate({ q: params.get('q') ?? '' });
    facets.append(clear);
  }
}

function navigate(values) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v) {
      params.set(k, v);
    }
  }
  history.pushState(null, '', '/?' + params);
  next = null;
  run(params, false);
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const params = currentQuery();
  navigate({ ...Object.fromEntries(params), q: form.q.value.trim(), kind: form.kind.value, sort: form.sort.value });
});
more.addEventListener('click', () => run(currentQuery(), true));
window.addEventListener('popstate', () => {
  fillForm(currentQuery());
  next = null;
  run(currentQuery(), false);
});

await page();
fillForm(currentQuery());
run(currentQuery(), false);
