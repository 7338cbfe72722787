// Password login; on success go back to the page that asked for it (?next=), else to the role's first page.
import { t } from './i18n.js';
import { page } from './layout.js';
import { passwordLogin, showProblem } from './session.js';

const HOME = {
  BIDDER: '/bidder/projects.html', STAFF: '/staff/members.html', ADMIN: '/staff/members.html',
  REGULATOR: '/regulator/log.html', CUSTODIAN: '/hall.html',
};

/** Where to go after signing in: a same-site path from ?next=, else the role's home. */
export function afterLogin(current) {
  const next = new URLSearchParams(location.search).get('next');
  location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : (HOME[current.role] || '/');
}

await page();
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
