// Staff deposits: import a bank statement (camt.053 or CSV) and read its report, work the suspense queue (match to a
// virtual sub-account or return with a reason), put proposed refunds in a batch (maker) and approve another's batch
// (checker) to write the pain.001 file, and read the ledger's reconciliation. Amounts in yuan with two decimals.
import { emptyRow, page } from '/js/layout.js';
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
    body.replaceChildren(emptyRow($('suspense'), 'deposits.none.suspense'));
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
    t(`deposits.refund.state.${r.state}`)])) : [emptyRow($('refunds'), 'deposits.none.refunds')]));
  $('make-batch').disabled = !refunds.some((r) => r.state === 'PROPOSED');
}

$('make-batch').addEventListener('click', async () => {
  try {
    await json('/api/deposits/refund-batches', { method: 'POST', json: { painVersion: $('pain-version').value } });
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
  }) : [emptyRow($('batches'), 'deposits.none.batches')]));
}

async function loadLedger() {
  const l = await json('/api/deposits/ledger');
  facts($('ledger'), [['deposits.ledger.trial', money(l.trialBalance)], ['deposits.ledger.bank', money(l.bankBalance)],
    ['deposits.ledger.suspense', money(l.suspenseBalance)],
    ['deposits.ledger.drift', Object.keys(l.drift).length ? t('deposits.ledger.drift.some', Object.keys(l.drift).length) : t('deposits.ledger.drift.none')],
    ['deposits.ledger.at', dateTime(l.at)]]);
}

// forfeit proposals: project → lot → a bidder that paid (payers are shown only from the lot's opening on)
let projects = [];

function options(select, items, label) {
  select.replaceChildren(...items.map((item) => {
    const o = document.createElement('option');
    o.value = item.id;
    o.textContent = label(item);
    return o;
  }));
}

async function loadPayers() {
  const project = $('f-project').value;
  const lot = $('f-lot').value;
  if (!project || !lot) {
    options($('f-bidder'), [], () => '');
    return;
  }
  let deposits;
  try {
    deposits = await json(`/api/projects/${project}/lots/${lot}/deposits`);
  } catch (error) {
    showProblem(error, null, $('forfeit-status'));
    return;
  }
  options($('f-bidder'), deposits.payers.filter((p) => p.state === 'OPEN').map((p) => ({ ...p, id: p.member })),
    (p) => `${p.name}（${money(p.held)} 元${p.guarantee ? `，${t('deposits.guarantee')} ${p.guarantee}` : ''}）`);
  $('forfeit-status').textContent = deposits.opened ? '' : t('deposits.forfeit.sealed');
}

async function loadLots() {
  const p = projects.find((x) => x.id === $('f-project').value);
  options($('f-lot'), p ? p.lots : [], (l) => `${l.number}. ${l.name}`);
  await loadPayers();
}

$('f-project').addEventListener('change', loadLots);
$('f-lot').addEventListener('change', loadPayers);

$('forfeit-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    await json('/api/deposits/forfeits', { method: 'POST', json: { lotId: form.elements.lotId.value || null,
      memberId: form.elements.memberId.value || null, reason: form.elements.reason.value } });
    $('forfeit-status').textContent = t('deposits.forfeit.proposed',
      form.elements.memberId.selectedOptions[0]?.textContent ?? '');
    form.elements.reason.value = '';
    await Promise.all([loadForfeits(), loadPayers()]);
  } catch (error) {
    showProblem(error, form, $('forfeit-status'));
  }
});

async function loadForfeits() {
  const forfeits = await json('/api/deposits/forfeits');
  $('forfeits').tBodies[0].replaceChildren(...(forfeits.length ? forfeits.map((f) => row([f.project, f.lot, f.bidder,
    money(f.held), f.reason, t(`deposits.forfeit.${f.state}`)])) : [emptyRow($('forfeits'), 'deposits.none.forfeits')]));
}

async function loadProjects() {
  projects = (await json('/api/projects')).filter((p) => p.lots && p.lots.length);
  options($('f-project'), projects, (p) => `${p.transactionCode} ${p.name}`);
  await loadLots();
}

// the trust list of guarantee issuers: add a PEM certificate, remove one
$('issuer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    await json('/api/deposits/guarantee-issuers', { method: 'POST',
      json: { name: form.elements.name.value.trim(), certificate: form.elements.certificate.value.trim() } });
    $('issuers-status').textContent = t('deposits.issuer.added', form.elements.name.value.trim());
    form.reset();
    await loadIssuers();
  } catch (error) {
    showProblem(error, form, $('issuers-status'));
  }
});

async function loadIssuers() {
  const issuers = (await json('/api/deposits/guarantee-issuers')).filter((i) => !i.removedAt);
  $('issuers').tBodies[0].replaceChildren(...(issuers.length ? issuers.map((i) => {
    const remove = button('deposits.issuer.remove', async () => {
      try {
        await json(`/api/deposits/guarantee-issuers/${i.id}`, { method: 'DELETE' });
        $('issuers-status').textContent = t('deposits.issuer.removed', i.name);
        await loadIssuers();
      } catch (error) {
        showProblem(error, null, $('issuers-status'));
      }
    });
    const fingerprint = document.createElement('code');
    fingerprint.className = 'hash';
    fingerprint.textContent = i.fingerprint;
    return row([i.name, i.subject, fingerprint, dateTime(i.notAfter), remove]);
  }) : [emptyRow($('issuers'), 'deposits.none.issuers')]));
}

async function loadAll() {
  await Promise.all([loadSuspense(), loadRefunds(), loadBatches(), loadLedger(), loadForfeits(), loadIssuers()]);
}

await Promise.all([loadAll(), loadProjects()]);
