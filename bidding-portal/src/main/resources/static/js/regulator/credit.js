// Credit records and bans, the regulator's view: what is in force and published, correction requests, one member's
// records, bans, score and standing, and the forms to record, ban and revoke. ?member= keeps the member in the URL.
import { emptyRow, page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';

await page('regulator');
requireRole('REGULATOR', 'ADMIN');

const params = () => new URLSearchParams(location.search);
const names = new Map();
let revokeTarget = null;

function go(changes) {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') {
      p.delete(k);
    } else {
      p.set(k, v);
    }
  }
  history.pushState(null, '', `${location.pathname}?${p}`);
  return render();
}

/** A member's name, fetched once (the credit feature holds ids only). */
async function nameOf(memberId) {
  if (!memberId) {
    return null;
  }
  if (!names.has(memberId)) {
    names.set(memberId, json(`/api/members/${memberId}`).then((m) => m.name).catch(() => null));
  }
  return names.get(memberId);
}

async function partyCell(memberId, partyCode) {
  const td = document.createElement('td');
  if (memberId) {
    const a = document.createElement('a');
    a.href = `?member=${memberId}`;
    a.textContent = (await nameOf(memberId)) || memberId.slice(0, 8);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      go({ member: memberId });
    });
    td.append(a);
  }
  if (partyCode) {
    const code = document.createElement('div');
    code.className = 'meta mono';
    code.textContent = partyCode;
    td.append(code);
  }
  return td;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  if (className) {
    td.className = className;
  }
  return td;
}

function revokeButton(kind, item, label) {
  const td = document.createElement('td');
  if (item.revokedAt) {
    td.textContent = t('credit.revoked');
    return td;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link revoke';
  button.textContent = t('credit.revoke');
  button.setAttribute('aria-label', t('credit.revoke.label', label));
  button.addEventListener('click', () => {
    revokeTarget = { kind, id: item.id, label };
    const formEl = document.getElementById('revoke');
    formEl.hidden = false;
    document.getElementById('revoke-title').textContent = t(`credit.revoke.${kind}`, label);
    document.getElementById('revoke-status').textContent = '';
    formEl.reset();
    document.getElementById('revoke-title').focus();
    formEl.scrollIntoView({ block: 'nearest' });
  });
  td.append(button);
  return td;
}

const period = (from, to) => `${from} — ${to ?? t('credit.open-ended')}`;

async function fill(tableId, rows) {
  const tbody = document.querySelector(`#${tableId} tbody`);
  const built = await Promise.all(rows);
  tbody.replaceChildren(...built);
  if (!built.length) {
    tbody.append(emptyRow(document.getElementById(tableId), `credit.none.${tableId}`));
  }
}

async function loadLists() {
  const [bans, records, requests] = await Promise.all([json('/api/public/credit/bans'),
    json('/api/public/credit/bad-records'), json('/api/credit/correction-requests')]);
  await fill('bans', bans.map(async (b) => {
    const tr = document.createElement('tr');
    tr.append(await partyCell(b.memberId, b.partyCode), cell(t(`bankind.${b.kind}`)), cell(t(`scope.${b.scope}`)),
      cell(period(b.startsOn, b.endsOn)), cell(b.authority), revokeButton('ban', b, t(`bankind.${b.kind}`)));
    return tr;
  }));
  await fill('records', records.map(async (r) => {
    const tr = document.createElement('tr');
    tr.append(await partyCell(r.memberId), cell(t(`severity.${r.severity}`)), cell(r.description), cell(r.authority),
      cell(r.publishedUntil), revokeButton('record', r, r.description.slice(0, 20)));
    return tr;
  }));
  await fill('requests', requests.map(async (c) => {
    const tr = document.createElement('tr');
    tr.append(await partyCell(c.memberId), cell(c.reason), cell(dateTime(c.requestedAt)));
    return tr;
  }));
}

async function loadMember(id) {
  const panel = document.getElementById('member');
  panel.hidden = false;
  let member;
  try {
    member = await json(`/api/members/${encodeURIComponent(id)}`);
  } catch (error) {
    document.getElementById('member-title').textContent = t('credit.failed', error.message);
    return;
  }
  const [records, bans, score, standing] = await Promise.all([json(`/api/credit/members/${id}/records`),
    json(`/api/credit/members/${id}/bans`), json(`/api/credit/members/${id}/score`), json(`/api/credit/members/${id}/standing`)]);
  document.getElementById('member-title').textContent = `${member.name}${member.company ? `（${member.company.uscc}）` : ''}`;
  const standingEl = document.getElementById('standing');
  standingEl.replaceChildren();
  const badge = document.createElement('span');
  badge.className = `badge ${standing.outcome === 'CLEAR' ? 'ok' : standing.outcome === 'BANNED' ? 'bad' : 'warn'}`;
  badge.textContent = t(`standing.${standing.outcome}`);
  standingEl.append(badge, document.createTextNode(` ${t('credit.score', score.score, score.goodRecords, score.badRecords)}`));
  await fill('member-records', records.map(async (r) => {
    const tr = document.createElement('tr');
    const state = r.revokedAt ? t('credit.revoked') : r.supersededBy ? t('credit.superseded') : t('credit.current');
    tr.append(cell(r.kind === 'BAD' ? `${t('kind.BAD')} · ${t(`severity.${r.severity}`)}` : t('kind.GOOD')), cell(r.description),
      cell(r.authority), cell(period(r.effectiveFrom, r.effectiveTo)), cell(state));
    return tr;
  }));
  await fill('member-bans', bans.map(async (b) => {
    const tr = document.createElement('tr');
    tr.append(cell(t(`bankind.${b.kind}`)), cell(t(`scope.${b.scope}`)), cell(period(b.startsOn, b.endsOn)), cell(b.authority),
      cell(b.revokedAt ? `${t('credit.revoked')}（${b.revokeReason}）` : t('credit.current')));
    return tr;
  }));
}

async function render() {
  const q = params().get('q') || '';
  document.getElementById('f-name').value = q;
  const matches = document.getElementById('matches');
  matches.replaceChildren();
  if (q) {
    const byCode = /^[0-9A-Z]{18}$/i.test(q);
    const found = await json(`/api/members?${new URLSearchParams({ [byCode ? 'uscc' : 'name']: q, size: 10 })}`);
    for (const m of found.items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `?${new URLSearchParams({ q, member: m.id })}`;
      a.textContent = `${m.name} ${m.uscc || ''}`;
      a.addEventListener('click', (event) => {
        event.preventDefault();
        go({ member: m.id });
      });
      li.append(a);
      matches.append(li);
    }
    if (!found.items.length) {
      const li = document.createElement('li');
      li.textContent = t('credit.no-member');
      matches.append(li);
    }
  }
  const member = params().get('member');
  if (member) {
    await loadMember(member);
  } else {
    document.getElementById('member').hidden = true;
  }
  await loadLists();
}

function base64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] || '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function formBody(formEl) {
  const body = { memberId: params().get('member') };
  for (const el of formEl.elements) {
    if (!el.name) {
      continue;
    }
    if (el.type === 'file') {
      const file = el.files[0];
      if (file) {
        body.decisionDocument = await base64(file);
        body.decisionFilename = file.name;
        body.decisionMediaType = file.type || null;
      }
    } else {
      body[el.name] = el.value.trim() || null;
    }
  }
  return body;
}

for (const [id, path, done] of [['new-record', '/api/credit/records', 'credit.saved.record'], ['new-ban', '/api/credit/bans', 'credit.saved.ban']]) {
  document.getElementById(id).addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = document.getElementById('member-status');
    const body = await formBody(event.target);
    if (body.kind === 'GOOD') {
      body.severity = null;
    }
    try {
      await json(path, { method: 'POST', json: body });
      event.target.reset();
      await render();
      status.textContent = t(done);
    } catch (error) {
      status.textContent = '';
      showProblem(error, event.target, status);
    }
  });
}

document.getElementById('revoke').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = document.getElementById('revoke-status');
  const path = revokeTarget.kind === 'ban' ? `/api/credit/bans/${revokeTarget.id}/revocation`
    : `/api/credit/records/${revokeTarget.id}/revocation`;
  try {
    await json(path, { method: 'POST', json: { reason: event.target.elements.reason.value.trim() } });
    event.target.hidden = true;
    await render();
    document.getElementById('bans-title').focus?.();
  } catch (error) {
    showProblem(error, event.target, status);
  }
});
document.getElementById('revoke-cancel').addEventListener('click', () => {
  document.getElementById('revoke').hidden = true;
});
document.getElementById('lookup').addEventListener('submit', (event) => {
  event.preventDefault();
  go({ q: event.target.elements.q.value.trim() || null, member: null });
});
window.addEventListener('popstate', render);

try {
  await render();
} catch (error) {
  document.getElementById('member-status').textContent = t('credit.failed', error.message);
}
