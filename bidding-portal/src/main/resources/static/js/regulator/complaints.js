// The regulator's complaints queue: every complaint with its next due day (overdue flagged), and one complaint's
// handling — accept (optionally suspending the procedure), refuse, suspend, pause for an expert opinion, resume,
// decide. ?complaint= keeps the open complaint in the URL.
import { page } from '/js/layout.js';
import { cell } from '/js/table.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';

await page('regulator');
requireRole('REGULATOR');

const status = document.getElementById('status');
const detail = document.getElementById('detail');
let current = null;


function dueCell(c) {
  const td = cell(c.due ? c.due : '—');
  if (c.overdue) {
    const badge = document.createElement('span');
    badge.className = 'badge bad';
    badge.textContent = t('complaints.overdue');
    td.append(' ', badge);
  }
  return td;
}

function stateBadge(state) {
  const span = document.createElement('span');
  span.className = `badge ${{ DECIDED: 'ok', REFUSED: 'bad', FILED: 'warn' }[state] || ''}`;
  span.textContent = t(`complaint.state.${state}`);
  return span;
}

async function queue() {
  const body = document.querySelector('#queue tbody');
  body.replaceChildren();
  const list = await json('/api/complaints');
  for (const c of list) {
    const tr = document.createElement('tr');
    tr.id = `complaint-${c.id}`;
    const project = document.createElement('td');
    const a = document.createElement('a');
    a.href = `?complaint=${c.id}`;
    a.textContent = c.projectName;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', `?complaint=${c.id}`);
      show(c.id);
    });
    project.append(a);
    const state = document.createElement('td');
    state.append(stateBadge(c.state));
    tr.append(project, cell(c.complainantName), cell(dateTime(c.filedAt)), state, dueCell(c),
      cell(c.procedureSuspended ? t('complaints.suspended.yes') : t('complaints.suspended.no')));
    body.append(tr);
  }
  status.textContent = list.length ? '' : t('complaints.none');
}

async function show(id) {
  current = await json(`/api/complaints/${id}`);
  const c = current;
  detail.hidden = false;
  document.getElementById('detail-title').textContent = `${c.projectName}（${c.transactionCode}）`;
  const facts = document.getElementById('facts');
  facts.replaceChildren();
  const rows = [['complaints.complainant', c.complainantName], ['complaints.state', t(`complaint.state.${c.state}`)],
    ['complaints.known', c.knownOn], ['complaints.filed', dateTime(c.filedAt)],
    ['complaints.filing-deadline', c.filingDeadline], ['complaints.accepted', c.acceptedOn],
    ['complaints.due', c.due ? `${c.due}${c.overdue ? ' · ' + t('complaints.overdue') : ''}` : null],
    ['complaints.suspended', c.procedureSuspended ? t('complaints.suspended.yes') : t('complaints.suspended.no')],
    ['complaints.verdict', c.verdict ? t(`verdict.${c.verdict}`) : null], ['complaints.outcome', c.outcome],
    ['complaints.signature', c.signatureSha256]];
  for (const [key, value] of rows) {
    if (value === null || value === undefined) {
      continue;
    }
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value;
    facts.append(dt, dd);
  }
  if (c.decisionDocument) {
    const dt = document.createElement('dt');
    dt.textContent = t('complaints.letter');
    const dd = document.createElement('dd');
    const a = document.createElement('a');
    a.href = `/api/public/documents/${c.decisionDocument}/pdf`;
    a.textContent = t('complaints.letter.download');
    dd.append(a);
    facts.append(dt, dd);
  }
  document.getElementById('text').textContent = c.text;
  const pauses = document.querySelector('#pauses tbody');
  pauses.replaceChildren();
  for (const p of c.pauses) {
    const tr = document.createElement('tr');
    tr.append(cell(p.from), cell(p.to ?? t('complaints.pause.ongoing')), cell(p.reason));
    pauses.append(tr);
  }
  for (const form of document.querySelectorAll('#actions form')) {
    let visible = form.dataset.state === c.state;
    if (form.id === 'suspend') {
      visible = visible && !c.procedureSuspended;
    } else if (form.id === 'pause' || form.id === 'decide') {
      visible = visible && !c.paused;
    } else if (form.id === 'resume') {
      visible = visible && c.paused;
    }
    form.hidden = !visible;
  }
  document.getElementById('detail-title').focus();
}

const ACTIONS = {
  accept: (f) => ['acceptance', { suspendProcedure: f.elements.suspendProcedure.checked }],
  refuse: (f) => ['refusal', { reason: f.elements.reason.value }],
  suspend: () => ['suspension', {}],
  pause: (f) => ['pause', { reason: f.elements.reason.value }],
  resume: () => ['resumption', {}],
  decide: (f) => ['decision', { verdict: f.elements.verdict.value, decision: f.elements.decision.value }],
};

for (const [id, action] of Object.entries(ACTIONS)) {
  const form = document.getElementById(id);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById('detail-status');
    out.textContent = t('loading');
    try {
      const [path, body] = action(form);
      await json(`/api/complaints/${current.id}/${path}`, { method: 'POST', json: body });
      form.reset();
      out.textContent = t(`complaints.done.${id}`);
      await Promise.all([queue(), show(current.id)]);
    } catch (error) {
      out.textContent = '';
      showProblem(error, form, out);
    }
  });
}

await queue();
const open = new URLSearchParams(location.search).get('complaint');
if (open) {
  await show(open);
}
