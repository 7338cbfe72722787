// The member's own record: company data (editable; verified fields send it back to review), qualifications with
// expiry warnings (expired, or expiring within 30 days), and bound certificates (bind, revoke).
import { page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';
import { base64, readCertificate, readFile, KeyFileError } from './keys.js';
import { download } from './ui.js';

await page('bidder');
requireRole('BIDDER', 'TENDEREE', 'AGENT');
const status = document.getElementById('profile-status');
const profileForm = document.getElementById('profile-form');
let me = null;

function clearProblems(form) {
  for (const el of form.querySelectorAll('.field-error')) {
    el.remove();
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
}

function cell(tr, value) {
  const td = document.createElement('td');
  if (value instanceof Node) {
    td.append(value);
  } else {
    td.textContent = value ?? '—';
  }
  tr.append(td);
  return td;
}

function badge(kind, text) {
  const span = document.createElement('span');
  span.className = `badge ${kind}`;
  span.textContent = text;
  return span;
}

function drawMember() {
  const c = me.company || {};
  const dl = document.getElementById('member');
  dl.replaceChildren();
  const rows = [['register.name', me.name], ['profile.status', t(`member.status.${me.status}`)], ['register.uscc', c.uscc],
    ['register.region', c.regionName ? `${c.regionName} (${c.regionCode})` : c.regionCode], ['register.address', c.address],
    ['register.legal', c.legalRepresentative?.name], ['register.contact', (c.contacts || []).map((x) => `${x.name} ${x.phone}`).join('；')],
    ['register.bank', c.bankAccount ? `${c.bankAccount.bankName} ${c.bankAccount.accountNumber}` : null],
    ['register.scope', c.businessScope], ['profile.registered', dateTime(me.registeredAt)]];
  if (me.statusReason) {
    rows.splice(2, 0, ['profile.reason', me.statusReason]);
  }
  for (const [key, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value ?? '—';
    dl.append(dt, dd);
  }
  dl.querySelectorAll('dd')[1].id = 'member-status';
}

function fillForm() {
  const c = me.company || {};
  const set = (name, value) => {
    profileForm.elements.namedItem(name).value = value ?? '';
  };
  set('name', c.name);
  set('uscc', c.uscc);
  set('regionCode', c.regionCode);
  set('address', c.address);
  set('businessScope', c.businessScope);
  set('legalRepresentative.name', c.legalRepresentative?.name);
  set('legalRepresentative.idNumber', c.legalRepresentative?.idNumber);
  set('contacts[0].name', c.contacts?.[0]?.name);
  set('contacts[0].phone', c.contacts?.[0]?.phone);
  set('contacts[0].email', c.contacts?.[0]?.email);
  set('bankAccount.bankName', c.bankAccount?.bankName);
  set('bankAccount.accountNumber', c.bankAccount?.accountNumber);
}

async function drawQualifications() {
  const qualifications = await json('/api/members/me/qualifications');
  const body = document.querySelector('#qualifications tbody');
  body.replaceChildren();
  const warnings = [];
  for (const q of qualifications) {
    const tr = document.createElement('tr');
    [q.kind, q.number, q.grade, q.issuer, q.expiresOn].forEach((v) => cell(tr, v));
    let state;
    if (q.expired) {
      state = badge('bad', t('qualification.expired'));
      warnings.push(t('qualification.warning.expired', q.kind, q.number));
    } else if (q.daysLeft <= 30) {
      state = badge('warn', t('qualification.expiring', q.daysLeft));
      warnings.push(t('qualification.warning.expiring', q.kind, q.number, q.daysLeft));
    } else {
      state = badge('ok', t('qualification.valid'));
    }
    cell(tr, state).className = 'state';
    const scan = document.createElement('button');
    scan.type = 'button';
    scan.className = 'link';
    scan.textContent = t('qualification.download');
    scan.addEventListener('click', () => download(`/api/members/me/qualifications/${q.id}/scan`, `${q.number}`)
      .catch((error) => {
        status.textContent = error.message;
      }));
    cell(tr, q.scanSha256 ? scan : '—');
    body.append(tr);
  }
  if (!qualifications.length) {
    const tr = document.createElement('tr');
    cell(tr, t('qualification.none')).colSpan = 7;
    body.append(tr);
  }
  const box = document.getElementById('warnings');
  box.replaceChildren();
  if (warnings.length) {
    const div = document.createElement('div');
    div.className = 'warning';
    div.id = 'expiry-warnings';
    div.setAttribute('role', 'alert');
    const ul = document.createElement('ul');
    for (const w of warnings) {
      const li = document.createElement('li');
      li.textContent = w;
      ul.append(li);
    }
    div.append(ul);
    box.append(div);
  }
}

async function drawCertificates() {
  const certificates = await json('/api/members/me/certificates');
  const body = document.querySelector('#certificates tbody');
  body.replaceChildren();
  for (const c of certificates) {
    const tr = document.createElement('tr');
    cell(tr, c.subject);
    cell(tr, c.algorithm ? t(`keyalg.${c.algorithm}`) : '—');
    cell(tr, `${dateTime(c.notBefore)} — ${dateTime(c.notAfter)}`);
    const code = document.createElement('code');
    code.textContent = c.fingerprint;
    cell(tr, code);
    if (c.revokedAt) {
      cell(tr, badge('bad', t('certificate.revoked', dateTime(c.revokedAt))));
    } else {
      const wrap = document.createElement('span');
      wrap.className = 'actions';
      const expired = new Date(c.notAfter) < new Date();
      wrap.append(badge(expired ? 'bad' : 'ok', t(expired ? 'certificate.expired' : 'certificate.active')));
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.textContent = t('certificate.revoke');
      revoke.addEventListener('click', async () => {
        if (!confirm(t('certificate.revoke.confirm', c.subject))) {
          return;
        }
        try {
          await call(`/api/members/me/certificates/${c.id}`, { method: 'DELETE' });
          await drawCertificates();
        } catch (error) {
          status.textContent = error.message;
        }
      });
      wrap.append(revoke);
      cell(tr, wrap);
    }
    body.append(tr);
  }
  if (!certificates.length) {
    const tr = document.createElement('tr');
    cell(tr, t('certificate.none')).colSpan = 5;
    body.append(tr);
  }
}

async function load() {
  me = await json('/api/members/me');
  drawMember();
  await Promise.all([drawQualifications(), drawCertificates()]);
}

document.getElementById('edit').addEventListener('click', () => {
  fillForm();
  profileForm.hidden = false;
  profileForm.querySelector('input').focus();
});
document.getElementById('cancel-edit').addEventListener('click', () => {
  profileForm.hidden = true;
  document.getElementById('edit').focus();
});
profileForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const v = (name) => profileForm.elements.namedItem(name).value.trim() || null;
  const body = {
    name: v('name'), uscc: v('uscc'), regionCode: v('regionCode'), address: v('address'), businessScope: v('businessScope'),
    legalRepresentative: { name: v('legalRepresentative.name'), idNumber: v('legalRepresentative.idNumber') },
    controllingShareholder: me.company?.controllingShareholder ?? null,
    contacts: [{ name: v('contacts[0].name'), phone: v('contacts[0].phone'), email: v('contacts[0].email') },
      ...(me.company?.contacts || []).slice(1)],
    bankAccount: { bankName: v('bankAccount.bankName'), accountNumber: v('bankAccount.accountNumber') },
  };
  try {
    me = await json('/api/members/me/profile', { method: 'PUT', json: body });
    profileForm.hidden = true;
    clearProblems(profileForm);
    drawMember();
    status.textContent = t('profile.saved', t(`member.status.${me.status}`));
  } catch (error) {
    showProblem(error, profileForm, status);
  }
});

const qForm = document.getElementById('qualification-form');
qForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const v = (name) => qForm.elements.namedItem(name).value.trim() || null;
  const data = new FormData();
  data.append('qualification', new Blob([JSON.stringify({ kind: v('kind'), number: v('number'), grade: v('grade'),
    issuer: v('issuer'), expiresOn: v('expiresOn') })], { type: 'application/json' }));
  if (qForm.scan.files[0]) {
    data.append('scan', qForm.scan.files[0], qForm.scan.files[0].name);
  }
  try {
    await call('/api/members/me/qualifications', { method: 'POST', body: data });
    qForm.reset();
    clearProblems(qForm);
    await drawQualifications();
  } catch (error) {
    // the API names qualification fields with a prefix (qualification.kind); the form's inputs are bare names
    const field = error.field?.replace(/^qualifications?(\[\d+\])?\./, '');
    showProblem(Object.assign(error, { field }), qForm, status);
  }
});

const cForm = document.getElementById('certificate-form');
cForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const file = cForm.certificate.files[0];
    if (!file) {
      throw Object.assign(new KeyFileError('keys.error.not-certificate'), { field: 'certificate' });
    }
    const certificate = readCertificate(await readFile(file));
    await json('/api/members/me/certificates', { method: 'POST', json: { certificate: base64(certificate.der) } });
    cForm.reset();
    clearProblems(cForm);
    await drawCertificates();
  } catch (error) {
    const text = error instanceof KeyFileError ? t(error.key) : error.message;
    showProblem({ message: text, field: 'certificate' }, cForm, status);
  }
});

try {
  await load();
} catch (error) {
  status.textContent = error.message;
  status.className = 'error';
}
