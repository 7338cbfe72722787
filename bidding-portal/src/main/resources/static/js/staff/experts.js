// The expert library (专家库) for centre staff: filter by status and specialty, each expert with its statistics,
// suspend (with a reason) and reinstate; admit an approved expert member with its region and specialty.
import { page } from '/js/layout.js';
import { t, language } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';

await page('staff');
requireRole('STAFF', 'ADMIN');

const filters = document.getElementById('filters');
const status = document.getElementById('status');
let specialties = {};

const specialtyName = (code) => {
  const s = specialties[code];
  return s ? (language() === 'en' ? s.nameEn : s.nameZh) : code;
};

async function loadSpecialties() {
  const list = await json('/api/experts/specialties');
  specialties = Object.fromEntries(list.map((s) => [s.code, s]));
  for (const select of [filters.elements.specialty, document.getElementById('a-specialty')]) {
    for (const s of list) {
      const option = document.createElement('option');
      option.value = s.code;
      option.textContent = (s.parent ? '　' : '') + specialtyName(s.code);
      select.append(option);
    }
  }
}

function action(expert) {
  const cell = document.createElement('td');
  const next = expert.status === 'ACTIVE' ? 'SUSPENDED' : expert.status === 'SUSPENDED' ? 'ACTIVE' : null;
  if (!next) {
    cell.textContent = '—';
    return cell;
  }
  const form = document.createElement('form');
  form.className = 'inline';
  form.noValidate = true;
  const reason = document.createElement('input');
  reason.name = 'reason';
  reason.maxLength = 500;
  reason.setAttribute('aria-label', t('experts.reason'));
  reason.placeholder = t('experts.reason');
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = t(next === 'SUSPENDED' ? 'experts.suspend' : 'experts.reinstate');
  form.append(reason, button);
  form.onsubmit = async (event) => {
    event.preventDefault();
    try {
      await json(`/api/experts/${expert.memberId}/status`, { method: 'POST', json: { status: next, reason: reason.value } });
      status.textContent = t('experts.changed', expert.name, t(`expert.${next}`));
      await list();
    } catch (error) {
      showProblem(error, form, status);
    }
  };
  cell.append(form);
  return cell;
}

async function list() {
  const query = new URLSearchParams({ limit: 200 });
  for (const name of ['status', 'specialty']) {
    if (filters.elements[name].value) {
      query.set(name, filters.elements[name].value);
    }
  }
  const experts = await json(`/api/experts?${query}`);
  document.getElementById('found').textContent = t('experts.found', experts.length);
  const tbody = document.querySelector('#experts tbody');
  tbody.replaceChildren();
  for (const e of experts) {
    const row = tbody.insertRow();
    row.dataset.id = e.memberId;
    for (const v of [e.name, `${t(`title.${e.title}`)} / ${t('experts.years', e.years)}${e.qualified ? '' : ' · ' + t('experts.not-qualified')}`,
      e.regionName || e.region, e.specialties.map(specialtyName).join('、'),
      `${e.stats.draws} / ${e.stats.acceptances} / ${e.stats.declines} / ${e.stats.noAnswers}`,
      t(`expert.${e.status}`) + (e.statusReason ? `（${e.statusReason}）` : '')]) {
      row.insertCell().textContent = v;
    }
    row.append(action(e));
  }
}

async function candidates() {
  const select = document.getElementById('a-member');
  select.replaceChildren();
  try {
    const result = await json('/api/members?role=EXPERT&status=APPROVED&size=100');
    for (const m of result.items) {
      const option = document.createElement('option');
      option.value = m.id;
      option.textContent = m.name;
      select.append(option);
    }
  } catch (error) {
    showProblem(error, null, document.getElementById('admit-status'));
  }
}

filters.onsubmit = (event) => {
  event.preventDefault();
  list();
};

document.getElementById('admit').onsubmit = async (event) => {
  event.preventDefault();
  const form = event.target;
  const out = document.getElementById('admit-status');
  try {
    const e = await json('/api/experts', { method: 'POST', json: { memberId: form.memberId.value, region: form.region.value,
      specialties: [form.specialties.value] } });
    out.textContent = t('experts.admitted', e.name);
    await list();
  } catch (error) {
    showProblem(error, form, out);
  }
};

await loadSpecialties();
await list();
await candidates();
