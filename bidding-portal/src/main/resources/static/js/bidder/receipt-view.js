// Receipts as people read them: a certificate of receipt (or of withdrawal) in words, with the short bid number, the
// size in KB/MB, the time-stamp serial, the platform-signed PDF and, for a receipt just made, the sealed copy to keep.
import { t, dateTime } from '/js/i18n.js';
import { bidNumber, bytes, download, downloadWhenReady } from './ui.js';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) {
    el.className = className;
  }
  if (text != null) {
    el.textContent = text;
  }
  return el;
}

function fact(dl, key, value, className) {
  dl.append(element('dt', null, t(key)), element('dd', className, value));
}

function button(className, key, onClick) {
  const b = element('button', className, t(key));
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function link(href, key) {
  const a = element('a', 'button', t(key));
  a.href = href;
  return a;
}

function draw(box, title, parts) {
  box.hidden = false;
  box.classList.add('success', 'certificate');
  box.replaceChildren(element('h2', null, t(title)), ...parts);
  box.focus();
}

/**
 * Draws a submission receipt into box. context: {bidder, project, lot (its label)} for the opening sentence (left out
 * when unknown), sealed (a Blob to offer as the copy to keep, if at hand), onError(error).
 */
export function receiptCertificate(box, receipt, { bidder, project, lot, sealed, onError }) {
  const statement = JSON.parse(receipt.statement);
  const parts = [];
  if (bidder && project) {
    parts.push(element('p', 'lead', t('wizard.receipt.lead', bidder, project, lot || '', dateTime(receipt.receivedAt))));
  }
  const dl = element('dl', 'facts');
  fact(dl, 'wizard.receipt.number', bidNumber(receipt.bidId), 'bid-number');
  fact(dl, 'receipt.received', dateTime(receipt.receivedAt));
  fact(dl, 'receipt.size', bytes(receipt.size));
  fact(dl, 'receipt.sha256', receipt.sha256, 'sha');
  fact(dl, 'wizard.receipt.timestamp', t('wizard.receipt.timestamp.text', statement.timestampSerial ?? '—'));
  if (statement.replaces) {
    fact(dl, 'wizard.summary.replaces', t('wizard.summary.replaces.text', bidNumber(statement.replaces)));
  }
  const actions = element('p', 'actions');
  // the signed PDF copy is made just after the receipt: the button waits for it if it is not there yet
  const waiting = element('span', 'meta pdf-waiting');
  waiting.setAttribute('role', 'status');
  actions.append(button('pdf', 'receipt.pdf', () => downloadWhenReady(`/api/bids/${receipt.bidId}/receipt.pdf`,
    `投标回执-${bidNumber(receipt.bidId)}.pdf`, () => { waiting.textContent = t('receipt.pdf-issuing'); })
    .then(() => { waiting.textContent = ''; }).catch(onError)), waiting);
  if (sealed) {
    actions.append(button('sealed-copy', 'wizard.receipt.copy',
      () => download(sealed, `投标文件-${bidNumber(receipt.bidId)}.sealed`)));
  }
  actions.append(link('/verify.html', 'wizard.receipt.verify'), link('/bidder/receipts.html', 'receipt.all'));
  draw(box, 'wizard.receipt.title', [...parts, dl, element('p', 'meta', t('wizard.receipt.note')), actions]);
  box.dataset.bid = receipt.bidId;
}

/** Draws a withdrawal receipt into box. */
export function withdrawalCertificate(box, bidId, receipt, onError) {
  const statement = JSON.parse(receipt.statement);
  const dl = element('dl', 'facts');
  fact(dl, 'wizard.receipt.number', bidNumber(bidId), 'bid-number');
  fact(dl, 'wizard.withdrawn.at', dateTime(statement.withdrawnAt));
  fact(dl, 'wizard.receipt.timestamp', t('wizard.receipt.timestamp.text', statement.timestampSerial ?? '—'));
  const actions = element('p', 'actions');
  actions.append(button('pdf', 'withdrawal.pdf', () => download(`/api/documents/${receipt.receiptDocument}/pdf`,
    `撤回回执-${bidNumber(bidId)}.pdf`).catch(onError)));
  draw(box, 'wizard.withdrawn.title', [dl, actions]);
  box.dataset.withdrawn = bidId;
}
