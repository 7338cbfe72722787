// Staff deposits: import a bank statement (camt.053 or CSV) and read its report, work the suspense queue (match to a
// virtual sub-account or return with a reason), put proposed refunds in a batch (maker) and approve another's batch
// (checker) to write the pain.001 file, and read the ledger's reconciliation. Amounts in yuan with two decimals.
import { page } from '/js/layout.js';
import { t, dateTime, money } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';
import { facts as factRows, row } from '/js/table.js';

await page('staff');
requireRole('STAFF');

const $ = (id) => document.getElementById(id);

function button(key, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = t(key);
  b.addEventListener('click', onClick);
  return b;
}

const facts = (table, pairs) => factRows(table, pairs, t);

$('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const file = form.elements.document.files[0];
  if (!file) {
    showProblem({ message: t('deposits.file.required'), field: 'document' }, form, $('import-status'));
    return;
  }
  $('import-status').textContent = t('loading');
  try {
    const format = form.elements.format.value;
    const r = await json(`/api/deposits/statements?format=${format}`, {
      method: 'POST', body: file, headers: { 'Content-Type': format === 'CSV' ? 'text/csv' : 'application/xml' },
    });
    $('import-status').textContent = t('deposits.imported', r.statementRef);
    facts($('report'), [['deposits.report.entries', r.entries], ['deposits.report.new', r.newEntries],
      ['deposits.report.duplicates', r.duplicates], ['deposits.report.credited', `${r.credited}（${money(r.creditedTotal)} 元）`],
      ['deposits.report.short', r.flaggedShort], ['deposits.report.excess', r.flaggedExcess],
      ['deposits.report.suspense', `${r.suspense}（${money(r.suspenseTotal)} 元）`],
      ['deposits.report.refunds-paid', r.refundsPaid], ['deposits.report.returned', r.refundsReturned],
      ['deposits.report.closing', money(r.closingBalance)], ['deposits.report.ledger', money(r.ledgerBalance)],
      ['deposits.report.reconciled', r.reconciled ? t('deposits.yes') : t('deposits.difference', money(r.difference))]]);
    $('report').hidden = false;
    await loadAll();
  } catch (error) {
    showProblem(error, form, $('import-status'));
  }
});

async function loadSuspense() {
  const items = await json('/api/deposits/suspense');
  const body = $('suspense').tBodies[0];
  if (!items.length) {
    body.replaceChildren(row([t('deposits.none'), '', '', '', '', '', '', '']));
    return;
  }
  body.replaceChildren(...items.map((s) => {
    const actions = document.createElement('form');
    actions.className = 'inline';
    actions.noValidate = true;
    const va = document.createElement('input');
    va.name = 'virtualAccount';
    va.className = 'mono';
    va.placeholder = t('deposits.virtual-account');
    va.setAttribute('aria-label', t('deposits.virtual-account'));
    va.value = s.virtualAccount || '';
    const reason = document.createElement('input');
    reason.name = 'reason';
    reason.placeholder = t('deposits.return-reason');
    reason.setAttribute('aria-label', t('deposits.return-reason'));
    const act = (path, body) => async () => {
      try {
        await json(`/api/deposits/suspense/${encodeURIComponent(s.bankRef)}/${path}`, { method: 'POST', json: body });
        $('suspense-status').textContent = t(`deposits.${path}.done`, s.bankRef);
        await loadAll();
      } catch (error) {
        showProblem(error, actions, $('suspense-status'));
      }
    };
    actions.append(va, button('deposits.match', act('match', { get virtualAccount() { return va.value.trim(); }, note: t('deposits.match.note') })),
      reason, button('deposits.return', act('return', { get reason() { return reason.value.trim(); } })));
    const tr = row([s.bankRef, s.bookedOn, money(s.amount), s.payerName, s.payerAccount, s.virtualAccount,
      t(`deposits.outcome.${s.reason}`), actions]);
    tr.id = `suspense-${s.bankRef}`;
    return tr;
  }));
}

async function loadRefunds() {
  const refunds = await json('/api/deposits/refunds');
  const body = $('refunds').tBodies[0];
  body.replaceChildren(...(refunds.length ? refunds.map((r) => row([r.payeeName, r.payeeAccount,
    t(`deposits.refund.${r.reason}`), money(r.principal), money(r.interest), money(r.total), dateTime(r.dueBy),
    t(`deposits.refund.state.${r.state}`)])) : [row([t('deposits.none'), '', '', '', '', '', '', ''])]));
  $('make-batch').disabled = !refunds.some((r) => r.state === 'PROPOSED');
}

$('make-batch').addEventListener('click', async () => {
  try {
    await json('/api/deposits/refund-batches', { method: 'POST', json: { painVersion: 'pain.001.001.09' } });
    $('refunds-status').textContent = t('deposits.batch.made');
    await loadAll();
  } catch (error) {
    showProblem(error, null, $('refunds-status'));
  }
});

async function download(batch) {
  const response = await call(`/api/deposits/refund-batches/${batch.id}/pain001`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${batch.messageId}.${batch.painVersion}.xml`;
  a.click();
  URL.revokeObjectURL(url);
}

async function loadBatches() {
  const batches = await json('/api/deposits/refund-batches');
  const body = $('batches').tBodies[0];
  body.replaceChildren(...(batches.length ? batches.map((b) => {
    const total = b.refunds.reduce((sum, r) => sum + Number(r.total), 0);
    let action;
    if (b.state === 'MADE') {
      action = button('deposits.batch.approve', async () => {
        try {
          await json(`/api/deposits/refund-batches/${b.id}/approval`, { method: 'POST' });
          $('batches-status').textContent = t('deposits.batch.approved', b.messageId);
          await loadAll();
        } catch (error) {
          showProblem(error, null, $('batches-status'));
        }
      });
    } else {
      action = button('deposits.batch.download', () => download(b));
    }
    const tr = row([b.messageId, String(b.refunds.length), money(total), t(`deposits.batch.state.${b.state}`), action]);
    tr.id = `batch-${b.messageId}`;
    return tr;
  }) : [row([t('deposits.none'), '', '', '', ''])]));
}

async function loadLedger() {
  const l = await json('/api/deposits/ledger');
  facts($('ledger'), [['deposits.ledger.trial', money(l.trialBalance)], ['deposits.ledger.bank', money(l.bankBalance)],
    ['deposits.ledger.suspense', money(l.suspenseBalance)],
    ['deposits.ledger.drift', Object.keys(l.drift).length ? t('deposits.ledger.drift.some', Object.keys(l.drift).length) : t('deposits.ledger.drift.none')],
    ['deposits.ledger.at', dateTime(l.at)]]);
}

async function loadAll() {
  await Promise.all([loadSuspense(), loadRefunds(), loadBatches(), loadLedger()]);
}

await loadAll();
