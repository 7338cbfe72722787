// Password login and certificate challenge login; on success go back to the page that asked for it (?next=), else
// to the role's first page. The certificate login signs the server's nonce in the browser with a key file the user
// chooses (WebCrypto; the key is never uploaded) or takes a signature pasted from `bidtool sign`.
import { t } from './i18n.js';
import { page } from './layout.js';
import { json, passwordLogin, showProblem, signIn } from './session.js';
import { message, signerPanel } from './bidder/ui.js';

const HOME = {
  BIDDER: '/bidder/projects.html', STAFF: '/staff/members.html', ADMIN: '/staff/members.html',
  REGULATOR: '/regulator/log.html', CUSTODIAN: '/hall.html',
};

/** Where to go after signing in: a same-site path from ?next=, else the role's home. */
export function afterLogin(current) {
  const next = new URLSearchParams(location.search).get('next');
  location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : (HOME[current.role] || '/');
}

await page('bidder');
const form = document.getElementById('login');
const status = document.getElementById('login-status');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = t('loading');
  try {
    afterLogin(await passwordLogin(form.username.value.trim(), form.password.value));
  } catch (error) {
    status.textContent = '';
    showProblem(error, form, status);
  }
});

const certForm = document.getElementById('cert-login');
const certStatus = document.getElementById('cert-status');
const signer = signerPanel(document.getElementById('signer-slot'), {
  kind: 'raw',
  command: (text) => `printf '%s' '${text}' > challenge.txt\n`
    + 'bidtool sign --in challenge.txt --p12 company.p12 --detached --out challenge.p7s\n'
    + 'base64 -w0 challenge.p7s',
});
let challenge = null;
// The challenge is shown only for a pasted signature; signing in the browser fetches and signs it in one step.
const syncMode = () => {
  document.getElementById('challenge-request').hidden = signer.mode() !== 'paste';
};
signer.element.addEventListener('change', syncMode);
syncMode();

async function requestChallenge() {
  challenge = await json('/api/auth/challenges', { method: 'POST', json: { username: certForm.username.value.trim() },
    anonymous: true });
  document.getElementById('challenge').textContent = challenge.challenge;
  document.getElementById('challenge-box').hidden = false;
  signer.setText(challenge.challenge);
  return challenge;
}

document.getElementById('challenge-request').addEventListener('click', async () => {
  certStatus.textContent = '';
  try {
    await requestChallenge();
  } catch (error) {
    showProblem(error, certForm, certStatus);
  }
});

certForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  certStatus.textContent = t('loading');
  try {
    // Signing in the browser needs no copy and paste: take a fresh challenge each time. A pasted signature answers
    // the challenge shown; without a live one, show one first.
    if (signer.mode() === 'browser') {
      await requestChallenge();
    } else if (!challenge || new Date(challenge.expiresAt) <= new Date()) {
      await requestChallenge();
      certStatus.textContent = t('cert.paste-now');
      return;
    }
    const { signature, format } = await signer.sign(new TextEncoder().encode(challenge.challenge));
    const pair = await json(`/api/auth/challenges/${challenge.id}/response`, { method: 'POST',
      json: { signature, format }, anonymous: true });
    challenge = null;
    afterLogin(await signIn(pair));
  } catch (error) {
    certStatus.textContent = '';
    if (error.status) {
      const hidden = signer.mode() === 'browser' && error.field === 'signature';
      showProblem(hidden ? { message: error.message, field: null } : error, certForm, certStatus);
      challenge = null;
    } else {
      showProblem({ message: message(error), field: null }, certForm, certStatus);
    }
  }
});
