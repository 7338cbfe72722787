// The page a signed answer link of an invitation mail opens (no login): it shows the project, the lot, the answer the
// link gives and the window, and answers only when the expert confirms (a mail scanner fetching the link answers
// nothing). A decline needs a reason. Nothing about other experts is shown: the API sends nothing about them.
import { page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, showProblem } from '/js/session.js';

await page('expert');

const token = new URLSearchParams(location.search).get('t') || '';
const status = document.getElementById('status');
const form = document.getElementById('answer');
const path = `/api/public/expert-answers/${encodeURIComponent(token)}`;

function show(view) {
  document.getElementById('invitation').hidden = false;
  document.getElementById('project').textContent = `${view.projectName}（${view.transactionCode}）`;
  document.getElementById('lot').textContent = view.lotName;
  document.getElementById('asked').textContent = t(`link.asked.${view.asked}`);
  document.getElementById('state').textContent = t(`seat.${view.state}`);
  document.getElementById('due').textContent = dateTime(view.answerDue);
  const declining = view.asked === 'DECLINED';
  document.getElementById('reason-field').hidden = !declining || !view.open;
  const confirm = document.getElementById('confirm');
  confirm.textContent = t(`link.confirm.${view.asked}`);
  confirm.hidden = !view.open;
  if (!view.open) {
    status.textContent = t(view.state === 'INVITED' || view.state === 'EXPIRED' ? 'link.closed' : 'link.answered');
  }
  form.onsubmit = async (event) => {
    event.preventDefault();
    try {
      const body = declining ? { reason: document.getElementById('reason').value } : {};
      const answered = await json(path, { method: 'POST', json: body, anonymous: true });
      show({ ...view, state: answered.state, open: false });
      status.textContent = t(`link.done.${answered.state}`);
    } catch (error) {
      showProblem(error, form, status);
    }
  };
}

try {
  show(await json(path, { anonymous: true }));
} catch (error) {
  showProblem(error, null, status);
}
