// The bidder's bids by their short numbers: status, the receipt in words (and as JSON and PDF), and before the
// deadline (with a countdown) replace (in the bid wizard) or withdraw.
// A withdrawal is a CMS signature over "sunbid-withdraw:<bid id>": made here with the key and certificate files, or
// pasted from bidtool.
import { page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, session, showProblem } from '/js/session.js';
import { bidNumber, bytes, countdown, download, downloadWhenReady, message, signerPanel } from './ui.js';
import { receiptCertificate, withdrawalCertificate } from './receipt-view.js';

await page('bidder');
requireRole('BIDDER');
const status = document.getElementById('receipts-status');
const list = document.getElementById('bids');
const projects = new Map();

async function project(id) {
  if (!projects.has(id)) {
    projects.set(id, json(`/api/projects/${id}`).catch(() => null));
  }
  return projects.get(id);
}

const BADGE = { RECEIVED: 'ok', WITHDRAWN: 'bad', REPLACED: 'warn' };

function withdrawForm(bid, li) {
  const form = document.createElement('form');
  form.className = 'withdraw stack';
  form.noValidate = true;
  const text = `sunbid-withdraw:${bid.id}`;
  const intro = document.createElement('p');
  intro.textContent = t('withdraw.intro', text);
  form.append(intro);
  const panel = signerPanel(form, {
    kind: 'cms',
    command: (x) => `printf '%s' '${x}' > withdraw.txt\n`
      + 'bidtool sign --in withdraw.txt --p12 company.p12 --detached --out withdraw.p7s\nbase64 -w0 withdraw.p7s',
  });
  panel.setText(text);
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'primary';
  submit.textContent = t('withdraw.confirm');
  const out = document.createElement('div');
  out.setAttribute('role', 'status');
  form.append(submit, out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    out.textContent = t('loading');
    try {
      const { signature } = await panel.sign(new TextEncoder().encode(text));
      await json(`/api/bids/${bid.id}/withdrawal`, { method: 'POST', json: { signature } });
      await load();
      status.textContent = t('withdraw.done');
    } catch (error) {
      out.textContent = '';
      const hidden = panel.mode() === 'browser' && error.field === 'signature';
      showProblem(error.status && !hidden ? error : { message: message(error), field: null }, form, out);
    }
  });
  li.append(form);
  form.querySelector('input').focus();
}

async function card(bid) {
  const li = document.createElement('li');
  li.id = `bid-${bid.id}`;
  const p = await project(bid.projectId);
  const lot = p?.lots.find((l) => l.id === bid.lotId);
  const h2 = document.createElement('h2');
  h2.textContent = p ? `${p.name} — ${t('project.lot.name', lot?.number ?? '?', lot?.name ?? '')}` : bid.lotId;
  const badge = document.createElement('span');
  badge.className = `badge status ${BADGE[bid.status] || ''}`;
  badge.textContent = t(`bid.status.${bid.status}`);
  h2.append(' ', badge);
  const dl = document.createElement('dl');
  dl.className = 'facts';
  const rows = [['receipt.bid', bidNumber(bid.id)], ['receipt.received', dateTime(bid.receivedAt)], ['receipt.size', bytes(bid.size)],
    ['receipt.sha256', bid.sha256]];
  if (bid.withdrawnAt) {
    rows.push(['bid.withdrawn-at', dateTime(bid.withdrawnAt)]);
  }
  for (const [key, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  const open = p && new Date(p.bidDeadline) > new Date();
  if (p) {
    const dt = document.createElement('dt');
    dt.textContent = t('project.deadline');
    const dd = document.createElement('dd');
    const left = document.createElement('span');
    left.className = 'countdown';
    dd.append(dateTime(p.bidDeadline), ' (', left, ')');
    countdown(left, p.bidDeadline, () => {
      for (const b of li.querySelectorAll('.live-only')) {
        b.hidden = true;
      }
    });
    dl.append(dt, dd);
  }
  const actions = document.createElement('p');
  actions.className = 'actions';
  const button = (key, cls, onClick) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = t(key);
    b.addEventListener('click', onClick);
    actions.append(b);
    return b;
  };
  const note = document.createElement('span');
  note.setAttribute('role', 'status');
  /** The card's section for a receipt in words (made once, below the actions). */
  const view = (className) => {
    let section = li.querySelector(`section.${className}`);
    if (!section) {
      section = document.createElement('section');
      section.className = className;
      section.tabIndex = -1;
      li.append(section);
    }
    return section;
  };
  const fail = (error) => {
    note.className = 'error';
    note.textContent = error.message;
  };
  button('receipt.json', 'receipt-json', async () => {
    try {
      const receipt = await json(`/api/bids/${bid.id}/receipt`);
      await download(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }), `receipt-${bid.id}.json`);
    } catch (error) {
      fail(error);
    }
  });
  button('receipt.pdf', 'receipt-pdf', async () => {
    try {
      await downloadWhenReady(`/api/bids/${bid.id}/receipt.pdf`, `receipt-${bid.id}.pdf`, () => {
        note.className = 'meta';
        note.textContent = t('receipt.pdf-issuing');
      });
      note.textContent = '';
    } catch (error) {
      fail(error);
    }
  });
  button('receipt.show', 'receipt-show', async () => {
    try {
      receiptCertificate(view('receipt-view'), await json(`/api/bids/${bid.id}/receipt`), { bidder: session()?.displayName,
        project: p?.name, lot: lot ? t('project.lot.name', lot.number, lot.name) : '', onError: fail });
    } catch (error) {
      fail(error);
    }
  });
  if (bid.status === 'WITHDRAWN') {
    // the platform-signed withdrawal receipt (JSON with its RFC 3161 token, and a signed PDF)
    button('withdrawal.json', 'withdrawal-json', async () => {
      try {
        const receipt = await json(`/api/bids/${bid.id}/withdrawal-receipt`);
        await download(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }), `withdrawal-${bid.id}.json`);
      } catch (error) {
        fail(error);
      }
    });
    button('withdrawal.pdf', 'withdrawal-pdf', async () => {
      try {
        const receipt = await json(`/api/bids/${bid.id}/withdrawal-receipt`);
        if (!receipt.receiptDocument) {
          throw new Error(t('receipt.no-pdf'));
        }
        await download(`/api/documents/${receipt.receiptDocument}/pdf`, `withdrawal-${bid.id}.pdf`);
      } catch (error) {
        fail(error);
      }
    });
    button('withdrawal.show', 'withdrawal-show', async () => {
      try {
        withdrawalCertificate(view('withdrawal-view'), bid.id, await json(`/api/bids/${bid.id}/withdrawal-receipt`), fail);
      } catch (error) {
        fail(error);
      }
    });
  }
  if (bid.status === 'RECEIVED' && open) {
    const replace = document.createElement('a');
    replace.className = 'button live-only replace';
    replace.href = `/bidder/bid.html?project=${bid.projectId}&lot=${bid.lotId}`;
    replace.textContent = t('bid.replace');
    actions.append(replace);
    const withdraw = button('bid.withdraw', 'live-only withdraw', () => {
      withdraw.disabled = true;
      withdrawForm(bid, li);
    });
  }
  actions.append(note);
  li.append(h2, dl, actions);
  return li;
}

async function load() {
  const bids = await json('/api/bids');
  bids.sort((a, b) => (b.receivedAt || '').localeCompare(a.receivedAt || ''));
  status.textContent = bids.length ? t('receipts.count', bids.length) : t('receipts.none');
  list.replaceChildren(...await Promise.all(bids.map(card)));
}

try {
  status.textContent = t('loading');
  await load();
} catch (error) {
  status.textContent = error.message;
  status.className = 'error';
}
