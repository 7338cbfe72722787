// Company registration: the registry's public API, with scans of qualifications sent as multipart when chosen.
// A certificate file is checked in the browser first, then bound right after registration through the member's
// own API (registration itself takes no certificate), signed in with the new password.
import { page } from '/js/layout.js';
import { t, translate, api } from '/js/i18n.js';
import { call, json, passwordLogin, showProblem } from '/js/session.js';
import { readCertificate, readFile, base64, KeyFileError } from './keys.js';

await page('bidder');
const form = document.getElementById('register');
const status = document.getElementById('register-status');
const list = document.getElementById('qualification-list');

let count = 0;
function addQualification() {
  const i = count++;
  const row = document.createElement('div');
  row.className = 'qualification';
  const field = (key, name, type = 'text') => `<div><label for="q${i}-${name}" data-i18n="${key}"></label>
    <input id="q${i}-${name}" name="qualifications[${i}].${name}" type="${type}"${type === 'file' ? ' accept=".pdf,.png,.jpg,.jpeg"' : ''}></div>`;
  row.innerHTML = field('qualification.kind', 'kind') + field('qualification.number', 'number')
    + field('qualification.grade', 'grade') + field('qualification.issuer', 'issuer')
    + field('qualification.expiresOn', 'expiresOn', 'date') + field('qualification.scan', 'scan', 'file')
    + `<div><button type="button" class="remove" data-i18n="qualification.remove"></button></div>`;
  translate(row);
  row.querySelector('.remove').addEventListener('click', () => row.remove());
  list.append(row);
  row.querySelector('input').focus();
}
document.getElementById('add-qualification').addEventListener('click', addQualification);

function value(name) {
  const el = form.elements.namedItem(name);
  return el && el.value.trim() !== '' ? el.value.trim() : null;
}

function registration() {
  const qualifications = [];
  const scans = [];
  for (const row of list.querySelectorAll('.qualification')) {
    const input = (name) => row.querySelector(`input[name$=".${name}"]`);
    const index = qualifications.length;
    qualifications.push({ kind: input('kind').value.trim(), number: input('number').value.trim(),
      grade: input('grade').value.trim() || null, issuer: input('issuer').value.trim(), expiresOn: input('expiresOn').value });
    // the API names problems by position in the list sent: keep the inputs' names in step with it
    for (const el of row.querySelectorAll('input')) {
      el.name = el.name.replace(/^qualifications\[\d+\]/, `qualifications[${index}]`);
    }
    if (input('scan').files[0]) {
      scans.push([`qualifications[${index}].scan`, input('scan').files[0]]);
    }
  }
  const controller = value('controllingShareholder.name') || value('controllingShareholder.uscc')
    ? { name: value('controllingShareholder.name'), uscc: value('controllingShareholder.uscc') } : null;
  return {
    body: {
      role: form.role.value, username: value('username'), password: form.password.value, name: value('name'),
      uscc: value('uscc')?.toUpperCase() ?? null,
      legalRepresentative: { name: value('legalRepresentative.name'), idNumber: value('legalRepresentative.idNumber') },
      controllingShareholder: controller,
      contacts: [{ name: value('contacts[0].name'), phone: value('contacts[0].phone'), email: value('contacts[0].email') }],
      address: value('address'), regionCode: value('regionCode'), businessScope: value('businessScope'),
      bankAccount: { bankName: value('bankAccount.bankName'), accountNumber: value('bankAccount.accountNumber') },
      qualifications,
    },
    scans,
  };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
  status.textContent = t('loading');
  let certificate = null;
  try {
    const file = form.certificate.files[0];
    if (file) {
      certificate = readCertificate(await readFile(file));
    }
  } catch (error) {
    status.textContent = '';
    showProblem({ message: t(error instanceof KeyFileError ? error.key : 'keys.error.not-certificate'),
      field: 'certificate' }, form, status);
    return;
  }
  const { body, scans } = registration();
  let registered;
  try {
    if (scans.length) {
      const data = new FormData();
      data.append('registration', new Blob([JSON.stringify(body)], { type: 'application/json' }));
      for (const [name, file] of scans) {
        data.append(name, file, file.name);
      }
      registered = await (await call('/api/public/members/registrations', { method: 'POST', body: data,
        anonymous: true })).json();
    } else {
      registered = await json('/api/public/members/registrations', { method: 'POST', json: body, anonymous: true });
    }
  } catch (error) {
    status.textContent = '';
    showProblem(error, form, status);
    const target = form.querySelector('[aria-invalid=true]');
    if (target) {
      target.focus();
    }
    return;
  }
  // A pending member may sign in: do so, to bind the certificate and to go on to the profile.
  let bindProblem = null;
  try {
    await passwordLogin(body.username, body.password);
    // redraw the frame for the signed-in member (page() replaces the header; the old footer goes first)
    document.querySelector('body > footer.bar')?.remove();
    await page('bidder');
    if (certificate) {
      await json('/api/members/me/certificates', { method: 'POST', json: { certificate: base64(certificate.der) } });
    }
  } catch (error) {
    bindProblem = error.message;
  }
  done(registered, body, certificate, bindProblem);
});

function done(registered, body, certificate, bindProblem) {
  form.hidden = true;
  const box = document.createElement('div');
  box.className = 'success';
  box.id = 'registered';
  box.setAttribute('tabindex', '-1');
  const title = document.createElement('h2');
  title.textContent = t('register.done', body.name);
  const text = document.createElement('p');
  text.textContent = t('register.pending', body.username);
  box.append(title, text);
  if (certificate && !bindProblem) {
    const bound = document.createElement('p');
    bound.id = 'certificate-bound';
    bound.textContent = t('register.certificate.bound');
    box.append(bound);
  } else if (bindProblem) {
    const failed = document.createElement('p');
    failed.className = 'error';
    failed.textContent = t('register.certificate.failed', bindProblem);
    box.append(failed);
  }
  const next = document.createElement('a');
  next.className = 'button primary';
  next.href = '/bidder/profile.html';
  next.textContent = t('register.to-profile');
  box.append(next);
  status.replaceChildren(box);
  box.dataset.member = registered.id;
  box.focus();
}

// The region list comes last: every handler is in place before the page is complete.
try {
  const regions = await api('/api/public/regions');
  const select = form.regionCode;
  const blank = new Option(t('register.region.choose'), '');
  select.append(blank);
  for (const [code, name] of Object.entries(regions)) {
    select.append(new Option(`${name} (${code})`, code));
  }
} catch (error) {
  status.textContent = error.message;
}
