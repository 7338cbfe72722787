// An expert's own entry (专家档案): specialties, title, employer and region by name, and its own history — draws,
// answers, the last draws and where it stands against the frequency cap. Nothing about other experts.
import { page } from '/js/layout.js';
import { t, dateTime, language } from '/js/i18n.js';
import { json, requireRole } from '/js/session.js';

await page('expert');
requireRole('EXPERT');

const status = document.getElementById('status');
const en = language() === 'en';

function field(list, key, value) {
  const dt = document.createElement('dt');
  dt.textContent = t(key);
  const dd = document.createElement('dd');
  dd.textContent = value ?? '—';
  list.append(dt, dd);
  return dd;
}

const named = (name, code) => (name ? `${name}（${code}）` : code || '—');

function entry(p) {
  const fields = document.getElementById('fields');
  fields.replaceChildren();
  field(fields, 'profile.name', p.name);
  field(fields, 'profile.status', t(`expert-status.${p.status}`) + (p.statusReason ? `（${p.statusReason}）` : ''));
  field(fields, 'profile.title-field', t(`title.${p.title}`));
  field(fields, 'profile.years', t('profile.years.value', p.years));
  const qualified = field(fields, 'profile.qualified', '');
  const badge = document.createElement('span');
  badge.className = `badge ${p.qualified ? 'ok' : 'warn'}`;
  badge.textContent = t(p.qualified ? 'profile.qualified.yes' : 'profile.qualified.no');
  qualified.replaceChildren(badge);
  field(fields, 'profile.employer', named(p.employerName, p.employerUscc));
  field(fields, 'profile.region', named(p.regionName, p.region));
  field(fields, 'profile.email', p.email);
  field(fields, 'profile.admitted', dateTime(p.admittedAt));
  const list = document.getElementById('specialties');
  list.replaceChildren();
  for (const s of p.specialties) {
    const li = document.createElement('li');
    const parent = en ? s.parentEn : s.parentZh;
    li.textContent = `${parent ? parent + ' / ' : ''}${en ? s.nameEn : s.nameZh}（${s.code}）`;
    list.append(li);
  }
  document.getElementById('entry').hidden = false;
}

function history(h) {
  const cap = h.cap;
  document.getElementById('cap').textContent = cap.remaining > 0
    ? t('profile.cap.open', cap.limit, cap.periodDays, cap.used, cap.remaining)
    : t('profile.cap.full', cap.limit, cap.periodDays, cap.used, dateTime(cap.freesAt));
  document.getElementById('cap').dataset.remaining = String(cap.remaining);
  const totals = document.querySelector('#totals tbody');
  totals.replaceChildren();
  const row = totals.insertRow();
  for (const v of [h.totals.draws, h.totals.acceptances, h.totals.declines, h.totals.noAnswers, h.totals.noShows,
    dateTime(h.totals.lastDraw)]) {
    row.insertCell().textContent = v;
  }
  const body = document.querySelector('#entries tbody');
  body.replaceChildren();
  for (const e of h.entries) {
    const r = body.insertRow();
    r.dataset.state = e.state;
    r.insertCell().textContent = `${e.projectName}（${e.transactionCode}）`;
    r.insertCell().textContent = e.lotName;
    r.insertCell().textContent = t(`seat.${e.state}`);
    r.insertCell().textContent = dateTime(e.invitedAt);
    r.insertCell().textContent = e.answeredAt ? `${dateTime(e.answeredAt)}${e.reason ? ' · ' + e.reason : ''}` : (e.reason || '—');
  }
  document.getElementById('no-entries').hidden = h.entries.length > 0;
  document.getElementById('history').hidden = false;
}

try {
  status.textContent = t('loading');
  const [p, h] = await Promise.all([json('/api/experts/me/profile'), json('/api/experts/me/history')]);
  entry(p);
  history(h);
  status.textContent = '';
} catch (error) {
  status.textContent = error.status === 404 ? t('profile.not-admitted') : t('profile.failed', error.message);
}
