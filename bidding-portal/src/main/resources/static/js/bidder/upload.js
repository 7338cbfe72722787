// Sealed tender upload: refuses a file that is not CMS (Auth)EnvelopedData before sending a byte, uploads in chunks
// with a real progress bar, survives a dropped connection (asks the server for the received offset and goes on) and a
// page reload (the upload id is kept in localStorage per lot, file name and size), then completes with the signed
// manifest (bidtool's, or signed here with the bidder's key file) and shows the receipt.
import { page, withoutSubject } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';
import { cmsContent, cmsKind, fromBase64, readFile, KeyFileError } from './keys.js';
import { bytes, countdown, message, signerPanel } from './ui.js';
import { receiptCertificate } from './receipt-view.js';
import { sha256Hex, uploader } from './transfer.js';

await page('bidder');
requireRole('BIDDER');

const params = new URLSearchParams(location.search);
const projectId = params.get('project');
const lotId = (params.get('lot') || '').toLowerCase();
const form = document.getElementById('upload');
const status = document.getElementById('upload-status');
const progress = document.getElementById('progress');
const transfer = uploader({ progress, progressText: document.getElementById('progress-text'),
  network: document.getElementById('network'), status, progressBox: document.getElementById('progress-box') });

async function showLot() {
  const box = document.getElementById('lot');
  if (withoutSubject(!projectId || !lotId, 'upload.no-subject', [['upload.no-subject.wizard', '/bidder/bid.html'],
    ['upload.no-subject.projects', '/bidder/projects.html']])) {
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
  const sha256 = await sha256Hex(file);
  const content = JSON.stringify({ lot: lotId, sha256, size: file.size, clientTime: new Date().toISOString(),
    fingerprint: { browser: navigator.userAgent } });
  const { signature } = await signer.sign(new TextEncoder().encode(content));
  return { manifest: signature, sha256 };
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
    const key = `sunbid.upload:${lotId}:${file.name}:${file.size}`;
    const id = await transfer.send(file, { projectId, lotId, sha256, storeKey: key });
    status.textContent = t('upload.completing');
    const receipt = await transfer.complete(id, manifest);
    localStorage.removeItem(key);
    status.textContent = t('upload.done');
    form.hidden = true;
    receiptCertificate(document.getElementById('receipt'), receipt, { onError: (error) => {
      status.textContent = error.message;
    } });
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
