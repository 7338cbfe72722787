// An expert's own availability: companies it must avoid (with a reason) and leave periods, each added and withdrawn
// here. The server logs every change to the supervision log and names the field of any bad input.
import { page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';

await page('expert');
requireRole('EXPERT');

const status = document.getElementById('status');

/** A datetime-local value read as Beijing time, as an ISO instant (null when empty). */
function beijing(value) {
  return value ? new Date(`${value}:00+08:00`).toISOString() : null;
}

function withdrawButton(label, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link withdraw';
  button.textContent = t(label);
  button.onclick = onClick;
  return button;
}

async function act(promise, doneKey, form) {
  try {
    await promise;
    status.textContent = t(doneKey);
    form?.reset();
    for (const old of (form || document).querySelectorAll('.field-error')) {
      old.remove();
    }
    for (const field of (form || document).querySelectorAll('[aria-invalid]')) {
      field.removeAttribute('aria-invalid');
    }
    await render();
  } catch (error) {
    status.textContent = '';
    showProblem(error, form, status);
  }
}

async function conflicts() {
  const list = await json('/api/experts/me/conflicts');
  const body = document.querySelector('#conflicts tbody');
  body.replaceChildren();
  for (const c of list) {
    const row = body.insertRow();
    row.dataset.uscc = c.uscc;
    row.insertCell().textContent = c.companyName ? `${c.companyName}（${c.uscc}）` : c.uscc;
    row.insertCell().textContent = c.reason;
    row.insertCell().textContent = dateTime(c.declaredAt);
    row.insertCell().append(withdrawButton('availability.withdraw', () => act(
      json(`/api/experts/me/conflicts/${c.id}`, { method: 'DELETE' }), 'availability.conflict-withdrawn', null)));
  }
  document.getElementById('no-conflicts').hidden = list.length > 0;
}

async function leaves() {
  const list = await json('/api/experts/me/leave');
  const body = document.querySelector('#leaves tbody');
  body.replaceChildren();
  for (const l of list) {
    const row = body.insertRow();
    row.insertCell().textContent = dateTime(l.startsAt);
    row.insertCell().textContent = dateTime(l.endsAt);
    row.insertCell().textContent = l.reason || '—';
    row.insertCell().append(withdrawButton('availability.withdraw', () => act(
      json(`/api/experts/me/leave/${l.id}`, { method: 'DELETE' }), 'availability.leave-withdrawn', null)));
  }
  document.getElementById('no-leaves').hidden = list.length > 0;
}

async function render() {
  await Promise.all([conflicts(), leaves()]);
}

document.getElementById('conflict-form').onsubmit = (event) => {
  event.preventDefault();
  const form = event.target;
  act(json('/api/experts/me/conflicts', { method: 'POST',
    json: { uscc: form.uscc.value.trim().toUpperCase(), reason: form.reason.value.trim() } }),
  'availability.conflict-declared', form);
};

document.getElementById('leave-form').onsubmit = (event) => {
  event.preventDefault();
  const form = event.target;
  act(json('/api/experts/me/leave', { method: 'POST', json: { startsAt: beijing(form.startsAt.value),
    endsAt: beijing(form.endsAt.value), reason: form.reason.value.trim() || null } }), 'availability.leave-declared', form);
};

try {
  await render();
} catch (error) {
  status.textContent = error.status === 404 ? t('profile.not-admitted') : t('profile.failed', error.message);
  for (const form of document.querySelectorAll('form')) {
    form.hidden = true;
  }
}
