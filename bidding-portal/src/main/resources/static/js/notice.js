// One notice by its public id: facts, lots, text, public signed documents, OCDS downloads, permalink, and the
// other notices of the same project (from the project's OCDS record package).
import { page } from '/js/layout.js';
import { dateTime, t } from '/js/i18n.js';
import { json } from '/js/session.js';
import { el, kindLabel, kindName, typeLabel, yuan } from '/js/public.js';
import { classificationNames, regionName } from '/js/codes.js';

await page('public');

const article = document.getElementById('notice');
const id = new URLSearchParams(location.search).get('id') ?? '';

async function facts(n) {
  const dl = el('dl', { className: 'facts' });
  const row = (key, value) => {
    if (value !== null && value !== undefined && value !== '') {
      dl.append(el('dt', { text: t(key) }), el('dd', { text: value }));
    }
  };
  row('pn.kind', kindLabel(n.kind));
  row('pn.project', n.projectName);
  row('pn.code', n.transactionCode);
  row('pn.type', typeLabel(n.projectType));
  row('pn.tenderee', n.tenderee);
  row('pn.agency', n.agency);
  row('pn.winner', n.winner);
  row('pn.amount', yuan(n.amount));
  row('pn.region', await regionName(n.regionCode));
  row('pn.classification', await classificationNames(n.classificationCodes));
  row('pn.published', dateTime(n.publishedAt));
  row('pn.deadline', n.bidDeadline ? dateTime(n.bidDeadline) : null);
  row('pn.opening', n.openingAt ? dateTime(n.openingAt) : null);
  return dl;
}

function lots(n) {
  if (!n.lots?.length) {
    return null;
  }
  const body = el('tbody');
  for (const lot of n.lots) {
    body.append(el('tr', {}, el('td', { text: String(lot.number) }), el('td', { text: lot.name }),
      el('td', { text: yuan(lot.estimate) ?? '—' }), el('td', { text: yuan(lot.deposit) ?? '—' })));
  }
  return el('section', { 'aria-labelledby': 'lots-title' }, el('h2', { id: 'lots-title', text: t('pn.lots') }),
    el('div', { className: 'table-scroll' }, el('table', { className: 'data' },
      el('thead', {}, el('tr', {}, ...['pn.lot.number', 'pn.lot.name', 'pn.lot.estimate', 'pn.lot.deposit']
        .map((key) => el('th', { scope: 'col', text: t(key) })))), body)));
    if (award.stage === 'PUBLICITY') {
      tables.push(el('p', {}, el('a', { href: '/award.html?lot=' + encodeURIComponent(lot.id), text: t('pn.cand.object') })));
    }
}

/** The ranked candidates of each lot as publicised (publicity, award and contract notices), one table per lot. */
async function candidates(n) {
  if (!['CANDIDATE_PUBLICITY', 'AWARD', 'CONTRACT'].includes(kindName(n.kind)) || !n.lots?.length) {
    return null;
  }
  const tables = [];
  for (const lot of n.lots) {
    let award;
    try {
      award = await json('/api/public/awards/' + encodeURIComponent(lot.id), { anonymous: true });
    } catch {
      continue;
    }
    const body = el('tbody');
    for (const c of award.candidates) {
      const won = award.winner && award.winner === c.bidder;
      body.append(el('tr', won ? { className: 'winner' } : {}, el('td', { text: String(c.rank) }),
        el('td', {}, c.bidder, won ? el('span', { className: 'badge', text: ' ' + t('pn.cand.winner') }) : ''),
        el('td', { text: yuan(c.price) ?? '—' }),
        el('td', { text: c.score != null ? String(c.score) : (yuan(c.evaluatedPrice) ?? '—') })));
    }
    tables.push(el('div', { className: 'table-scroll' }, el('table', { className: 'data candidates' },
      el('caption', { text: t('pn.cand.lot', lot.number, lot.name) }),
      el('thead', {}, el('tr', {}, ...['pn.cand.rank', 'pn.cand.bidder', 'pn.cand.price', 'pn.cand.score']
        .map((key) => el('th', { scope: 'col', text: t(key) })))), body)));
    if (award.stage === 'PUBLICITY') {
      tables.push(el('p', {}, el('a', { href: '/award.html?lot=' + encodeURIComponent(lot.id), text: t('pn.cand.object') })));
    }
  }
  if (!tables.length) {
    return null;
  }
  return el('section', { id: 'candidates', 'aria-labelledby': 'candidates-title' },
    el('h2', { id: 'candidates-title', text: t('pn.candidates') }), ...tables);
}

/** The signed documents a notice's text names by their public path (the opening record's PDF). */
const DOCUMENT_PATH = /\/api\/public\/documents\/([0-9a-f-]{36})\/pdf/g;

/**
 * An opening-record notice's text as people read it: the line of each bid becomes a row of a table (投标人, 报价, 工期,
 * 签名, 解密), the path of the signed record goes to the attachments; other lines stay text.
 */
const BID_LINE = /^(.+)：投标报价 (.+?) 元，工期 (.*?)，签名(.*?)，(.*)$/;

function noticeText(n) {
  const section = el('section', { 'aria-labelledby': 'text-title' }, el('h2', { id: 'text-title', text: t('pn.text') }));
  if (kindName(n.kind) !== 'OPENING_RECORD') {
    section.append(el('div', { className: 'notice-body', text: n.body }));
    return section;
  }
  const rows = [];
  const other = [];
  for (const line of (n.body || '').split('\n')) {
    const bid = BID_LINE.exec(line);
    if (bid) {
      rows.push(bid.slice(1));
    } else if (!DOCUMENT_PATH.test(line) && !line.startsWith('开标记录 Bid opening record')) {
      other.push(line);
    }
    DOCUMENT_PATH.lastIndex = 0;
  }
  if (other.some((line) => line.trim())) {
    section.append(el('div', { className: 'notice-body', text: other.join('\n').trim() }));
  }
  if (rows.length) {
    section.append(el('div', { className: 'table-scroll' }, el('table', { className: 'data', id: 'opening-bids' },
      el('caption', { text: t('pn.record.caption', rows.length) }),
      el('thead', {}, el('tr', {}, ...['pn.record.bidder', 'pn.record.price', 'pn.record.duration', 'pn.record.signature',
        'pn.record.decryption'].map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, ...rows.map(([bidder, price, duration, signature, decryption]) => el('tr', {},
        el('td', { text: bidder }), el('td', { className: 'num', text: yuan(price) ?? price }), el('td', { text: duration }),
        el('td', { text: signature }), el('td', { text: decryption })))))));
  }
  return section;
}

async function attachments(n) {
  const named = [...(n.body || '').matchAll(DOCUMENT_PATH)].map((m) => m[1]);
  const subjects = [n.projectId, ...(n.lots || []).map((lot) => lot.id)].filter(Boolean);
  const list = el('ul', { id: 'attachments', className: 'attachments' });
  const section = el('section', { 'aria-labelledby': 'attachments-title' },
    el('h2', { id: 'attachments-title', text: t('pn.attachments') }), list);
  try {
    const query = subjects.map((s) => 'subject=' + encodeURIComponent(s)).join('&');
    const listed = subjects.length ? await json('/api/public/documents?' + query, { anonymous: true }) : [];
    const extra = await Promise.all(named.filter((docId) => !listed.some((d) => d.id === docId))
      .map((docId) => json('/api/public/documents/' + docId, { anonymous: true }).then((d) => ({ id: docId, ...d }))
        .catch(() => null)));
    const documents = [...listed, ...extra.filter(Boolean)];
    if (!documents.length) {
      list.append(el('li', { className: 'meta', text: t('pn.attachments.none') }));
    }
    for (const d of documents) {
      list.append(el('li', {},
        el('a', { href: '/api/public/documents/' + d.id + '/pdf', text: d.title || d.kindName || d.kind,
          type: 'application/pdf', download: (d.title || d.kindName || 'document') + '.pdf' }),
        el('span', { className: 'meta', text: ' · ' + dateTime(d.issuedAt) + ' · ' + t('pn.size', Math.ceil(d.size / 1024)) }),
        el('br'), el('code', { className: 'hash', text: 'SHA-256 ' + d.sha256 }),
        ' ', el('a', { href: '/verify.html', text: t('pn.verify') })));
    }
  } catch (e) {
    list.append(el('li', { className: 'error', text: t('pn.attachments.failed', e.message) }));
  }
  return section;
}

function releaseTitle(release) {
  const docs = release.contracts?.[0]?.documents || release.awards?.[0]?.documents || release.tender?.documents || [];
  return docs[0]?.title || release.id;
}

async function related(n) {
  const list = el('ol', { id: 'related', className: 'notice-list' });
  const section = el('section', { 'aria-labelledby': 'related-title' },
    el('h2', { id: 'related-title', text: t('pn.related') }), list);
  try {
    const record = await json('/api/public/projects/' + encodeURIComponent(n.transactionCode) + '/ocds', { anonymous: true });
    const releases = (record.records?.[0]?.releases || []).slice().sort((a, b) => a.date.localeCompare(b.date));
    for (const r of releases) {
      const current = r.id === n.publicId;
      const link = el('a', { href: '/notice.html?id=' + encodeURIComponent(r.id), text: releaseTitle(r) });
      if (current) {
        link.setAttribute('aria-current', 'page');
      }
      list.append(el('li', {}, link, el('p', { className: 'meta', text: dateTime(r.date) + (current ? ' · ' + t('pn.this') : '') })));
    }
  } catch (e) {
    list.append(el('li', { className: 'error', text: e.message }));
  }
  return section;
}

function links(n) {
  const permalink = location.origin + '/notice.html?id=' + encodeURIComponent(n.publicId);
  const copy = el('button', { type: 'button', id: 'copy', className: 'link', text: t('pn.copy') });
  const copied = el('span', { role: 'status', className: 'meta' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(permalink);
      copied.textContent = t('pn.copied');
    } catch {
      copied.textContent = permalink;
    }
  });
  return el('section', { className: 'panel', 'aria-labelledby': 'data-title' },
    el('h2', { id: 'data-title', text: t('pn.data') }),
    el('p', {}, el('span', { text: t('pn.permalink') + '：' }),
      el('a', { id: 'permalink', href: permalink, text: permalink }), ' ', copy, ' ', copied),
    el('p', { className: 'links' },
      el('a', { id: 'ocds', href: '/api/public/notices/' + encodeURIComponent(n.publicId) + '/ocds',
        download: n.publicId + '.ocds.json', type: 'application/json', text: t('pn.ocds') }),
      el('a', { id: 'ocds-record', href: '/api/public/projects/' + encodeURIComponent(n.transactionCode) + '/ocds',
        download: n.transactionCode + '.record.json', type: 'application/json', text: t('pn.ocds.record') }),
      el('a', { href: '/api/public/notices/' + encodeURIComponent(n.publicId), type: 'application/json', text: t('pn.json') })));
}

try {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) {
    throw new Error(t('pn.bad-id'));
  }
  const n = await json('/api/public/notices/' + encodeURIComponent(id), { anonymous: true });
  document.title = n.title + ' — Sunbid';
  const header = el('header', { className: 'notice-head' },
    el('p', {}, el('span', { className: 'badge kind', text: kindLabel(n.kind) }), ' ',
      el('span', { className: 'meta', text: n.publicId })),
    el('h1', { text: n.title }));
  const text = noticeText(n);
  const [factList, docs, others, ranked] = await Promise.all([facts(n), attachments(n), related(n), candidates(n)]);
  const main = el('div', { className: 'notice-main' }, factList, lots(n), ...(ranked ? [ranked] : []), text, docs);
  const side = el('div', { className: 'notice-side' }, links(n), others);
  article.replaceChildren(header, el('div', { className: 'notice-grid' }, main, side));
} catch (e) {
  document.title = t('pn.missing') + ' — Sunbid';
  article.replaceChildren(el('h1', { text: t('pn.missing') }), el('p', { className: 'error', text: e.message }),
    el('p', {}, el('a', { href: '/search.html', text: t('pn.back') })));
} finally {
  article.removeAttribute('aria-busy');
}
