// A lot's candidates' publicity and award (中标候选人公示, 定标, 合同): the tenderee (or its agency) publishes the
// publicity, answers objections, signs the award decision in the browser (CMS over the sunbid-award-decision/1 JSON,
// with the key that never leaves the page) and uploads the contract; a bidder of the lot objects during the publicity
// with its text signed the same way. Without ?lot= the tenderee picks one of its lots.
import { page } from '/js/layout.js';
import { cell, fact } from '/js/table.js';
import { t, dateTime, money } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';
import { message, signerPanel } from '/js/bidder/ui.js';

await page('award', 'bidder');
const me = requireRole('TENDEREE', 'AGENT', 'BIDDER');
const owner = me.role !== 'BIDDER';
const lot = new URLSearchParams(location.search).get('lot');
const status = document.getElementById('status');
const PASS_OVER = ['GAVE_UP', 'FAILED_TO_SIGN', 'DISQUALIFIED'];
const bidOf = (c) => (typeof c.bid === 'object' ? c.bid.value : c.bid);
let view = null;

/** The exact decision text the platform checks the signature against (AwardManagement.decisionContent). */
export function decisionContent(lotId, bid, skipped) {
  return `{"format":"sunbid-award-decision/1","lot":"${lotId}","bid":"${bid}","skipped":[`
    + skipped.map((s) => `{"bid":"${s.bid}","reason":"${s.reason}"}`).join(',') + ']}';
}

const decisionSigner = signerPanel(document.getElementById('decide-signer'), { kind: 'cms',
  command: () => 'bidtool sign --in decision.json --p12 company.p12 --detached --out decision.p7s\nbase64 -w0 decision.p7s' });
const objectionSigner = signerPanel(document.getElementById('object-signer'), { kind: 'cms',
  command: () => 'bidtool sign --in objection.txt --p12 company.p12 --detached --out objection.p7s\nbase64 -w0 objection.p7s' });

/** Shows a problem by its field; a refused signature goes to the status line (its paste field may be hidden). */
function problem(error, form) {
  const shown = error.status ? error : { message: message(error), field: null };
  showProblem(shown, shown.field === 'signature' ? null : form, status);
}

async function lots() {
  document.getElementById('lots-section').hidden = false;
  const body = document.querySelector('#lots tbody');
  const projects = owner ? await json('/api/projects') : [];
  for (const p of projects) {
    for (const l of p.lots) {
      const a = document.createElement('a');
      a.href = `/award.html?lot=${encodeURIComponent(l.id)}`;
      a.textContent = t('award.open');
      const tr = document.createElement('tr');
      tr.append(cell(`${p.name}（${p.transactionCode}）`), cell(`${t('award.lot.number', l.number)} ${l.name}`), cell(a));
      body.append(tr);
    }
  }
  if (!body.children.length) {
    status.textContent = t(owner ? 'award.lots.none' : 'award.lots.bidder');
  }
}

function draw(next) {
  view = next;
  const stage = view.stage;
  document.getElementById('award-section').hidden = false;
  document.getElementById('award-title').textContent = `${t('award.title')}：${view.projectName} ${view.lotName ?? ''}`;
  const facts = [fact(t('award.stage'), t(`award.stage.${stage}`) + (view.suspended ? ` · ${t('award.suspended')}` : ''))];
  if (view.publicityFrom) {
    facts.push(fact(t('award.publicity.period'), `${dateTime(view.publicityFrom)} — ${dateTime(view.publicityUntil)}`));
  }
  facts.push(fact(t('award.state-funded'), t(view.stateFunded ? 'award.yes' : 'award.no')));
  if (view.winner) {
    facts.push(fact(t('award.winner'), `${view.winner} · ${dateTime(view.decidedAt)}`));
  }
  if (view.contractAt) {
    facts.push(fact(t('award.contract.at'), dateTime(view.contractAt) + (view.contractLate ? ` · ${t('award.late')}` : '')));
  }
  if (view.completedAt) {
    facts.push(fact(t('award.completed'), dateTime(view.completedAt)));
  }
  document.querySelector('#facts tbody').replaceChildren(...facts);
  document.querySelector('#candidates tbody').replaceChildren(...view.candidates.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.bid = bidOf(c);
    tr.append(cell(String(c.rank)), cell(c.bidderName), cell(money(c.price)),
      cell(c.score != null ? String(c.score) : money(c.evaluatedPrice)));
    return tr;
  }));
  document.querySelector('#objections tbody').replaceChildren(...view.objections.map(objectionRow));
  const publicity = stage === 'PUBLICITY';
  const over = view.publicityUntil && Date.parse(view.publicityUntil) <= Date.now();
  document.getElementById('publicity').hidden = !owner || stage !== 'AWAITING_PUBLICITY';
  document.getElementById('object').hidden = owner || !publicity || over;
  document.getElementById('decide').hidden = !owner || !publicity;
  document.getElementById('contract').hidden = !owner || stage !== 'DECIDED';
  if (owner && publicity) {
    drawDecision();
  }
}

function objectionRow(o) {
  const tr = document.createElement('tr');
  let answer = o.answer ? `${o.answer}（${dateTime(o.answeredAt)}）` : t('award.objection.open');
  if (owner && !o.answer) {
    const form = document.createElement('form');
    form.className = 'inline answer';
    form.noValidate = true;
    const input = document.createElement('input');
    input.name = 'answer';
    input.maxLength = 4000;
    input.setAttribute('aria-label', t('award.objection.answer'));
    const send = document.createElement('button');
    send.type = 'submit';
    send.textContent = t('award.objection.reply');
    form.append(input, ' ', send);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        draw(await json(`/api/awards/${lot}/objections/${o.id}/answer`, { method: 'POST', json: { answer: input.value } }));
        status.textContent = t('award.objection.answered');
      } catch (error) {
        problem(error, form);
      }
    });
    answer = form;
  }
  const due = new Date(Date.parse(o.raisedAt) + 3 * 86_400_000).toISOString();
  tr.append(cell(view.objectors?.[o.id] ?? '—'), cell(dateTime(o.raisedAt)), cell(o.text),
    cell(o.answer ? '—' : dateTime(due)), cell(answer));
  return tr;
}

function drawDecision() {
  document.getElementById('decide-help').textContent = t(view.stateFunded ? 'award.decide.state' : 'award.decide.free');
  const select = document.getElementById('decide-bid');
  if (select.options.length !== view.candidates.length) {
    select.replaceChildren(...view.candidates.map((c) => {
      const o = document.createElement('option');
      o.value = bidOf(c);
      o.textContent = `${c.rank}. ${c.bidderName}`;
      return o;
    }));
  }
  drawSkipped();
}

/** For each candidate ranked above the chosen one: why it is passed over (state-funded projects must say). */
function drawSkipped() {
  const chosen = view.candidates.find((c) => bidOf(c) === document.getElementById('decide-bid').value);
  const box = document.getElementById('skipped');
  box.replaceChildren(...view.candidates.filter((c) => c.rank < (chosen?.rank ?? 1)).map((c) => {
    const label = document.createElement('label');
    label.textContent = t('award.skip', c.rank, c.bidderName);
    const reason = document.createElement('select');
    reason.name = 'skip';
    reason.dataset.bid = bidOf(c);
    const options = view.stateFunded ? PASS_OVER : ['', ...PASS_OVER];
    reason.append(...options.map((r) => {
      const o = document.createElement('option');
      o.value = r;
      o.textContent = r ? t(`award.pass-over.${r}`) : t('award.pass-over.none');
      return o;
    }));
    label.append(reason);
    return label;
  }));
}

document.getElementById('decide-bid').addEventListener('change', drawSkipped);

const publicityForm = document.getElementById('publicity');
publicityForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    draw(await json(`/api/awards/${lot}/publicity`, { method: 'POST', json: { days: Number(publicityForm.elements.days.value) } }));
    status.textContent = t('award.publicity.done');
  } catch (error) {
    problem(error, publicityForm);
  }
});

const objectForm = document.getElementById('object');
objectForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = objectForm.elements.text.value.trim();
  try {
    const { signature } = await objectionSigner.sign(new TextEncoder().encode(text));
    draw(await json(`/api/awards/${lot}/objections`, { method: 'POST', json: { text, signature } }));
    objectForm.reset();
    status.textContent = t('award.object.done');
  } catch (error) {
    problem(error, objectForm);
  }
});

const decideForm = document.getElementById('decide');
decideForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const bid = decideForm.elements.bid.value;
  const skipped = [...decideForm.querySelectorAll('select[name=skip]')].filter((s) => s.value)
    .map((s) => ({ bid: s.dataset.bid, reason: s.value }));
  try {
    const content = decisionContent(lot, bid, skipped);
    const { signature } = await decisionSigner.sign(new TextEncoder().encode(content));
    draw(await json(`/api/awards/${lot}/decision`, { method: 'POST', json: { bid, skipped, signature } }));
    status.textContent = t('award.decide.done', view.winner);
  } catch (error) {
    problem(error, decideForm);
  }
});

const contractForm = document.getElementById('contract');
contractForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = contractForm.elements.contract.files[0];
  if (!file) {
    status.textContent = t('award.contract.choose');
    return;
  }
  try {
    // a header carries Latin-1 only: a name in other characters is left to the platform's default
    const name = /^[\x20-\x7e]+$/.test(file.name) ? { 'X-File-Name': file.name } : {};
    const response = await call(`/api/awards/${lot}/contract`, { method: 'POST', body: file,
      headers: { 'Content-Type': 'application/pdf', ...name } });
    draw(await response.json());
    status.textContent = t('award.contract.done');
  } catch (error) {
    problem(error, contractForm);
  }
});

if (!lot) {
  await lots();
} else {
  try {
    draw(await json(`/api/awards/${encodeURIComponent(lot)}`));
  } catch (error) {
    status.textContent = error.status === 404 ? t('award.not-yet') : error.message;
  }
}
