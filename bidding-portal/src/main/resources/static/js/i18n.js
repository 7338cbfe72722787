// Message bundles: zh-CN by default, English when chosen (remembered in localStorage).
// The common bundle is /i18n/<lang>.json; each area adds its own /i18n/<area>.<lang>.json so areas never share a file.
const STORE = 'sunbid.lang';
let messages = {};

export function language() {
  return localStorage.getItem(STORE) === 'en' ? 'en' : 'zh-CN';
}

export function setLanguage(lang) {
  localStorage.setItem(STORE, lang === 'en' ? 'en' : 'zh-CN');
  rememberInCookie(lang);
}

/**
 * A bundle's URL: the content-versioned one the page preloads (`<link rel="preload" data-bundle>`, added as the page is
 * served), so the preloaded response is used and cached a year; else the plain path.
 */
function bundleUrl(name) {
  return document.querySelector(`link[rel="preload"][data-bundle="${name}"]`)?.href ?? `/i18n/${name}.json`;
}

/** The language also goes in a cookie, so that a page is served with the right language's bundles preloaded. */
function rememberInCookie(lang) {
  document.cookie = `sunbid.lang=${lang === 'en' ? 'en' : 'zh-CN'}; path=/; max-age=31536000; SameSite=Lax`;
}

/** Loads the common bundle plus the named area bundles, then translates the page. */
export async function load(...areas) {
  const lang = language();
  if (!document.cookie.includes(`sunbid.lang=${lang}`)) {
    rememberInCookie(lang);
  }
  const names = [lang, ...areas.map((area) => `${area}.${lang}`)];
  const bundles = await Promise.all(names.map(async (name) => {
    const response = await fetch(bundleUrl(name));
    return response.ok ? response.json() : {};
  }));
  messages = Object.assign({}, ...bundles);
  document.documentElement.lang = lang;
  translate(document);
  const toggle = document.getElementById('lang');
  if (toggle) {
    toggle.textContent = t('lang.switch');
    toggle.onclick = () => {
      setLanguage(lang === 'en' ? 'zh-CN' : 'en');
      location.reload();
    };
  }
}

/** Translates every element below root that carries data-i18n, data-i18n-placeholder, data-i18n-title or data-i18n-aria-label. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    el.title = t(el.dataset.i18nTitle);
  }
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
}

/** The loaded message keys that start with the prefix (e.g. every event name for a picker). */
export function keys(prefix) {
  return Object.keys(messages).filter((key) => key.startsWith(prefix));
}

export function t(key, ...args) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Fetches JSON from the public API; problem+json errors become Error(detail). */
export async function api(path) {
  const response = await fetch(path, { headers: { 'Accept-Language': language() === 'en' ? 'en' : 'zh-CN' } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.detail || response.statusText);
  }
  return body;
}

/** Puts a highlighted snippet into an element: only <em> survives, everything else is text. */
export function highlighted(element, html) {
  const template = document.createElement('template');
  template.innerHTML = html || '';
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'EM') {
      const em = document.createElement('em');
      em.textContent = node.textContent;
      element.append(em);
    } else {
      element.append(document.createTextNode(node.textContent));
    }
  }
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(language(), { timeZone: 'Asia/Shanghai' }) : '—';
}

export function money(amount) {
  return amount == null ? '—' : Number(amount).toLocaleString(language(), { minimumFractionDigits: 2 });
}
