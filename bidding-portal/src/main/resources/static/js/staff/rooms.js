// Room calendar: a keyboard-navigable week (Monday–Sunday, China Standard Time) of bookings, booking detail and
// cancellation, a booking form, and the room list. Week, room filter and selected booking live in the query string.
import { page } from '/js/layout.js';
import { t, language } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';

await page('staff');
requireRole('STAFF', 'ADMIN');

const DAY = 86_400_000;
const filters = document.getElementById('filters');
const week = document.getElementById('week');
let rooms = [];
let bookings = [];
let projects = [];
let hosts = [];

const params = () => new URLSearchParams(location.search);

/** Today's date in China Standard Time, as YYYY-MM-DD. */
function today() {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function addDays(date, n) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

function monday(date) {
  const d = new Date(`${date}T00:00:00Z`);
  return addDays(date, -((d.getUTCDay() + 6) % 7));
}

/** An instant shown as Beijing wall time. */
function beijing(iso, withDate = false) {
  const options = { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false };
  if (withDate) {
    Object.assign(options, { year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  return new Date(iso).toLocaleString(language(), options);
}

/** The Beijing date of an instant. */
function beijingDate(iso) {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

function go(changes, focusDay) {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') {
      p.delete(k);
    } else {
      p.set(k, v);
    }
  }
  history.pushState(null, '', `${location.pathname}?${p}`);
  return render(focusDay);
}

const current = () => params().get('date') || today();

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

/** Pickers for the booking's project, lot and host: chosen by name, sent by id. */
async function loadPickers() {
  [projects, hosts] = await Promise.all([json('/api/projects').catch(() => []),
    json('/api/accounts/staff').catch(() => [])]);
  const project = document.getElementById('b-project');
  project.replaceChildren(project.options[0],
    ...projects.map((p) => option(p.id, t('rooms.project.option', p.transactionCode, p.name))));
  const host = document.getElementById('b-staff');
  host.replaceChildren(host.options[0], ...hosts.map((h) => option(h.id, h.displayName || h.username)));
}

function fillLots() {
  const lot = document.getElementById('b-lot');
  const chosen = projects.find((p) => p.id === document.getElementById('b-project').value);
  lot.replaceChildren(lot.options[0], ...(chosen?.lots ?? []).map((l) => option(l.id, t('rooms.lot.option', l.number, l.name))));
  lot.disabled = !chosen;
}
document.getElementById('b-project').addEventListener('change', fillLots);

/** A booking's project, lot and host in words (the id only when it is not in the lists). */
function projectName(id) {
  const p = projects.find((x) => x.id === id);
  return p ? t('rooms.project.option', p.transactionCode, p.name) : id;
}

function lotName(projectId, id) {
  const lot = projects.find((x) => x.id === projectId)?.lots.find((l) => l.id === id)
    ?? projects.flatMap((x) => x.lots).find((l) => l.id === id);
  return lot ? t('rooms.lot.option', lot.number, lot.name) : id;
}

function hostName(id) {
  const h = hosts.find((x) => x.id === id);
  return h ? (h.displayName || h.username) : id;
}

async function loadRooms() {
  rooms = await json('/api/schedule/rooms');
  for (const select of [filters.elements.room, document.getElementById('b-room')]) {
    const keep = select.id === 'f-room' ? [select.options[0]] : [];
    select.replaceChildren(...keep);
    for (const r of rooms) {
      const option = document.createElement('option');
      option.value = r.id;
      option.textContent = `${r.name}（${t(`kind.${r.kind}`)}）`;
      select.append(option);
    }
  }
  const tbody = document.querySelector('#room-list tbody');
  tbody.replaceChildren();
  for (const r of rooms) {
    const row = tbody.insertRow();
    for (const v of [r.name, t(`kind.${r.kind}`) + (r.isolatedNetwork ? ` · ${t('rooms.isolated')}` : ''), r.capacity, r.location || '—']) {
      row.insertCell().textContent = v;
    }
  }
}

function dayLabel(date) {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(language(), { timeZone: 'UTC', weekday: 'short', month: 'numeric', day: 'numeric' });
}

async function loadWeek(focusDay) {
  const date = current();
  const room = params().get('room');
  filters.elements.date.value = date;
  filters.elements.room.value = room || '';
  const query = new URLSearchParams({ date });
  if (room) {
    query.set('roomId', room);
  }
  const view = await json(`/api/schedule/week?${query}`);
  bookings = view.bookings;
  const label = t('rooms.week', view.from, view.to);
  document.getElementById('week-title').textContent = label;
  document.getElementById('week-label').textContent = `${label} · ${t('rooms.count', bookings.length)}`;
  week.replaceChildren();
  const selectedDay = focusDay || (date >= view.from && date <= view.to ? date : view.from);
  for (let i = 0; i < 7; i++) {
    const day = addDays(view.from, i);
    const cell = document.createElement('section');
    cell.className = `day${day === today() ? ' today' : ''}`;
    cell.dataset.date = day;
    cell.dataset.selected = String(day === selectedDay);
    if (day === today()) {
      cell.setAttribute('aria-current', 'date');
    }
    cell.tabIndex = day === selectedDay ? 0 : -1;
    const h = document.createElement('h3');
    h.textContent = dayLabel(day);
    const list = document.createElement('ul');
    const todays = bookings.filter((b) => beijingDate(b.startsAt) <= day && beijingDate(b.endsAt) >= day)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const b of todays) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `booking ${b.purpose}`;
      button.dataset.id = b.id;
      button.textContent = `${beijing(b.startsAt)}–${beijing(b.endsAt)} ${b.title}`;
      button.setAttribute('aria-label', t('rooms.booking.label', b.title, b.roomName, beijing(b.startsAt, true), beijing(b.endsAt, true)));
      button.addEventListener('click', () => go({ booking: b.id }));
      li.append(button);
      list.append(li);
    }
    cell.setAttribute('aria-label', `${dayLabel(day)}，${t('rooms.count', todays.length)}`);
    cell.append(h, list);
    week.append(cell);
  }
  if (focusDay) {
    week.querySelector(`[data-date="${focusDay}"]`)?.focus();
  }
}

function showBooking() {
  const id = params().get('booking');
  const box = document.getElementById('booking');
  if (!id) {
    return;
  }
  const b = bookings.find((x) => x.id === id);
  box.replaceChildren();
  if (!b) {
    json(`/api/schedule/bookings/${encodeURIComponent(id)}`).then(drawBooking).catch((error) => {
      box.textContent = t('rooms.failed', error.message);
    });
    return;
  }
  drawBooking(b);
}

function drawBooking(b) {
  const box = document.getElementById('booking');
  box.replaceChildren();
  const dl = document.createElement('dl');
  const add = (key, value) => {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value ?? '—';
    dl.append(dt, dd);
  };
  add('rooms.booking.title', b.title);
  add('rooms.room', b.roomName);
  add('rooms.purpose', t(`purpose.${b.purpose}`));
  add('rooms.starts', beijing(b.startsAt, true));
  add('rooms.ends', beijing(b.endsAt, true));
  add('rooms.project', b.projectId && projectName(b.projectId));
  add('rooms.lot', b.lotId && lotName(b.projectId, b.lotId));
  add('rooms.staff', b.staffId && hostName(b.staffId));
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'bad';
  cancel.id = 'cancel-booking';
  cancel.textContent = t('rooms.cancel');
  cancel.addEventListener('click', async () => {
    if (!confirm(t('rooms.cancel.confirm', b.title))) {
      return;
    }
    try {
      await json(`/api/schedule/bookings/${b.id}`, { method: 'DELETE' });
      document.getElementById('booking-status').textContent = t('rooms.cancelled', b.title);
      box.replaceChildren();
      go({ booking: null });
    } catch (error) {
      showProblem(error, null, document.getElementById('booking-status'));
    }
  });
  box.append(dl, cancel);
}

async function render(focusDay) {
  try {
    await loadWeek(focusDay);
  } catch (error) {
    document.getElementById('week-label').textContent = t('rooms.failed', error.message);
    return;
  }
  showBooking();
}

/** Arrow keys move between days; leaving the week at either end turns the page. */
week.addEventListener('keydown', (event) => {
  const cell = event.target.closest('.day');
  if (!cell || event.target !== cell) {
    return;
  }
  const date = cell.dataset.date;
  const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
  let target = null;
  if (event.key in moves) {
    target = addDays(date, moves[event.key]);
  } else if (event.key === 'Home') {
    target = monday(date);
  } else if (event.key === 'End') {
    target = addDays(monday(date), 6);
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    for (const el of week.querySelectorAll('.day')) {
      el.dataset.selected = String(el === cell);
    }
    document.getElementById('b-start').value = `${date}T09:00`;
    document.getElementById('b-end').value = `${date}T11:00`;
    document.getElementById('b-title').focus();
    return;
  } else {
    return;
  }
  event.preventDefault();
  const next = week.querySelector(`[data-date="${target}"]`);
  if (next) {
    for (const el of week.querySelectorAll('.day')) {
      el.tabIndex = el === next ? 0 : -1;
      el.dataset.selected = String(el === next);
    }
    next.focus();
  } else {
    go({ date: target }, target);
  }
});
week.addEventListener('click', (event) => {
  const cell = event.target.closest('.day');
  if (cell && !event.target.closest('button')) {
    for (const el of week.querySelectorAll('.day')) {
      el.tabIndex = el === cell ? 0 : -1;
      el.dataset.selected = String(el === cell);
    }
    cell.focus();
  }
});

filters.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ date: filters.elements.date.value || null, room: filters.elements.room.value || null });
});
document.getElementById('prev-week').addEventListener('click', () => go({ date: addDays(monday(current()), -7) }));
document.getElementById('next-week').addEventListener('click', () => go({ date: addDays(monday(current()), 7) }));
document.getElementById('this-week').addEventListener('click', () => go({ date: null }));

const instant = (local) => (local ? new Date(`${local}:00+08:00`).toISOString() : null);
document.getElementById('book').addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = event.target.elements;
  const status = document.getElementById('book-status');
  const body = {
    roomId: f.roomId.value || null, purpose: f.purpose.value, title: f.title.value.trim(),
    projectId: f.projectId.value || null, lotId: f.lotId.value || null,
    startsAt: instant(f.startsAt.value), endsAt: instant(f.endsAt.value), staffId: f.staffId.value || null,
  };
  try {
    const made = await json('/api/schedule/bookings', { method: 'POST', json: body });
    status.textContent = t('rooms.booked', made.title);
    for (const old of event.target.querySelectorAll('.field-error')) {
      old.remove();
    }
    for (const bad of event.target.querySelectorAll('[aria-invalid]')) {
      bad.removeAttribute('aria-invalid');
    }
    await go({ date: beijingDate(made.startsAt), booking: made.id });
  } catch (error) {
    status.textContent = '';
    showProblem(error, event.target, status);
  }
});
document.getElementById('new-room').addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = event.target.elements;
  const status = document.getElementById('room-status');
  try {
    const room = await json('/api/schedule/rooms', { method: 'POST', json: {
      name: f.name.value.trim(), kind: f.kind.value, capacity: f.capacity.value === '' ? null : Number(f.capacity.value),
      location: f.location.value.trim() || null, isolatedNetwork: f.isolatedNetwork.checked,
      equipment: f.equipment.value.split(/[,，、]/).map((x) => x.trim()).filter(Boolean),
    } });
    status.textContent = t('rooms.added', room.name);
    event.target.reset();
    await loadRooms();
  } catch (error) {
    status.textContent = '';
    showProblem(error, event.target, status);
  }
});
window.addEventListener('popstate', () => render());

await Promise.all([loadRooms(), loadPickers()]);
await render();
