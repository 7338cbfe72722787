// The committee member's evaluation room (评标室) for one lot: the seats and their progress, check-in and the conflict
// declaration, the chair vote, the opened bids with the machine pre-check and the collusion alerts (information only),
// compliance votes, score sheets signed in the browser (CMS with the member's key, which never leaves the page),
// clarifications, the ranking and the report to sign. Every act posts to the API and redraws from its answer.
import { page, withoutSubject } from '/js/layout.js';
import { cell } from '/js/table.js';
import { t, dateTime, money } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';
import { download, message, signerPanel } from '/js/bidder/ui.js';
import { sheetContent, scoreInputs, sheetValues } from './sheet.js';

await page('expert', 'bidder');
requireRole('EXPERT', 'TENDEREE', 'AGENT');

const lot = new URLSearchParams(location.search).get('lot');
const base = `/api/evaluations/${encodeURIComponent(lot)}`;
const status = document.getElementById('status');
const id = (value) => (value && typeof value === 'object' ? value.value : value);
const signer = signerPanel(document.getElementById('signer'), {
  kind: 'cms',
  command: () => 'bidtool sign --in sheet.json --p12 expert.p12 --detached --out sheet.p7s\nbase64 -w0 sheet.p7s',
});
let view = null;

function button(text, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** Posts an act and redraws the room from the session the API answers with. */
async function act(path, options, out = status, form = null) {
  try {
    draw(await json(base + path, { method: 'POST', ...options }));
    return true;
  } catch (error) {
    showProblem(error.status ? error : { message: message(error), field: null }, form, out);
    return false;
  }
}

function mine() {
  return view.seats.find((s) => s.member === view.me);
}

function yesNo(value) {
  return value ? t('room.yes') : '—';
}

function drawSeats() {
  const body = document.querySelector('#seats tbody');
  body.replaceChildren();
  const me = mine();
  for (const s of view.seats) {
    const tr = document.createElement('tr');
    tr.dataset.member = s.member;
    const name = `${s.name}${s.chair ? ' · ' + t('room.chair') : ''}${s.member === view.me ? ' · ' + t('room.me') : ''}`;
    const declared = s.conflict == null ? '—' : t(s.conflict ? 'room.declared.conflict' : 'room.declared.none');
    let action = '';
    if (!view.chair && me?.active && me.checkedIn && s.active && s.checkedIn && view.phase === 'CHECK_IN') {
      action = button(t('room.vote-chair'), 'vote-chair', () => act('/chair-votes', { json: { candidate: s.member } }));
    }
    tr.append(cell(s.active ? name : `${name}（${t('room.replaced')}）`), cell(t(`room.role.${s.role}`)),
      cell(yesNo(s.checkedIn)), cell(declared), cell(yesNo(s.reviewed)), cell(String(s.sheetsSubmitted)),
      cell(yesNo(s.signedReport)), cell(action));
    body.append(tr);
  }
  document.getElementById('check-in').hidden = !me?.active || me.checkedIn;
  document.getElementById('declare').hidden = !me?.active || !me.checkedIn || me.conflict != null;
  document.getElementById('extension').hidden = !me?.active || view.extended
    || !['COMPLIANCE', 'SCORING'].includes(view.phase);
}

function drawBids() {
  const body = document.querySelector('#bids tbody');
  body.replaceChildren();
  const results = new Map(view.compliance.map((r) => [id(r.bid), r]));
  for (const b of view.bids) {
    const findings = view.preCheck.filter((f) => id(f.bid) === b.bid && f.kind !== 'COLLUSION_ALERT')
      .map((f) => `${t('precheck.' + f.kind)}：${f.detail}`);
    const result = results.get(b.bid);
    const verdict = result ? (result.passed ? t('room.passed') : `${t('room.failed')}（${result.reasons.join('；')}）`) : '—';
    const tr = document.createElement('tr');
    tr.dataset.bid = b.bid;
    tr.append(cell(b.bidder), cell(money(b.price)), cell(findings.join('\n') || t('room.findings.none')), cell(verdict));
    body.append(tr);
  }
  const alerts = view.preCheck.filter((f) => f.kind === 'COLLUSION_ALERT');
  document.getElementById('collusion-state').textContent = view.collusionAlerts === 'CHECKED'
    ? t(alerts.length ? 'room.collusion.some' : 'room.collusion.none', alerts.length) : t('room.collusion.unavailable');
  const names = new Map(view.bids.map((b) => [b.bid, b.bidder]));
  document.getElementById('collusion-list').replaceChildren(...alerts.map((a) => {
    const li = document.createElement('li');
    li.textContent = `${names.get(id(a.bid)) ?? '—'}：${a.detail}`;
    return li;
  }));
}

function drawCompliance() {
  const section = document.getElementById('compliance-section');
  const me = mine();
  section.hidden = view.phase !== 'COMPLIANCE' || !me?.active;
  if (section.hidden) {
    return;
  }
  const head = document.querySelector('#compliance-table thead tr');
  const criteria = view.plan.complianceCriteria;
  head.replaceChildren(...[t('room.bid.bidder'), ...criteria].map((text) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    return th;
  }));
  const body = document.querySelector('#compliance-table tbody');
  if (body.dataset.drawn === lot) {
    return; // keep what the member is filling in
  }
  body.dataset.drawn = lot;
  body.replaceChildren();
  view.bids.forEach((b, row) => {
    const tr = document.createElement('tr');
    tr.dataset.bid = b.bid;
    tr.append(cell(b.bidder));
    criteria.forEach((c, col) => {
      const box = document.createElement('div');
      box.className = 'vote';
      const select = document.createElement('select');
      select.name = `vote-${row}-${col}`;
      select.setAttribute('aria-label', `${b.bidder} ${c}`);
      for (const [value, key] of [['pass', 'room.pass'], ['fail', 'room.fail']]) {
        const o = document.createElement('option');
        o.value = value;
        o.textContent = t(key);
        select.append(o);
      }
      const reason = document.createElement('input');
      reason.name = `reason-${row}-${col}`;
      reason.placeholder = t('room.fail.reason');
      reason.setAttribute('aria-label', `${b.bidder} ${c} ${t('room.fail.reason')}`);
      reason.hidden = true;
      select.addEventListener('change', () => {
        reason.hidden = select.value !== 'fail';
      });
      box.append(select, reason);
      tr.append(cell(box));
    });
    body.append(tr);
  });
}

function drawScoring() {
  const section = document.getElementById('scoring-section');
  section.hidden = !['SCORING', 'REPORT_SIGNING', 'CONCLUDED'].includes(view.phase);
  if (section.hidden) {
    return;
  }
  const lowest = view.method === 'LOWEST_EVALUATED_PRICE';
  document.getElementById('scoring-help').textContent = lowest
    ? t('room.scoring.help.lowest', view.plan.maxAdjustmentPercent)
    : t('room.scoring.help.scores', view.plan.price?.maxPoints ?? '—', view.plan.priceFormula ?? '—');
  const head = document.querySelector('#scoring thead tr');
  const columns = [t('room.bid.bidder'), t('room.bid.price'),
    ...(lowest ? [t('room.adjustment')] : view.plan.scored.map((c) => `${c.name}（0–${c.maxPoints}）`)),
    t('room.sheet.comment'), ''];
  head.replaceChildren(...columns.map((text) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    return th;
  }));
  const compliant = new Set(view.compliance.filter((r) => r.passed).map((r) => id(r.bid)));
  const scored = new Set(view.sheets.filter((s) => s.member === view.me).map((s) => s.bid));
  const body = document.querySelector('#scoring tbody');
  body.replaceChildren();
  for (const b of view.bids.filter((x) => compliant.has(x.bid))) {
    const tr = document.createElement('tr');
    tr.id = `score-${b.bid}`;
    tr.append(cell(b.bidder), cell(money(b.price)));
    if (scored.has(b.bid) || view.phase !== 'SCORING') {
      const cells = (lowest ? 1 : view.plan.scored.length) + 1;
      const done = cell(scored.has(b.bid) ? t('room.sheet.signed') : '—');
      done.colSpan = cells + 1;
      tr.append(done);
    } else {
      for (const input of scoreInputs(view.plan, lowest)) {
        tr.append(cell(input));
      }
      const comment = document.createElement('input');
      comment.name = 'comment';
      comment.maxLength = 500;
      comment.setAttribute('aria-label', t('room.sheet.comment'));
      tr.append(cell(comment), cell(button(t('room.sheet.sign'), 'primary sign-sheet', () => submitSheet(b, tr))));
    }
    body.append(tr);
  }
  const names = new Map(view.bids.map((b) => [b.bid, b.bidder]));
  const sheets = document.querySelector('#sheets tbody');
  sheets.replaceChildren(...view.sheets.map((s) => {
    const tr = document.createElement('tr');
    const labels = new Map(view.plan.scored.map((c) => [c.key, c.name]));
    const values = Object.entries(s.values).map(([k, v]) => `${labels.get(k) ?? t('room.adjustment')} ${v}`).join('；');
    const sha = document.createElement('code');
    sha.textContent = s.contentSha256.slice(0, 16) + '…';
    sha.title = s.contentSha256;
    tr.append(cell(names.get(s.bid)), cell(s.memberName), cell(values), cell(s.comment || '—'), cell(sha));
    return tr;
  }));
}

/** Builds the member's sheet for the bid from the row's inputs, signs it in the browser and submits it. */
async function submitSheet(bid, row) {
  const out = document.getElementById('scoring-status');
  out.textContent = t('loading');
  try {
    const content = sheetContent(lot, bid.bid, view.me, sheetValues(row), row.querySelector('input[name=comment]').value);
    const { signature } = await signer.sign(new TextEncoder().encode(content));
    if (await act(`/bids/${bid.bid}/score-sheet`, { json: { content, signature } }, out)) {
      out.textContent = t('room.sheet.done', bid.bidder);
    }
  } catch (error) {
    out.textContent = '';
    showProblem({ message: message(error), field: null }, null, out);
  }
}

async function drawClarifications() {
  const section = document.getElementById('clarify-section');
  section.hidden = !['SCORING', 'COMPLIANCE'].includes(view.phase) || !mine()?.active;
  if (section.hidden) {
    return;
  }
  const select = document.getElementById('clarify-bid');
  select.replaceChildren(...view.bids.map((b) => {
    const o = document.createElement('option');
    o.value = b.bid;
    o.textContent = b.bidder;
    return o;
  }));
  const body = document.querySelector('#clarifications tbody');
  body.replaceChildren(...(await json(`${base}/clarifications`)).map((c) => {
    const tr = document.createElement('tr');
    tr.append(cell(c.bidder), cell(c.askedBy), cell(c.question), cell(dateTime(c.answerDue)),
      cell(c.answer ?? t(`clarification.${c.state}`)));
    return tr;
  }));
}

function drawReport() {
  const section = document.getElementById('report-section');
  const me = mine();
  section.hidden = !['SCORING', 'REPORT_SIGNING', 'CONCLUDED'].includes(view.phase);
  document.getElementById('draw-report').hidden = view.phase !== 'SCORING' || !me?.chair;
  document.getElementById('sign-report').hidden = view.phase !== 'REPORT_SIGNING' || !me?.active || me.signedReport;
  document.getElementById('ranking-score').textContent = t(view.method === 'LOWEST_EVALUATED_PRICE'
    ? 'room.evaluated-price' : 'room.score');
  const body = document.querySelector('#ranking tbody');
  body.replaceChildren(...view.ranking.map((r) => {
    const tr = document.createElement('tr');
    const outliers = (r.outliers || []).map((o) => `${view.seats.find((s) => s.member === id(o.member))?.name ?? '—'}`
      + ` ${o.total}`).join('；');
    tr.append(cell(String(r.rank)), cell(r.bidder), cell(money(r.price)),
      cell(r.score ?? (r.evaluatedPrice == null ? null : money(r.evaluatedPrice))),
      cell(r.candidate ? t('room.yes') : '—'), cell(outliers || '—'));
    return tr;
  }));
  if (view.outcome === 'ALL_REJECTED') {
    status.textContent = t('room.all-rejected');
  }
}

function draw(next) {
  view = next;
  document.title = `${t('room.title')} — ${view.projectName}`;
  document.getElementById('room-title').textContent = `${t('room.title')}：${view.projectName} ${view.lotName ?? ''}`;
  document.getElementById('room-facts').textContent = t('room.facts', t(`method.${view.method}`),
    t(`phase.${view.phase}`), dateTime(view.deadline), view.chair ?? t('room.no-chair'))
    + (view.extended ? ' · ' + t('room.extended') : '');
  document.body.dataset.phase = view.phase;
  drawSeats();
  drawBids();
  drawCompliance();
  drawScoring();
  drawReport();
  drawClarifications().catch((error) => showProblem(error, null, status));
}

document.getElementById('check-in').addEventListener('click', () => act('/check-in', {}));
document.getElementById('extension').addEventListener('click', () => act('/extension-requests', {}));

const declare = document.getElementById('declare');
declare.addEventListener('submit', (event) => {
  event.preventDefault();
  const conflict = declare.elements.conflict.value === 'true';
  act('/declaration', { json: { conflict, reason: declare.elements.reason.value || null } }, status, declare);
});

const compliance = document.getElementById('compliance');
compliance.addEventListener('submit', async (event) => {
  event.preventDefault();
  const votes = [];
  for (const tr of compliance.querySelectorAll('tbody tr')) {
    view.plan.complianceCriteria.forEach((criterion, col) => {
      const select = tr.querySelectorAll('select')[col];
      const pass = select.value === 'pass';
      const reason = tr.querySelectorAll('input')[col].value.trim();
      votes.push({ bid: tr.dataset.bid, criterion, pass, reason: pass ? null : reason });
    });
  }
  const out = document.getElementById('compliance-status');
  if (await act('/compliance', { json: { votes } }, out, compliance)) {
    status.textContent = t('room.compliance.done');
  }
});

const clarify = document.getElementById('clarify');
clarify.addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('clarify-status');
  try {
    await json(`${base}/clarifications`, { method: 'POST', json: { bid: clarify.elements.bid.value,
      question: clarify.elements.question.value, answerWithinMinutes: Number(clarify.elements.answerWithinMinutes.value) } });
    clarify.elements.question.value = '';
    out.textContent = t('room.clarify.sent');
    await drawClarifications();
  } catch (error) {
    showProblem(error, clarify, out);
  }
});

document.getElementById('draw-report').addEventListener('click', () => act('/report', {}));
document.getElementById('download-report').addEventListener('click',
  () => download(`${base}/report.pdf`, 'evaluation-report.pdf').catch((error) => showProblem(error, null, status)));

const signReport = document.getElementById('sign-report');
signReport.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = signReport.elements.report.files[0];
  const out = document.getElementById('report-status');
  if (!file) {
    out.textContent = t('room.report.choose');
    return;
  }
  try {
    const response = await call(`${base}/report/signatures`, { method: 'POST', body: file,
      headers: { 'Content-Type': 'application/pdf' } });
    draw(await response.json());
    status.textContent = t('room.report.signed.done');
  } catch (error) {
    showProblem(error, signReport, out);
  }
});

if (!withoutSubject(!lot, 'room.no-lot', [['room.no-lot.go', '/expert/invitations.html']])) {
  try {
    draw(await json(base));
  } catch (error) {
    showProblem(error.status === 404 ? { message: t('room.not-open') } : error, null, status);
  }
}
