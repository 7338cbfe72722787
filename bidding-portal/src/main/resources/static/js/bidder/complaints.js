// A bidder's complaints: its objections with the last day to complain (once answered or left unanswered), the form
// that signs the complaint text (CMS, in the browser or pasted from bidtool), and its complaints as they are handled.
import { page } from '/js/layout.js';
import { cell } from '/js/table.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';
import { message, signerPanel } from './ui.js';

await page('bidder');
requireRole('BIDDER');

const form = document.getElementById('file');
const panel = signerPanel(document.getElementById('signer'), {
  kind: 'cms',
  command: () => 'bidtool sign --in complaint.txt --p12 company.p12 --detached --out complaint.p7s\nbase64 -w0 complaint.p7s',
});
let objection = null;


async function objections() {
  const body = document.querySelector('#objections tbody');
  body.replaceChildren();
  for (const o of await json('/api/complaints/objections')) {
    const tr = document.createElement('tr');
    let action = t(o.complained ? 'complaints.already' : 'complaints.wait', dateTime(o.answerDue));
    if (o.settled && !o.complained) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('complaints.file');
      button.addEventListener('click', () => open(o));
      action = button;
    }
    tr.append(cell(`${o.projectName}（${o.transactionCode}）`), cell(t(`complaints.subject.${o.subject}`)),
      cell(dateTime(o.filedAt)),
      cell(o.answeredAt ? dateTime(o.answeredAt) : t('complaints.unanswered')), cell(o.lastDay), cell(action));
    body.append(tr);
  }
}

async function complaints() {
  const body = document.querySelector('#complaints tbody');
  body.replaceChildren();
  for (const c of await json('/api/complaints')) {
    const tr = document.createElement('tr');
    let outcome = c.outcome ?? '—';
    if (c.decisionDocument) {
      const a = document.createElement('a');
      a.href = `/api/public/documents/${c.decisionDocument}/pdf`;
      a.textContent = `${t(`verdict.${c.verdict}`)} · ${t('complaints.letter.download')}`;
      outcome = a;
    }
    tr.append(cell(c.projectName), cell(dateTime(c.filedAt)), cell(t(`complaint.state.${c.state}`)),
      cell(c.due ? `${c.due}${c.overdue ? ' · ' + t('complaints.overdue') : ''}` : '—'), cell(outcome));
    body.append(tr);
  }
}

function open(o) {
  objection = o;
  form.hidden = false;
  document.getElementById('file-title').textContent = t('complaints.file.title', o.projectName, o.lastDay);
  document.getElementById('file-title').focus();
}

document.getElementById('file-text').addEventListener('input', (event) => panel.setText(event.target.value));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('file-status');
  const text = form.elements.text.value.trim();
  out.textContent = t('loading');
  try {
    const { signature } = await panel.sign(new TextEncoder().encode(text));
    await json('/api/complaints', { method: 'POST', json: { objectionId: objection.objectionId, text, signature } });
    form.reset();
    form.hidden = true;
    document.getElementById('status').textContent = t('complaints.filed.done');
    await Promise.all([objections(), complaints()]);
  } catch (error) {
    out.textContent = '';
    showProblem(error.status ? error : { message: message(error), field: null }, form, out);
  }
});

await Promise.all([objections(), complaints()]);
