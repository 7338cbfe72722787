// The signed-in user's tokens (sessionStorage: gone when the tab closes) and authenticated API calls.
import { language } from './i18n.js';

const KEY = 'sunbid.session';

/** A problem+json answer from the API: detail is localised, field names the input at fault. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || String(status));
    this.status = status;
    this.field = problem.field;
    this.type = problem.type;
    this.problem = problem;
  }
}

/** The current session ({accessToken, refreshToken, username, role, memberId, displayName}) or null. */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

function save(value) {
  if (value) {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  } else {
    sessionStorage.removeItem(KEY);
  }
}

/** Stores a token pair from /api/auth/login, /refresh or a challenge answer, then reads the account. */
export async function signIn(pair) {
  save({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  const me = await json('/api/accounts/me');
  save({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, username: me.username, role: me.role,
    memberId: me.memberId ?? null, displayName: me.displayName, notices: pair.notices ?? [] });
  return session();
}

export async function passwordLogin(username, password) {
  return signIn(await json('/api/auth/login', { method: 'POST', json: { username, password }, anonymous: true }));
}

export async function signOut() {
  if (session()) {
    try {
      await call('/api/auth/logout', { method: 'POST' });
    } catch {
      // the tokens are dropped locally either way
    }
  }
  save(null);
}

async function refresh() {
  const current = session();
  if (!current?.refreshToken) {
    return false;
  }
  const response = await fetch('/api/auth/refresh', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  });
  if (!response.ok) {
    save(null);
    return false;
  }
  const pair = await response.json();
  save({ ...current, accessToken: pair.accessToken, refreshToken: pair.refreshToken });
  return true;
}

/**
 * Calls the API with the bearer token, refreshing it once on 401. Options: method, json (a value sent as JSON),
 * body (sent as is), headers, anonymous (no token), signal. Returns the Response; problem+json becomes ProblemError.
 */
export async function call(path, options = {}) {
  const attempt = () => {
    const headers = { 'Accept-Language': language() === 'en' ? 'en' : 'zh-CN', ...(options.headers || {}) };
    const token = session()?.accessToken;
    if (token && !options.anonymous) {
      headers.Authorization = `Bearer ${token}`;
    }
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    return fetch(path, { method: options.method || 'GET', headers, body, signal: options.signal });
  };
  let response = await attempt();
  if (response.status === 401 && !options.anonymous && await refresh()) {
    response = await attempt();
  }
  if (!response.ok) {
    let problem = { detail: response.statusText };
    try {
      problem = await response.json();
    } catch {
      // not JSON
    }
    throw new ProblemError(response.status, problem);
  }
  return response;
}

let loading = 0;

/** While the page fetches its data, its main region is aria-busy: assistive technology (and the tests) wait for it. */
function busy(delta) {
  loading += delta;
  document.getElementById('main')?.setAttribute('aria-busy', String(loading > 0));
}

/** call() and parse the JSON answer (null for 204). */
export async function json(path, options = {}) {
  busy(1);
  try {
    const response = await call(path, options);
    return response.status === 204 ? null : await response.json();
  } finally {
    busy(-1);
  }
}

/** Sends the user to the login page unless signed in with one of the roles; returns the session. */
export function requireRole(...roles) {
  const current = session();
  if (!current || (roles.length && !roles.includes(current.role))) {
    location.replace('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
    throw new Error('redirecting to login');
  }
  return current;
}

/** Shows a problem next to the field it names (an element with that name or id in form), else in the fallback. */
export function showProblem(error, form, fallback) {
  for (const old of (form || document).querySelectorAll('.field-error')) {
    old.remove();
  }
  const target = error.field && form ? (form.elements.namedItem(error.field) || form.querySelector('#' + CSS.escape(error.field))) : null;
  const message = document.createElement('p');
  message.className = 'field-error error';
  message.setAttribute('role', 'alert');
  message.textContent = error.message;
  if (target instanceof Element) {
    target.setAttribute('aria-invalid', 'true');
    target.insertAdjacentElement('afterend', message);
  } else if (fallback) {
    fallback.replaceChildren(message);
  }
}
