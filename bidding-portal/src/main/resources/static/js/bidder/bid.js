// The bid wizard: a bidder with only a browser and its PKCS#12 file chooses the lot, opens its key (never uploaded),
// fills the bid form (checked against the published JSON Schema), adds the tender PDFs; the page then builds the
// package as `bidtool package` does, signs it, seals it to the lot's opening certificate and the bidder's own, uploads
// it resumably, signs the manifest and shows the receipt in words. A live bid on the lot is replaced by a new one, or
// withdrawn with a signature made by the same key.
import { emptyState, page } from '/js/layout.js';
import { t, dateTime, money } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';
import { KeyFileError, base64, readFile, signCms } from './keys.js';
import { bidNumber, bytes, countdown, message } from './ui.js';
import { receiptCertificate, withdrawalCertificate } from './receipt-view.js';
import { sha256Hex, uploader } from './transfer.js';
import { MAX_BYTES, bidForm, certificateDer, openKey, seal, signPackage, tenderPackage } from './tender.js';
import { validate } from './schema.js';
import { forget, keep, kept } from './kept.js';

/** A price in 元 as 万元 without floating-point tails (9876543.21 → 987.654321, never 987.6543210000001). */
function inWan(price) {
  return (Number(price) / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 6 });
}

await page('bidder');
requireRole('BIDDER');

const STEPS = ['lot', 'key', 'form', 'files', 'submit'];
const form = document.getElementById('wizard');
const status = document.getElementById('wizard-status');
const params = new URLSearchParams(location.search);
const state = { step: 0, lots: [], lot: null, live: null, key: null, pdfs: [], schema: null, busy: false, withdrawing: false,
  resuming: null };
const transfer = uploader({ progress: document.getElementById('progress'),
  progressText: document.getElementById('progress-text'), network: document.getElementById('network'), status,
  progressBox: document.getElementById('progress-box') });

function fail(field, key, ...args) {
  return Object.assign(new Error(t(key, ...args)), { field });
}

function clearProblems() {
  showProblem({ message: '', field: null }, form, null);
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
}

function report(error) {
  const field = error.field && form.elements.namedItem(error.field) ? error.field : null;
  showProblem({ message: error instanceof KeyFileError ? message(error) : error.message, field }, form, status);
}

// ---- steps

function show(step) {
  state.step = step;
  if (step === 0) {
    state.withdrawing = false;
    state.resuming = null;
  }
  for (const fieldset of form.querySelectorAll('fieldset[data-step]')) {
    fieldset.hidden = fieldset.dataset.step !== STEPS[step];
  }
  document.querySelectorAll('#steps li').forEach((li, i) => {
    li.classList.toggle('done', i < step);
    if (i === step) {
      li.setAttribute('aria-current', 'step');
    } else {
      li.removeAttribute('aria-current');
    }
  });
  document.getElementById('back').hidden = step === 0;
  document.getElementById('next').hidden = step === STEPS.length - 1;
  if (STEPS[step] === 'submit') {
    drawSummary();
  }
  const first = form.querySelector(`fieldset[data-step="${STEPS[step]}"]`).querySelector('input, select, button');
  first?.focus();
}

async function leave(step) {
  switch (STEPS[step]) {
    case 'lot':
      if (!state.lot) {
        throw fail('lot', 'wizard.lot.missing');
      }
      return;
    case 'key':
      if (!state.key) {
        await openTheKey();
      }
      return;
    case 'form':
      checkForm();
      return;
    case 'files':
      if (state.pdfs.length === 0) {
        throw fail('documents', 'wizard.files.missing');
      }
      return;
    default:
  }
}

const LAST = STEPS.length - 1;

/**
 * Next step; a withdrawal, and an interrupted upload resumed, need only the lot and the key, so they go from the key
 * to the last step.
 */
async function next() {
  clearProblems();
  try {
    await leave(state.step);
    show((state.withdrawing || state.resuming) && STEPS[state.step] === 'key' ? LAST : state.step + 1);
  } catch (error) {
    report(error);
  }
}

document.getElementById('next').addEventListener('click', next);
document.getElementById('back').addEventListener('click', () => {
  clearProblems();
  show((state.withdrawing || state.resuming) && state.step === LAST ? STEPS.indexOf('key') : state.step - 1);
});
document.getElementById('resume-start').addEventListener('click', async () => {
  state.resuming = await kept(state.lot.lot.id);
  if (state.resuming) {
    next();
  }
});
document.getElementById('withdraw-start').addEventListener('click', () => {
  state.withdrawing = true;
  next();
});

// ---- 1. the lot

function lotLabel(entry) {
  return `${entry.project.name} — ${t('project.lot.name', entry.lot.number, entry.lot.name)}`;
}

async function chooseLot(value) {
  const facts = document.getElementById('lot-facts');
  const liveNote = document.getElementById('live-bid');
  state.lot = state.lots.find((entry) => entry.lot.id === value) || null;
  state.live = null;
  state.withdrawing = false;
  liveNote.hidden = true;
  document.getElementById('withdraw-start').hidden = true;
  document.getElementById('resume-box').hidden = true;
  facts.replaceChildren();
  if (!state.lot) {
    return;
  }
  const { project, lot } = state.lot;
  const dl = document.createElement('dl');
  dl.className = 'facts';
  const left = document.createElement('span');
  left.className = 'countdown';
  const rows = [['project.code', project.transactionCode], ['project.tenderee', project.tendereeName],
    ['project.estimate', `${money(lot.estimate)} 元`], ['project.deposit', `${money(lot.deposit)} 元`],
    ['project.deadline', [dateTime(project.bidDeadline), ' (', left, ')']]];
  for (const [key, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.append(...[value].flat());
    dl.append(dt, dd);
  }
  facts.append(dl);
  countdown(left, project.bidDeadline);
  // a package sealed before the page was reloaded or closed, not yet received: offer to finish its upload
  const pending = await kept(lot.id);
  if (pending) {
    document.getElementById('resume-what').textContent = t('wizard.resume.what', bytes(pending.blob.size),
      dateTime(pending.keptAt));
    document.getElementById('resume-box').hidden = false;
  }
  const live = (await json(`/api/bids?lotId=${lot.id}`)).filter((b) => b.status === 'RECEIVED');
  if (live.length) {
    state.live = live[0];
    liveNote.hidden = false;
    liveNote.textContent = t('wizard.live', bidNumber(live[0].id), dateTime(live[0].receivedAt));
    document.getElementById('withdraw-start').hidden = false;
  }
}

async function loadLots() {
  const [projects, schema] = await Promise.all([json('/api/projects/open-for-bidding'),
    fetch('/schemas/bid-form.schema.json').then((r) => r.json())]);
  state.schema = schema;
  state.lots = projects.flatMap((project) => project.lots.map((lot) => ({ project, lot })));
  const select = document.getElementById('lot-choice');
  const none = document.createElement('option');
  none.value = '';
  none.textContent = state.lots.length ? t('wizard.lot.placeholder') : t('wizard.lot.none');
  select.replaceChildren(none, ...state.lots.map((entry) => {
    const option = document.createElement('option');
    option.value = entry.lot.id;
    option.textContent = lotLabel(entry);
    return option;
  }));
  select.addEventListener('change', () => chooseLot(select.value).catch(report));
  if (!state.lots.length) {
    // nothing to choose: say why and where new tenders appear, instead of an empty list and a "next" that cannot work
    select.hidden = true;
    document.querySelector('label[for="lot-choice"]').hidden = true;
    document.getElementById('next').hidden = true;
    select.after(emptyState('wizard.lot.none', [], [['wizard.lot.none.search', '/search.html'],
      ['wizard.lot.none.receipts', '/bidder/receipts.html']]));
  }
  const wanted = (params.get('lot') || '').toLowerCase();
  if (wanted && state.lots.some((entry) => entry.lot.id === wanted)) {
    select.value = wanted;
    await chooseLot(wanted);
  }
}

// ---- 2. the key

const keyInput = document.getElementById('key-file');
keyInput.addEventListener('change', async () => {
  state.key = null;
  document.getElementById('key-info').hidden = true;
  const file = keyInput.files[0];
  const pkcs12 = file && (/\.(p12|pfx)$/i.test(file.name) || (await readFile(file))[0] === 0x30);
  document.getElementById('cert-box').hidden = !file || pkcs12;
});

async function openTheKey() {
  const file = keyInput.files[0];
  if (!file) {
    throw fail('keyFile', 'wizard.key.missing');
  }
  const certificate = document.getElementById('cert-file').files[0];
  try {
    state.key = await openKey(await readFile(file), form.password.value,
      certificate ? await readFile(certificate) : null);
  } catch (error) {
    const field = error.key === 'bid.key.error.password' ? 'password'
      : (error.key === 'signer.error.no-cert' ? 'certificateFile' : 'keyFile');
    throw Object.assign(new Error(message(error)), { field });
  }
  const info = document.getElementById('key-info');
  info.hidden = false;
  info.textContent = t('wizard.key.opened', state.key.subject.o || state.key.subject.cn || '—',
    state.key.subject.cn || '—', dateTime(state.key.subject.notAfter.toISOString()));
}

document.getElementById('open-key').addEventListener('click', async () => {
  clearProblems();
  try {
    await openTheKey();
  } catch (error) {
    report(error);
  }
});

// ---- 3. the bid form

/** The price as the schema wants it: yuan with two decimals, as a string (no binary rounding). */
function priceText(raw) {
  const clean = raw.replace(/[,，\s元]/g, '');
  if (!/^[0-9]{1,15}(\.[0-9]{1,2})?$/.test(clean) || Number(clean) <= 0) {
    return null;
  }
  const [whole, cents = ''] = clean.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${cents.padEnd(2, '0')}`;
}

form.price.addEventListener('input', () => {
  const price = priceText(form.price.value);
  document.getElementById('price-words').textContent = price
    ? t('wizard.form.price.words', money(price), inWan(price))
    : '';
});

function formValues() {
  const text = (name) => form.elements.namedItem(name).value.trim();
  return { lot: state.lot.lot.id, price: priceText(text('price')), duration: text('duration'),
    quality: text('quality'), projectManager: text('projectManager'), depositReference: text('depositReference') };
}

/** The bid form as it will be packed, checked against the published schema; errors name the field. */
function checkForm() {
  const values = formValues();
  if (!values.price) {
    throw fail('price', 'wizard.form.price.invalid');
  }
  const problems = validate(state.schema, bidForm(values, ['document.pdf']));
  if (problems.length) {
    const field = problems[0].path[0];
    throw fail(field, 'wizard.form.invalid', t(`wizard.field.${field}`), t(`schema.${problems[0].rule}`));
  }
  return values;
}

// ---- 4. the PDFs

document.getElementById('files-limit').textContent = t('wizard.files.limit', bytes(MAX_BYTES));
form.documents.addEventListener('change', async () => {
  clearProblems();
  const table = document.getElementById('files-table');
  const chosen = [...form.documents.files];
  state.pdfs = [];
  table.hidden = true;
  const total = chosen.reduce((n, f) => n + f.size, 0);
  try {
    if (total > MAX_BYTES) {
      throw fail('documents', 'wizard.files.too-large', bytes(total), bytes(MAX_BYTES));
    }
    for (const file of chosen) {
      const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
      if (String.fromCharCode(...head) !== '%PDF-') {
        throw fail('documents', 'wizard.files.not-pdf', file.name);
      }
    }
  } catch (error) {
    report(error);
    return;
  }
  state.pdfs = chosen;
  table.tBodies[0].replaceChildren(...chosen.map((file) => {
    const tr = document.createElement('tr');
    for (const text of [file.name, bytes(file.size)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }));
  table.hidden = chosen.length === 0;
});

// ---- 5. submit

function drawSummary() {
  const dl = document.getElementById('summary');
  document.getElementById('withdraw').hidden = !state.withdrawing;
  document.getElementById('submit').hidden = state.withdrawing;
  document.getElementById('submit-what').hidden = state.withdrawing;
  if (state.resuming) {
    facts(dl, [['wizard.summary.lot', lotLabel(state.lot)],
      ['wizard.summary.bidder', state.key.subject.o || state.key.subject.cn],
      ['wizard.summary.resumes', t('wizard.summary.resumes.text', bytes(state.resuming.blob.size), dateTime(state.resuming.keptAt))]]);
    document.getElementById('submit').textContent = t('wizard.resume.submit');
    return;
  }
  if (state.withdrawing) {
    facts(dl, [['wizard.summary.lot', lotLabel(state.lot)],
      ['wizard.summary.bidder', state.key.subject.o || state.key.subject.cn],
      ['wizard.summary.withdraws', t('wizard.summary.withdraws.text', bidNumber(state.live.id), dateTime(state.live.receivedAt))]]);
    return;
  }
  const values = formValues();
  const rows = [['wizard.summary.lot', lotLabel(state.lot)],
    ['wizard.summary.bidder', state.key.subject.o || state.key.subject.cn],
    ['wizard.form.price', t('wizard.form.price.words', money(values.price), inWan(values.price))],
    ['wizard.form.duration', values.duration], ['wizard.form.quality', values.quality || '合格'],
    ['wizard.form.manager', values.projectManager], ['wizard.form.deposit', values.depositReference || '—'],
    ['wizard.summary.files', state.pdfs.map((f) => `${f.name}（${bytes(f.size)}）`).join('、')]];
  if (state.live) {
    rows.push(['wizard.summary.replaces', t('wizard.summary.replaces.text', bidNumber(state.live.id))]);
  }
  facts(dl, rows);
  document.getElementById('submit').textContent = t(state.live ? 'wizard.submit.replace' : 'wizard.submit');
}

function facts(dl, rows) {
  dl.replaceChildren(...rows.flatMap(([key, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value;
    return [dt, dd];
  }));
}

function lock(locked) {
  state.busy = locked;
  for (const button of form.querySelectorAll('button')) {
    button.disabled = locked;
  }
}

/** Uploads the sealed package (kept in the browser until received), signs its manifest, shows the receipt. */
async function deliver(sealed, sha256) {
  const { project, lot } = state.lot;
  const storeKey = `sunbid.wizard.upload.${lot.id}`;
  const id = await transfer.send(sealed, { projectId: project.id, lotId: lot.id, sha256, storeKey });
  status.textContent = t('upload.completing');
  const manifest = JSON.stringify({ lot: lot.id, sha256, size: sealed.size, clientTime: new Date().toISOString(),
    fingerprint: { browser: navigator.userAgent } });
  const signature = await signCms(state.key.key, state.key.certificate, new TextEncoder().encode(manifest), false);
  const receipt = await transfer.complete(id, base64(signature));
  await forget(lot.id);
  localStorage.removeItem(storeKey);
  status.textContent = t('upload.done');
  form.hidden = true;
  receiptCertificate(document.getElementById('receipt'), receipt, { bidder: state.key.subject.o || state.key.subject.cn,
    project: project.name, lot: t('project.lot.name', lot.number, lot.name), sealed, onError: report });
}

async function submit() {
  if (state.resuming) {
    status.textContent = t('wizard.resume.sending');
    await deliver(state.resuming.blob, state.resuming.sha256);
    return;
  }
  const values = checkForm();
  const { project, lot } = state.lot;
  status.textContent = t('wizard.progress.package');
  const pdfs = [];
  for (const file of state.pdfs) {
    pdfs.push({ name: file.name, bytes: await readFile(file) });
  }
  const zip = tenderPackage(values, pdfs);
  status.textContent = t('wizard.progress.sign');
  const signed = await signPackage(state.key, zip);
  status.textContent = t('wizard.progress.seal');
  const opening = certificateDer(new Uint8Array(await (await call(
    `/api/public/projects/${project.id}/lots/${lot.id}/opening-certificate`)).arrayBuffer()));
  const sealed = new Blob([await seal(signed, [opening, state.key.certificate.der])],
    { type: 'application/octet-stream' });
  const sha256 = await sha256Hex(sealed);
  await keep(lot.id, { blob: sealed, sha256, projectId: project.id, lotId: lot.id }).catch(() => undefined);
  await deliver(sealed, sha256);
}

async function withdraw() {
  const bid = state.live;
  const signature = await signCms(state.key.key, state.key.certificate,
    new TextEncoder().encode(`sunbid-withdraw:${bid.id}`), true);
  const receipt = await json(`/api/bids/${bid.id}/withdrawal`, { method: 'POST', json: { signature: base64(signature) } });
  form.hidden = true;
  withdrawalCertificate(document.getElementById('receipt'), bid.id, receipt, report);
  status.textContent = t('withdraw.done');
}

// Enter in a field of an earlier step goes on to the next step (the submit button lives in the last one)
form.addEventListener('keydown', (event) => {
  const field = event.target;
  if (event.key === 'Enter' && state.step < LAST && field.tagName === 'INPUT' && field.type !== 'file') {
    event.preventDefault();
    next();
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (state.busy) {
    return;
  }
  if (state.step < LAST) {
    await next();
    return;
  }
  if (state.withdrawing) {
    return;
  }
  clearProblems();
  lock(true);
  try {
    await submit();
  } catch (error) {
    status.textContent = '';
    report(error);
  } finally {
    lock(false);
  }
});

const withdrawButton = document.getElementById('withdraw');
withdrawButton.addEventListener('click', async () => {
  // the first press asks again in words; the second withdraws
  if (!state.live) {
    return;
  }
  if (!withdrawButton.dataset.armed) {
    withdrawButton.dataset.armed = 'true';
    withdrawButton.textContent = t('wizard.withdraw.confirm', bidNumber(state.live.id));
    return;
  }
  clearProblems();
  lock(true);
  try {
    await withdraw();
  } catch (error) {
    report(error);
  } finally {
    lock(false);
  }
});

show(0);
try {
  await loadLots();
} catch (error) {
  status.className = 'error';
  status.textContent = error.message;
}
