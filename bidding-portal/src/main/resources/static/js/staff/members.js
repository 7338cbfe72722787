// Member review queue: filters and selection in the query string, the member's documents, approve or return.
import { emptyRow, emptyState, page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';

await page('staff');
requireRole('STAFF', 'ADMIN');

const SIZE = 20;
const form = document.getElementById('filters');
const body = document.querySelector('#members tbody');
const status = document.getElementById('status');
const panel = document.getElementById('member');
const decisionStatus = document.getElementById('decision-status');
/** Scans open in a tab only when they are one of the types the registry accepts (never HTML or SVG). */
const VIEWABLE = ['application/pdf', 'image/png', 'image/jpeg'];

function params() {
  return new URLSearchParams(location.search);
}

function go(changes) {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined) {
      p.delete(k);
    } else {
      p.set(k, v);
    }
  }
  history.pushState(null, '', `${location.pathname}?${p}`);
  return render();
}

function statusFilter() {
  const p = params();
  return p.has('status') ? p.get('status') : 'PENDING';
}

async function loadList() {
  const p = params();
  form.elements.status.value = statusFilter();
  for (const name of ['role', 'name', 'uscc']) {
    form.elements[name].value = p.get(name) ?? '';
  }
  const pageNo = Math.max(0, Number(p.get('page') || 0));
  const query = new URLSearchParams({ page: pageNo, size: SIZE });
  if (statusFilter()) {
    query.set('status', statusFilter());
  }
  for (const name of ['role', 'name', 'uscc']) {
    if (p.get(name)) {
      query.set(name, p.get(name));
    }
  }
  status.textContent = t('loading');
  let result;
  try {
    result = await json(`/api/members?${query}`);
  } catch (error) {
    status.textContent = t('members.failed', error.message);
    return;
  }
  body.replaceChildren();
  status.textContent = result.total ? t('members.found', result.total) : '';
  if (!result.total) {
    // say why the queue is empty and offer the views that have members in them
    const filtered = ['role', 'name', 'uscc'].some((name) => p.get(name));
    const queue = !filtered && statusFilter() === 'PENDING';
    body.append(emptyRow(document.getElementById('members'), queue ? 'members.queue.empty' : 'members.none',
      [], queue ? [['members.show.all', () => go({ status: '', page: null })]]
        : [['members.clear', () => go({ status: null, role: null, name: null, uscc: null, page: null })]]));
  }
  for (const m of result.items) {
    const row = document.createElement('tr');
    row.dataset.id = m.id;
    if (m.id === p.get('id')) {
      row.className = 'selected';
    }
    const name = document.createElement('td');
    const link = document.createElement('a');
    link.href = `?${new URLSearchParams({ ...Object.fromEntries(p), id: m.id })}`;
    link.textContent = m.name;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      go({ id: m.id }).then(() => document.getElementById('member-title').focus());
    });
    name.append(link);
    const uscc = document.createElement('div');
    uscc.className = 'meta mono';
    uscc.textContent = m.uscc || '';
    name.append(uscc);
    row.append(name, cell(t(`role.${m.role}`)), cell(dateTime(m.registeredAt)), badgeCell(m.status));
    body.append(row);
  }
  document.getElementById('page-no').textContent = t('members.page', pageNo + 1, Math.max(1, Math.ceil(result.total / SIZE)));
  document.getElementById('prev').disabled = pageNo === 0;
  document.getElementById('next').disabled = (pageNo + 1) * SIZE >= result.total;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  return td;
}

function badgeCell(value) {
  const td = document.createElement('td');
  const badge = document.createElement('span');
  badge.className = `badge ${value === 'APPROVED' ? 'ok' : value === 'PENDING' ? 'warn' : value === 'RETURNED' ? '' : 'bad'}`;
  badge.textContent = t(`status.${value}`);
  td.append(badge);
  return td;
}

function field(list, key, value) {
  if (value === null || value === undefined || value === '') {
    return;
  }
  const dt = document.createElement('dt');
  dt.textContent = t(key);
  const dd = document.createElement('dd');
  dd.textContent = value;
  list.append(dt, dd);
}

async function openScan(memberId, q, button) {
  button.disabled = true;
  try {
    const response = await call(`/api/members/${memberId}/qualifications/${q.id}/scan`);
    const blob = await response.blob();
    const type = blob.type.split(';')[0];
    const url = URL.createObjectURL(VIEWABLE.includes(type) ? blob : new Blob([blob], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    if (!VIEWABLE.includes(type)) {
      a.download = `${q.number || 'scan'}`;
    }
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    decisionStatus.textContent = t('members.scan.failed', error.message);
  } finally {
    button.disabled = false;
  }
}

async function loadMember(id) {
  panel.hidden = false;
  decisionStatus.textContent = '';
  let m;
  try {
    m = await json(`/api/members/${encodeURIComponent(id)}`);
  } catch (error) {
    document.getElementById('member-title').textContent = t('members.failed', error.message);
    document.getElementById('member-fields').replaceChildren();
    document.getElementById('decision').hidden = true;
    return;
  }
  const [qualifications, certificates, related] = await Promise.all([
    json(`/api/members/${id}/qualifications`), json(`/api/members/${id}/certificates`), json(`/api/members/${id}/related`),
  ]);
  document.getElementById('member-title').textContent = m.name;
  const fields = document.getElementById('member-fields');
  fields.replaceChildren();
  /** A resident identity number shown as people's data should be: the first six and the last four characters. */
  const maskId = (id) => (id && id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id);
  field(fields, 'members.status', t(`status.${m.status}`));
  field(fields, 'members.reason.current', m.statusReason);
  field(fields, 'members.role', t(`role.${m.role}`));
  field(fields, 'members.registered', dateTime(m.registeredAt));
  if (m.company) {
    const c = m.company;
    field(fields, 'members.uscc', c.uscc);
    field(fields, 'members.legal', c.legalRepresentative ? `${c.legalRepresentative.name}（${maskId(c.legalRepresentative.idNumber)}）` : null);
    field(fields, 'members.controller', c.controllingShareholder ? `${c.controllingShareholder.name}（${c.controllingShareholder.uscc}）` : null);
    field(fields, 'members.region', `${c.regionName || ''} ${c.regionCode}`.trim());
    field(fields, 'members.address', c.address);
    field(fields, 'members.scope', c.businessScope);
    field(fields, 'members.bank', c.bankAccount ? `${c.bankAccount.bankName} ${c.bankAccount.accountNumber}` : null);
    field(fields, 'members.contacts', (c.contacts || []).map((x) => [x.name, x.phone, x.email].filter(Boolean).join(' ')).join('；'));
  }
  if (m.expert) {
    const e = m.expert;
    field(fields, 'members.idNumber', maskId(e.idNumber));
    field(fields, 'members.employer', e.employerUscc);
    field(fields, 'members.specialties', await specialtyNames(e.specialties || []));
    field(fields, 'members.title.expert', e.title ? t(`title.${e.title}`) : null);
    field(fields, 'members.years', String(e.yearsInField));
  }
  const qBody = document.querySelector('#qualifications tbody');
  qBody.replaceChildren();
  for (const q of qualifications) {
    const row = document.createElement('tr');
    const expires = cell(`${q.expiresOn ?? '—'}${q.expired ? ` (${t('q.expired')})` : ''}`);
    if (q.expired) {
      expires.className = 'error';
    }
    const scan = document.createElement('td');
    if (q.scanSha256) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link scan';
      button.textContent = t('q.open');
      button.setAttribute('aria-label', t('q.open.label', q.kind, q.number));
      button.addEventListener('click', () => openScan(id, q, button));
      scan.append(button);
    } else {
      scan.textContent = '—';
    }
    row.append(cell(`${q.kind}${q.grade ? ` ${q.grade}` : ''}`), cell(q.number), expires, scan);
    qBody.append(row);
  }
  if (!qualifications.length) {
    qBody.append(emptyRow(document.getElementById('qualifications'), 'members.none.qualifications'));
  }
  list('certificates', certificates.map((c) => `${c.algorithm ? t(`keyalg.${c.algorithm}`) : ''} ${c.subject} — ${c.fingerprint}${c.revokedAt ? ` (${t('cert.revoked')})` : ''}`));
  list('related', related.map((r) => `${r.name} ${r.uscc || ''} — ${t(`relation.${r.relation}`)} · ${t(`status.${r.status}`)}`));
  document.getElementById('decision').hidden = m.status !== 'PENDING';
}

let specialties = null;
/** Expert specialties by name (专业分类), the code only when the table lacks it. */
async function specialtyNames(codes) {
  specialties ??= json('/api/experts/specialties').then((list) => Object.fromEntries(list.map((x) => [x.code, x])))
    .catch(() => ({}));
  const table = await specialties;
  const en = document.documentElement.lang === 'en';
  return codes.map((code) => (table[code] ? `${en ? table[code].nameEn : table[code].nameZh}（${code}）` : code)).join('、');
}

function list(id, items) {
  const ul = document.getElementById(id);
  ul.replaceChildren();
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'empty-item';
    li.append(emptyState(`members.none.${id}`));
    ul.append(li);
  }
  for (const text of items) {
    const li = document.createElement('li');
    li.textContent = text;
    ul.append(li);
  }
}

async function decide(path, payload, doneKey) {
  const id = params().get('id');
  decisionStatus.textContent = t('loading');
  try {
    const m = await json(`/api/members/${id}/${path}`, { method: 'POST', json: payload });
    await render();
    decisionStatus.textContent = t(doneKey, m.name);
    document.getElementById('member-title').focus();
  } catch (error) {
    decisionStatus.textContent = '';
    showProblem(error, document.getElementById('return-form'), decisionStatus);
  }
}

async function render() {
  await loadList();
  const id = params().get('id');
  if (id) {
    await loadMember(id);
  } else {
    panel.hidden = true;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const changes = { page: null, id: null, status: form.elements.status.value };
  for (const name of ['role', 'name', 'uscc']) {
    changes[name] = form.elements[name].value.trim() || null;
  }
  go(changes);
});
document.getElementById('prev').addEventListener('click', () => go({ page: Math.max(0, Number(params().get('page') || 0) - 1) }));
document.getElementById('next').addEventListener('click', () => go({ page: Number(params().get('page') || 0) + 1 }));
document.getElementById('approve').addEventListener('click', () => decide('approval', {}, 'members.approved'));
document.getElementById('return-form').addEventListener('submit', (event) => {
  event.preventDefault();
  decide('return', { reason: event.target.elements.reason.value.trim() }, 'members.returned');
});
window.addEventListener('popstate', render);

await render();
