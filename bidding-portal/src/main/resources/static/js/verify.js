// Anyone drops a bid receipt (JSON), a signed PDF or an archive ZIP; the public verification API says what it proves.
// The file's SHA-256 is computed here in the browser as well, so the reader can compare it with what others publish.
import { page } from '/js/layout.js';
import { dateTime, t } from '/js/i18n.js';
import { call, json } from '/js/session.js';
import { el } from '/js/public.js';

await page('public');

const form = document.getElementById('verify-form');
const input = document.getElementById('verify-file');
const result = document.getElementById('verify-result');
const qr = document.getElementById('qr-document');
let expected = null;

// Arrived from a document's QR code (/verify/documents/<id> redirects here): show what the platform registered.
const documentId = new URLSearchParams(location.search).get('document');
if (documentId) {
  qr.hidden = false;
  try {
    if (!/^[0-9a-f-]{36}$/i.test(documentId)) {
      throw new Error(t('pv.qr.bad-id'));
    }
    expected = await json('/api/public/documents/' + documentId, { anonymous: true });
    qr.replaceChildren(el('h2', { text: t('pv.qr.title') }), el('p', { text: t('pv.qr.text') }),
      facts([['pv.qr.kind', expected.kindName], ['pv.signer', expected.signer], ['pv.qr.issued', dateTime(expected.issuedAt)],
        ['pv.file-size', t('pv.bytes', Number(expected.size).toLocaleString())], ['pv.qr.sha256', code(expected.sha256)]]));
  } catch (e) {
    qr.replaceChildren(el('p', { className: 'error', id: 'qr-error', text: t('pv.qr.missing', e.message) }));
  }
}

document.getElementById('offline-lines').textContent = [
  `curl -s ${location.origin}/api/public/verify/root-certificate -o sunbid-root.pem`,
  `pdfsig receipt.pdf`,
  `# ${t('pv.offline.receipt')}`,
  `jq -r .statement receipt.json | tr -d '\\n' > statement.json`,
  `jq -r .signature receipt.json | base64 -d > statement.p7s`,
  `openssl cms -verify -binary -inform DER -in statement.p7s -content statement.json -CAfile sunbid-root.pem -purpose any`,
].join('\n');

async function sha256(file) {
  if (!globalThis.crypto?.subtle) {
    return null;
  }
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function kindOf(file) {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const text = String.fromCharCode(...head);
  if (text.startsWith('%PDF')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'archive';
  if (text.trimStart().startsWith('{')) return 'receipt';
  const name = file.name.toLowerCase();
  if (name.endsWith('.pdf')) return 'pdf';
  if (name.endsWith('.zip')) return 'archive';
  if (name.endsWith('.json')) return 'receipt';
  return null;
}

function verdict(valid, key) {
  return el('p', { className: 'verdict ' + (valid ? 'ok' : 'bad'), id: 'verdict' },
    el('span', { className: 'badge ' + (valid ? 'ok' : 'bad'), text: valid ? t('pv.valid') : t('pv.invalid') }), ' ',
    el('strong', { text: t(key) }));
}

function facts(rows) {
  const dl = el('dl', { className: 'facts' });
  for (const [key, value] of rows) {
    if (value !== null && value !== undefined && value !== '') {
      dl.append(el('dt', { text: t(key) }), el('dd', {}, value instanceof Node ? value : String(value)));
    }
  }
  return dl;
}

function list(titleKey, items, className) {
  if (!items?.length) {
    return null;
  }
  return el('section', { className: 'findings ' + className }, el('h3', { text: t(titleKey) }),
    el('ul', {}, ...items.map((item) => el('li', {}, item))));
}

function code(text) {
  return text ? el('code', { className: 'hash', text }) : null;
}

function problemText(p) {
  const key = 'pv.problem.' + p.code;
  const translated = t(key);
  return translated === key ? `${p.code}: ${p.detail}` : `${translated}（${p.detail}）`;
}

function pdfReport(reports) {
  if (!reports.length) {
    return [verdict(false, 'pv.pdf.unsigned')];
  }
  const all = reports.every((r) => r.problems.length === 0);
  return [verdict(all, all ? 'pv.pdf.valid' : 'pv.pdf.invalid'), ...reports.map((r, i) => el('section', { className: 'panel signature' },
    el('h3', { text: t('pv.pdf.signature', i + 1, r.field || '') }),
    facts([['pv.signer', r.signer], ['pv.timestamp', r.timestampTime ? dateTime(r.timestampTime) : t('pv.none')],
      ['pv.claimed', r.claimedTime ? dateTime(r.claimedTime) : null],
      ['pv.covers', r.coversWholeDocument ? t('pv.yes') : t('pv.no')], ['pv.format', r.subFilter]]),
    list('pv.problems', r.problems, 'bad'), list('pv.notes', r.notes, 'note')))];
}

function archiveReport(r) {
  const valid = r.problems.length === 0;
  return [verdict(valid, valid ? 'pv.archive.valid' : 'pv.archive.invalid'),
    facts([['pv.project', r.project], ['pv.signer', r.signer], ['pv.timestamp', r.timestamp ? dateTime(r.timestamp) : null],
      ['pv.documents', r.documents]]),
    list('pv.problems', r.problems, 'bad'), list('pv.bad-paths', r.badPaths, 'bad'), list('pv.notes', r.notes, 'note')];
}

function receiptReport(r) {
  const sealed = el('input', { type: 'file', id: 'sealed-file' });
  const sealedResult = el('p', { id: 'sealed-result', role: 'status' });
  sealed.addEventListener('change', async () => {
    const file = sealed.files[0];
    if (!file) return;
    sealedResult.textContent = t('pv.hashing');
    const hash = await sha256(file);
    if (hash === null) {
      sealedResult.textContent = t('pv.no-webcrypto');
    } else {
      const same = hash === r.sha256;
      sealedResult.className = same ? 'ok' : 'error';
      sealedResult.textContent = same ? t('pv.sealed.same') : t('pv.sealed.other', hash);
    }
  });
  return [verdict(r.valid, r.valid ? 'pv.receipt.valid' : 'pv.receipt.invalid'),
    facts([['pv.signer', r.signer], ['pv.signed-at', r.signedAt ? dateTime(r.signedAt) : null],
      ['pv.received-at', r.receivedAt ? dateTime(r.receivedAt) : null],
      ['pv.timestamp', r.timestampTime ? dateTime(r.timestampTime) : t('pv.none')],
      ['pv.timestamp-serial', r.timestampSerial], ['pv.timestamp-authority', r.timestampAuthority],
      ['pv.bid', r.bid], ['pv.project-id', r.project], ['pv.lot', r.lot], ['pv.member', r.member],
      ['pv.sealed-sha256', code(r.sha256)], ['pv.size', r.size != null ? t('pv.bytes', r.size.toLocaleString()) : null]]),
    list('pv.problems', (r.problems || []).map(problemText), 'bad'),
    el('section', { className: 'panel' }, el('h3', { text: t('pv.sealed') }), el('p', { text: t('pv.sealed.text') }),
      el('label', { for: 'sealed-file', text: t('pv.sealed.choose') }), ' ', sealed, sealedResult)];
}

async function verify(file) {
  result.replaceChildren(el('p', { role: 'status', text: t('pv.checking', file.name) }));
  result.setAttribute('aria-busy', 'true');
  try {
    const kind = await kindOf(file);
    if (!kind) {
      throw new Error(t('pv.unknown-kind'));
    }
    const hash = await sha256(file);
    let body;
    if (kind === 'receipt') {
      let receipt;
      try {
        receipt = JSON.parse(await file.text());
      } catch {
        throw new Error(t('pv.not-json'));
      }
      body = receiptReport(await json('/api/public/verify/receipt', { method: 'POST', json: receipt, anonymous: true }));
    } else {
      const data = new FormData();
      data.append('file', file, file.name);
      const response = await call('/api/public/verify/' + kind, { method: 'POST', body: data, anonymous: true });
      const report = await response.json();
      body = kind === 'pdf' ? pdfReport(report) : archiveReport(report);
    }
    const [verdictLine, ...details] = body.filter(Boolean);
    if (expected) {
      const same = hash === expected.sha256;
      details.unshift(el('p', { id: 'qr-match', className: 'verdict ' + (same ? 'ok' : 'bad'),
        text: same ? t('pv.qr.same') : t('pv.qr.other') }));
    }
    result.replaceChildren(el('h2', { text: t('pv.result.' + kind) }), verdictLine,
      facts([['pv.file', file.name], ['pv.file-size', t('pv.bytes', file.size.toLocaleString())], ['pv.file-sha256', code(hash)]]),
      ...details);
  } catch (e) {
    result.replaceChildren(el('p', { className: 'verdict bad', id: 'verdict', role: 'alert' },
      el('span', { className: 'badge bad', text: t('pv.refused') }), ' ', e.message));
  } finally {
    result.removeAttribute('aria-busy');
  }
}

input.addEventListener('change', () => {
  if (input.files[0]) {
    verify(input.files[0]);
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
for (const type of ['dragenter', 'dragover']) {
  form.addEventListener(type, (event) => {
    event.preventDefault();
    form.classList.add('over');
  });
}
for (const type of ['dragleave', 'drop']) {
  form.addEventListener(type, () => form.classList.remove('over'));
}
form.addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files?.[0];
  if (file) {
    verify(file);
  }
});
