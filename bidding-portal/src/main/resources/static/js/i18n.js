// Message bundles: zh-CN by default, English when chosen (remembered in localStorage).
const STORE = 'sunbid.lang';
let messages = {};

export function language() {
  return localStorage.getItem(STORE) === 'en' ? 'en' : 'zh-CN';
}

export async function load() {
  const lang = language();
  const response = await fetch(`/i18n/${lang}.json`);
  messages = await response.json();
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  const toggle = document.getElementById('lang');
  if (toggle) {
    toggle.textContent = t('lang.switch');
    toggle.onclick = () => {
      localStorage.setItem(STORE, lang === 'en' ? 'zh-CN' : 'en');
      location.reload();
    };
  }
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
