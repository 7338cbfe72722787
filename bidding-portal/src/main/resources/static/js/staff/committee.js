// A lot's committee (?project=…&lot=…): the plan with today's eligible counts, the draw, the seats in draw order with
// their states (names sealed until the evaluation starts), the regulator's reasoned disclosure, and the signed draw
// records with their pool file for bidtool draw-verify.
import { page, withoutSubject } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';
import { replay } from '/js/draw-replay.js';

await page('staff');
const me = requireRole('STAFF', 'ADMIN', 'REGULATOR');

const params = new URLSearchParams(location.search);
const project = params.get('project');
const lot = params.get('lot');
document.getElementById('monitor-link').href = `/staff/evaluation.html?lot=${encodeURIComponent(lot)}`;
const base = `/api/projects/${encodeURIComponent(project)}/lots/${encodeURIComponent(lot)}`;
const status = document.getElementById('draw-status');

function cells(row, values) {
  for (const v of values) {
    row.insertCell().textContent = v ?? '—';
  }
}

async function title() {
  try {
    const p = await json(`/api/projects/${encodeURIComponent(project)}`);
    const l = (p.lots || []).find((x) => x.id === lot);
    document.getElementById('lot-title').textContent =
      `${p.name}（${p.transactionCode || ''}）${l ? ' · ' + t('committee.lot', l.number, l.name) : ''}`;
  } catch {
    document.getElementById('lot-title').textContent = '';
  }
}

let specialtyNames = {};

async function plan() {
  const view = await json(`${base}/committee-plan`);
  const tbody = document.querySelector('#plan tbody');
  tbody.replaceChildren();
  specialtyNames = {};
  for (const g of view.groups) {
    specialtyNames[g.specialty] = g.specialtyName;
    const region = (g.region || t('committee.any-region'))
      + (g.preferredRegion ? t('committee.preferred-region', g.preferredRegion, g.preferredNow) : '');
    cells(tbody.insertRow(), [g.specialtyName, region, g.experts, g.reserves, g.eligibleNow]);
  }
  document.getElementById('plan-summary').textContent = t('committee.plan.summary', view.members, view.drawnExperts,
    view.representatives.length, view.representatives.join('、') || '—');
}

async function committee() {
  const view = await json(`${base}/committee`);
  render(view);
  return view;
}

function render(view) {
  document.getElementById('committee-state').textContent = t('committee.state.summary', t(`committee.status.${view.status}`),
    view.planned, view.accepted, view.invited, view.reserves);
  const tbody = document.querySelector('#seats tbody');
  tbody.replaceChildren();
  for (const s of view.seats) {
    const row = tbody.insertRow();
    row.dataset.state = s.state;
    cells(row, [specialtyNames[s.specialty] || s.specialty, s.rank + 1, t(`seat.${s.state}`),
      s.answerDue ? dateTime(s.answerDue) : '—', view.namesSealed && !s.name ? t('committee.sealed') : s.name]);
  }
  document.getElementById('run-draw').hidden = me.role === 'REGULATOR' || view.status !== 'PLANNED';
  document.getElementById('disclosure').hidden = me.role !== 'REGULATOR' || !view.namesSealed;
}

async function download(path, name) {
  const response = await call(path);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function records() {
  let list;
  try {
    list = await json(`${base}/committee/draw-records`);
  } catch {
    return; // sealed for this role until the evaluation starts
  }
  if (!list.length) {
    return;
  }
  document.getElementById('records-panel').hidden = false;
  const tbody = document.querySelector('#records tbody');
  tbody.replaceChildren();
  for (const signed of list) {
    const r = signed.record;
    const row = tbody.insertRow();
    cells(row, [r.sequence === 0 ? t('committee.first-draw') : t('committee.replacement', r.sequence, r.reason),
      dateTime(r.drawnAt), t('committee.pool.size', r.pool.size), r.exclusions.length]);
    const crypto = row.insertCell();
    crypto.className = 'mono small';
    crypto.textContent = `${t('committee.commitment')}: ${r.commitment} · ${t('committee.secret')}: ${r.secret}`;
    const files = row.insertCell();
    for (const [label, path, name] of [['committee.record-file', `${base}/committee/draw-records/${r.sequence}`, `draw-${r.sequence}.json`],
      ['committee.pool-file', `${base}/committee/draw-pool`, 'pool.txt']]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = t(label);
      button.onclick = () => download(path, name);
      files.append(button, ' ');
    }
    const check = document.createElement('button');
    check.type = 'button';
    check.className = 'replay';
    check.textContent = t('committee.replay');
    const verdict = document.createElement('span');
    verdict.className = 'replay-verdict';
    verdict.setAttribute('role', 'status');
    check.onclick = async () => {
      verdict.textContent = t('committee.replay.running');
      try {
        const pool = new Uint8Array(await (await call(`${base}/committee/draw-pool`)).arrayBuffer());
        const result = await replay(r, pool);
        verdict.dataset.match = String(result.problems.length === 0);
        verdict.textContent = result.problems.length === 0
          ? t('committee.replay.match', result.members, result.reserves)
          : t('committee.replay.mismatch', result.problems.map(p => t(`committee.replay.${p}`)).join('、'));
      } catch (e) {
        verdict.dataset.match = 'false';
        verdict.textContent = t('committee.replay.mismatch', e.message);
      }
    };
    row.insertCell().append(check, ' ', verdict);
  }
}

document.getElementById('run-draw').onclick = async () => {
  status.textContent = t('committee.running');
  try {
    const summary = await json(`${base}/expert-draw`, { method: 'POST' });
    status.textContent = t('committee.drawn', summary.members, summary.reserves);
    const table = document.getElementById('draw-summary');
    table.hidden = false;
    const tbody = table.querySelector('tbody');
    tbody.replaceChildren();
    for (const [key, value] of [['committee.pool', summary.pool], ['committee.excluded', summary.excluded],
      ['committee.members', summary.members], ['committee.reserves', summary.reserves],
      ['committee.record-sha256', summary.recordSha256]]) {
      const row = tbody.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = t(key);
      row.append(th);
      row.insertCell().textContent = value;
    }
    await committee();
    await records();
  } catch (error) {
    showProblem(error, null, status);
  }
};

document.getElementById('disclosure').onsubmit = async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    render(await json(`${base}/committee/disclosure`, { method: 'POST', json: { reason: form.reason.value } }));
  } catch (error) {
    showProblem(error, form, status);
  }
};

if (!withoutSubject(!project || !lot, 'committee.no-lot', [['monitor.no-lot.go', '/staff/projects.html']])) {
  await title();
  await plan();
  await committee();
  await records();
}
