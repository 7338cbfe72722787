// Sealed tender upload: refuses a file that is not CMS (Auth)EnvelopedData before sending a byte, uploads in chunks
// with a real progress bar, survives a dropped connection (asks the server for the received offset and goes on) and a
// page reload (the upload id is kept in localStorage per lot, file name and size), then completes with the signed
// manifest (bidtool's, or signed here with the bidder's key file) and shows the receipt.
import { page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { ProblemError, json, requireRole, showProblem } from '/js/session.js';
import { cmsContent, cmsKind, fromBase64, readFile, KeyFileError } from './keys.js';
import { bytes, countdown, download, message, signerPanel } from './ui.js';

await page('bidder');
requireRole('BIDDER');

const params = new URLSearchParams(location.search);
const projectId = params.get('project');
const lotId = (params.get('lot') || '').toLowerCase();
const form = document.getElementById('upload');
const status = document.getElementById('upload-status');
const progress = document.getElementById('progress');
const progressText = document.getElementById('progress-text');
const network = document.getElementById('network');
/** Bytes per request; a test or a slow line may lower it (localStorage 'sunbid.upload.chunkSize'). */
const CHUNK = Number(localStorage.getItem('sunbid.upload.chunkSize')) || 4 * 1024 * 1024;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function showLot() {
  const box = document.getElementById('lot');
  if (!projectId || !lotId) {
    box.innerHTML = '<p class="error" data-i18n="upload.no-lot"></p>';
    box.querySelector('p').textContent = t('upload.no-lot');
    form.hidden = true;
    return;
  }
  const project = await json(`/api/projects/${encodeURIComponent(projectId)}`);
  const lot = project.lots.find((l) => l.id === lotId);
  if (!lot) {
    throw new Error(t('upload.no-lot'));
  }
  const certificate = `/api/public/projects/${project.id}/lots/${lot.id}/opening-certificate`;
  box.innerHTML = `<h2></h2><dl class="facts">
    <dt data-i18n="project.code"></dt><dd class="code"></dd>
    <dt data-i18n="project.lot"></dt><dd class="lot"></dd>
    <dt data-i18n="project.deadline"></dt><dd><span class="deadline"></span> (<span class="countdown"></span>)</dd>
    <dt data-i18n="project.opening-certificate"></dt><dd><a class="cert" download="opening-${lot.id}.pem"></a></dd></dl>`;
  for (const el of box.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  box.querySelector('h2').textContent = project.name;
  box.querySelector('.code').textContent = project.transactionCode;
  box.querySelector('.lot').textContent = t('project.lot.name', lot.number, lot.name);
  box.querySelector('.deadline').textContent = dateTime(project.bidDeadline);
  box.querySelector('.cert').href = certificate;
  box.querySelector('.cert').textContent = t('project.opening-certificate.download');
  countdown(box.querySelector('.countdown'), project.bidDeadline, () => {
    document.getElementById('start').disabled = true;
  });
  document.getElementById('commands').textContent = [
    `curl -o opening.pem '${location.origin}${certificate}'`,
    `bidtool package --lot ${lot.id} --price 9876543.21 --duration "300 日历天" --manager 张三 --pdf 投标文件.pdf --out tender.zip`,
    'bidtool sign --in tender.zip --p12 company.p12 --out tender.p7s',
    'bidtool seal --in tender.p7s --recipient opening.pem --recipient company.pem --out tender.sealed',
    `bidtool manifest --lot ${lot.id} --in tender.sealed --p12 company.p12 --out tender.manifest`,
  ].join('\n');
  const live = (await json(`/api/bids?lotId=${lot.id}`)).filter((b) => b.status === 'RECEIVED');
  if (live.length) {
    const note = document.createElement('p');
    note.className = 'warning';
    note.id = 'replaces';
    note.textContent = t('upload.replaces', dateTime(live[0].receivedAt));
    box.append(note);
  }
}

const signer = signerPanel(document.getElementById('manifest-browser'), { kind: 'cms', attached: true, command: () => '' });
signer.element.querySelector('input[value=paste]').closest('label').hidden = true;
for (const radio of form.querySelectorAll('input[name=manifest-mode]')) {
  radio.addEventListener('change', () => {
    const browser = form.querySelector('input[name=manifest-mode]:checked').value === 'browser';
    document.getElementById('manifest-file').hidden = browser;
    document.getElementById('manifest-browser').hidden = !browser;
  });
}

/** Reads the first bytes of the chosen file: refuses anything that is not a sealed CMS before uploading. */
async function checkSealed(file) {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const kind = cmsKind(head);
  if (kind !== 'sealed') {
    throw Object.assign(new Error(t(kind === 'signed' ? 'upload.not-sealed.signed' : 'upload.not-sealed')),
      { field: 'body' });
  }
}

form.sealed.addEventListener('change', async () => {
  const info = document.getElementById('sealed-info');
  showProblem({ message: '', field: null }, form, null);
  form.sealed.removeAttribute('aria-invalid');
  const file = form.sealed.files[0];
  info.textContent = '';
  if (!file) {
    return;
  }
  try {
    await checkSealed(file);
    info.textContent = t('upload.sealed.ok', file.name, bytes(file.size));
  } catch (error) {
    showProblem(error, form, status);
  }
});

/** The manifest as base64 and the SHA-256 it states. */
async function manifestFor(file) {
  const mode = form.querySelector('input[name=manifest-mode]:checked').value;
  if (mode === 'file') {
    const chosen = form.manifest.files[0];
    if (!chosen) {
      throw Object.assign(new Error(t('upload.manifest.missing')), { field: 'manifest' });
    }
    const text = new TextDecoder().decode(await readFile(chosen)).trim();
    let fields;
    try {
      fields = JSON.parse(new TextDecoder().decode(cmsContent(fromBase64(text))));
    } catch {
      throw Object.assign(new Error(t('upload.manifest.unreadable')), { field: 'manifest' });
    }
    if (String(fields.lot).toLowerCase() !== lotId || Number(fields.size) !== file.size) {
      throw Object.assign(new Error(t('upload.manifest.mismatch')), { field: 'manifest' });
    }
    return { manifest: text, sha256: fields.sha256 };
  }
  status.textContent = t('upload.hashing');
  const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
  const content = JSON.stringify({ lot: lotId, sha256, size: file.size, clientTime: new Date().toISOString(),
    fingerprint: { browser: navigator.userAgent } });
  const { signature } = await signer.sign(new TextEncoder().encode(content));
  return { manifest: signature, sha256 };
}

function drawProgress(received, size) {
  progress.max = size;
  progress.value = received;
  progressText.textContent = t('upload.progress.text', bytes(received), bytes(size), Math.floor(received * 100 / size));
}

/** What the server has received of an upload, asked again and again while the network is down. */
async function receivedOffset(uploadId, size) {
  for (let attempt = 1; ; attempt++) {
    try {
      const state = await json(`/api/bids/uploads/${uploadId}`);
      return state.received;
    } catch (error) {
      if (error instanceof ProblemError) {
        throw error;
      }
      network.hidden = false;
      network.textContent = t('upload.offline', bytes(Number(progress.value)), bytes(size));
      await Promise.race([sleep(Math.min(10_000, 1000 * attempt)), new Promise((resolve) => addEventListener('online', resolve, { once: true }))]);
    }
  }
}

async function send(file, sha256) {
  const key = `sunbid.upload:${lotId}:${file.name}:${file.size}`;
  let state = null;
  const saved = JSON.parse(localStorage.getItem(key) || 'null');
  if (saved && saved.sha256 === sha256) {
    try {
      state = await json(`/api/bids/uploads/${saved.uploadId}`);
      status.textContent = t('upload.resuming', bytes(state.received));
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status !== 404) {
        throw error;
      }
    }
  }
  if (!state) {
    state = await json('/api/bids/uploads', { method: 'POST', json: { projectId, lotId, size: file.size, sha256 } });
    localStorage.setItem(key, JSON.stringify({ uploadId: state.uploadId, sha256 }));
    status.textContent = t('upload.sending');
  }
  const id = state.uploadId;
  let offset = state.received;
  document.getElementById('progress-box').hidden = false;
  drawProgress(offset, file.size);
  while (!state.complete && offset < file.size) {
    try {
      const answer = await json(`/api/bids/uploads/${id}?offset=${offset}`, { method: 'PUT',
        body: file.slice(offset, offset + CHUNK), headers: { 'Content-Type': 'application/octet-stream' } });
      offset = answer.received;
      if (!network.hidden) {
        network.hidden = true;
        status.textContent = t('upload.resumed', bytes(offset));
      }
    } catch (error) {
      if (error instanceof ProblemError && !(error.status === 409 && error.problem.expectedOffset != null)) {
        throw error;
      }
      // A dropped connection (or an offset the server disagrees with): ask what arrived and go on from there.
      offset = await receivedOffset(id, file.size);
    }
    drawProgress(offset, file.size);
  }
  return { id, key };
}

async function complete(id, manifest) {
  for (;;) {
    try {
      return await json(`/api/bids/uploads/${id}/complete`, { method: 'POST', json: { manifest } });
    } catch (error) {
      if (error instanceof ProblemError) {
        throw error;
      }
      await receivedOffset(id, Number(progress.max));
    }
  }
}

function showReceipt(receipt) {
  const box = document.getElementById('receipt');
  box.hidden = false;
  box.className = 'success';
  box.innerHTML = `<h2></h2><dl class="facts"><dt></dt><dd class="bid"></dd><dt></dt><dd class="sha"></dd>
    <dt></dt><dd class="size"></dd><dt></dt><dd class="at"></dd></dl>
    <p class="actions"><button type="button" class="json"></button> <button type="button" class="pdf"></button>
    <a class="button" href="/bidder/receipts.html"></a></p>`;
  box.querySelector('h2').textContent = t('receipt.title');
  const labels = ['receipt.bid', 'receipt.sha256', 'receipt.size', 'receipt.received'];
  box.querySelectorAll('dt').forEach((dt, i) => {
    dt.textContent = t(labels[i]);
  });
  box.querySelector('.bid').textContent = receipt.bidId;
  box.querySelector('.sha').textContent = receipt.sha256;
  box.querySelector('.size').textContent = bytes(receipt.size);
  box.querySelector('.at').textContent = dateTime(receipt.receivedAt);
  box.querySelector('.json').textContent = t('receipt.json');
  box.querySelector('.json').addEventListener('click', () => download(new Blob([JSON.stringify(receipt, null, 2)],
    { type: 'application/json' }), `receipt-${receipt.bidId}.json`));
  box.querySelector('.pdf').textContent = t('receipt.pdf');
  box.querySelector('.pdf').addEventListener('click', () => download(`/api/documents/${receipt.receiptDocument}/pdf`,
    `receipt-${receipt.bidId}.pdf`).catch((error) => {
    status.textContent = error.message;
  }));
  box.querySelector('a').textContent = t('receipt.all');
  box.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showProblem({ message: '', field: null }, form, null);
  const button = document.getElementById('start');
  const file = form.sealed.files[0];
  try {
    if (!file) {
      throw Object.assign(new Error(t('upload.sealed.missing')), { field: 'body' });
    }
    await checkSealed(file);
    button.disabled = true;
    const { manifest, sha256 } = await manifestFor(file);
    const { id, key } = await send(file, sha256);
    status.textContent = t('upload.completing');
    const receipt = await complete(id, manifest);
    localStorage.removeItem(key);
    status.textContent = t('upload.done');
    form.hidden = true;
    showReceipt(receipt);
  } catch (error) {
    button.disabled = false;
    status.textContent = '';
    const field = error.field && form.elements.namedItem(error.field) ? error.field : null;
    showProblem({ message: error instanceof KeyFileError ? message(error) : error.message, field }, form, status);
  }
});

// Every handler is in place before the page shows the lot (tests and quick users act as soon as it appears).
try {
  await showLot();
} catch (error) {
  status.textContent = error.message;
  form.hidden = true;
}
