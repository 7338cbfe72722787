// One notice by its public id: its facts, its text, its OCDS release and permalink.
import { api, dateTime, money, t } from './i18n.js';
import { page } from './layout.js';

await page();
const article = document.getElementById('notice');
const id = new URLSearchParams(location.search).get('id') ?? '';

function row(dl, label, value) {
  const dt = document.createElement('dt');
  dt.textContent = t(label);
  const dd = document.createElement('dd');
  dd.textContent = value ?? '—';
  dl.append(dt, dd);
}

try {
  const n = await api('/api/public/notices/' + encodeURIComponent(id));
  document.title = n.title + ' — Sunbid';
  const h1 = document.createElement('h1');
  h1.textContent = n.title;
  const dl = document.createElement('dl');
  row(dl, 'notice.project', n.projectName);
  row(dl, 'notice.code', n.transactionCode);
  row(dl, 'notice.tenderee', n.tenderee);
  row(dl, 'notice.amount', n.amount != null ? money(n.amount) : null);
  row(dl, 'notice.published', dateTime(n.publishedAt));
  row(dl, 'notice.deadline', dateTime(n.bidDeadline));
  row(dl, 'notice.opening', dateTime(n.openingAt));
  const body = document.createElement('pre');
  body.textContent = n.body;
  const links = document.createElement('p');
  const ocds = document.createElement('a');
  ocds.href = '/api/public/notices/' + encodeURIComponent(n.publicId) + '/ocds';
  ocds.textContent = t('notice.ocds');
  const permalink = document.createElement('a');
  permalink.href = '/notice.html?id=' + encodeURIComponent(n.publicId);
  permalink.textContent = t('notice.permalink') + ' ' + n.publicId;
  permalink.style.marginLeft = '1rem';
  links.append(ocds, permalink);
  article.replaceChildren(h1, dl, body, links);
} catch (e) {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = t('notice.missing') + '：' + e.message;
  article.replaceChildren(p);
}
