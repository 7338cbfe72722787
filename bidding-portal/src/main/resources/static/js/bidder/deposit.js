// The bidder's deposit for one lot: where and how much to pay by when (the virtual sub-account), what is held,
// refunds with their interest, and electronic guarantees (upload a CMS-signed or PAdES-signed PDF guarantee; the
// platform verifies it).
import { emptyRow, page, withoutSubject } from '/js/layout.js';
import { t, dateTime, money } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';
import { facts as factRows, row } from '/js/table.js';

await page('bidder');
requireRole('BIDDER');

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const projectId = params.get('project');
const lotId = params.get('lot');

const facts = (table, pairs) => factRows(table, pairs, t);

async function load() {
  const [project, d, guarantees] = await Promise.all([json(`/api/projects/${projectId}`),
    json(`/api/projects/${projectId}/lots/${lotId}/deposit`), json('/api/deposits/guarantees/mine')]);
  const lot = project.lots.find((l) => l.id === lotId);
  $('deposit-lot').textContent = `${project.name} — ${t('project.lot.name', lot?.number ?? '?', lot?.name ?? '')}`;
  const mine = guarantees.filter((g) => g.lot === lotId);
  const guaranteed = mine.some((g) => g.state === 'ACCEPTED');
  facts($('instructions'), [['deposit.account-name', d.accountName], ['deposit.bank', d.bankName],
    ['deposit.virtual-account', d.virtualAccount], ['deposit.amount', `${money(d.amount)} 元`],
    ['deposit.due-by', dateTime(d.dueBy)], ['deposit.pay-from', d.payFrom],
    ['deposit.held', `${money(d.held)} 元`], ['deposit.status', d.secured || guaranteed
      ? t(guaranteed && !d.secured ? 'deposit.secured.guarantee' : 'deposit.secured.yes') : t('deposit.secured.no')],
    ['deposit.state', t(`deposit.state.${d.state}`)]]);
  $('refunds').tBodies[0].replaceChildren(...(d.refunds.length ? d.refunds.map((r) => row([
    t(`deposit.refund.${r.reason}`), money(r.principal), money(r.interest), money(r.total), r.payeeAccount,
    dateTime(r.dueBy), t(`deposit.refund.state.${r.state}`)])) : [emptyRow($('refunds'), 'deposit.none.refunds')]));
  $('guarantees').tBodies[0].replaceChildren(...(mine.length ? mine.map((g) => row([g.issuer, g.guaranteeNo,
    money(g.amount), g.validUntil, t(`deposit.guarantee.state.${g.state}`)])) : [emptyRow($('guarantees'), 'deposit.none.guarantees')]));
}

$('guarantee-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const file = form.elements.document.files[0];
  if (!file) {
    showProblem({ message: t('deposit.guarantee.file.required'), field: 'document' }, form, $('guarantee-status'));
    return;
  }
  $('guarantee-status').textContent = t('loading');
  try {
    const g = await json(`/api/projects/${projectId}/lots/${lotId}/guarantee`, {
      method: 'POST', body: file,
      headers: { 'Content-Type': file.name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'application/pkcs7-mime' },
    });
    $('guarantee-status').textContent = t('deposit.guarantee.accepted', g.guaranteeNo);
    await load();
  } catch (error) {
    showProblem(error, form, $('guarantee-status'));
  }
});

if (!withoutSubject(!projectId || !lotId, 'deposit.no-lot', [['deposit.no-lot.go', '/bidder/projects.html']])) {
  try {
    await load();
  } catch (error) {
    $('deposit-status').className = 'error';
    $('deposit-status').textContent = error.message;
  }
}
