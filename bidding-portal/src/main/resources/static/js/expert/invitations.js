// An expert's own invitations (评标邀请): project and lot by name, state, answer window with a live countdown, accept or
// decline with a reason. Nothing about other experts is ever shown.
import { emptyRow, page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';

await page('expert');
requireRole('EXPERT');

const status = document.getElementById('status');

/** Counts down to the answer deadline each second; when it passes, the row's answer controls are disabled. */
function countdown(cell, due, row) {
  const tick = () => {
    const left = Date.parse(due) - Date.now();
    if (left <= 0) {
      cell.textContent = `${dateTime(due)}（${t('invitations.closed')}）`;
      row.dataset.closed = 'true';
      for (const control of row.querySelectorAll('button, input')) {
        control.disabled = true;
      }
      return;
    }
    const h = Math.floor(left / 3_600_000);
    const m = Math.floor((left % 3_600_000) / 60_000);
    const s = String(Math.floor((left % 60_000) / 1000)).padStart(2, '0');
    cell.textContent = `${dateTime(due)}（${h > 0 ? t('invitations.left.hours', h, m, s) : t('invitations.left', m, s)}）`;
    cell.classList.toggle('error', left < 5 * 60_000);
    setTimeout(tick, 1000);
  };
  tick();
}

function answer(invitation) {
  const cell = document.createElement('td');
  if (invitation.state === 'ACCEPTED') {
    const room = document.createElement('a');
    room.href = `/expert/evaluation.html?lot=${encodeURIComponent(invitation.lotId)}`;
    room.className = 'room';
    room.textContent = t('invitations.room');
    cell.append(room);
    return cell;
  }
  if (invitation.state !== 'INVITED') {
    cell.textContent = invitation.reason || '—';
    return cell;
  }
  const accept = document.createElement('button');
  accept.type = 'button';
  accept.className = 'primary accept';
  accept.textContent = t('invitations.accept');
  accept.onclick = () => send(invitation, 'accept', {}, null);
  const form = document.createElement('form');
  form.className = 'inline';
  form.noValidate = true;
  const reason = document.createElement('input');
  reason.name = 'reason';
  reason.maxLength = 500;
  reason.required = true;
  reason.placeholder = t('invitations.reason');
  reason.setAttribute('aria-label', t('invitations.reason'));
  const decline = document.createElement('button');
  decline.type = 'submit';
  decline.className = 'decline';
  decline.textContent = t('invitations.decline');
  form.append(reason, decline);
  form.onsubmit = (event) => {
    event.preventDefault();
    send(invitation, 'decline', { reason: reason.value }, form);
  };
  cell.append(accept, ' ', form);
  return cell;
}

async function send(invitation, verb, body, form) {
  try {
    await json(`/api/experts/me/invitations/${invitation.seatId}/${verb}`, { method: 'POST', json: body });
    status.textContent = t(`invitations.${verb}ed`, invitation.projectName);
    await list();
  } catch (error) {
    showProblem(error, form, status);
  }
}

async function list() {
  const invitations = await json('/api/experts/me/invitations');
  const tbody = document.querySelector('#invitations tbody');
  tbody.replaceChildren();
  if (invitations.length === 0) {
    tbody.append(emptyRow(document.getElementById('invitations'), 'invitations.none',
      [], [['invitations.none.availability', '/expert/availability.html'], ['invitations.none.profile', '/expert/profile.html']]));
  }
  for (const i of invitations) {
    const row = tbody.insertRow();
    row.dataset.state = i.state;
    row.insertCell().textContent = `${i.projectName}（${i.transactionCode}）`;
    row.insertCell().textContent = i.lotName;
    row.insertCell().textContent = t(`seat.${i.state}`);
    const due = row.insertCell();
    due.className = 'countdown';
    row.append(answer(i));
    if (i.state === 'INVITED' && i.answerDue) {
      countdown(due, i.answerDue, row);
    } else {
      due.textContent = i.answeredAt ? t('invitations.answered', dateTime(i.answeredAt)) : '—';
    }
  }
}

await list();
