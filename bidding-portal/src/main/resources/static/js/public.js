// Helpers shared by the public pages: notice kinds and project types, small DOM builders.
import { t } from './i18n.js';

/** Notice kinds: enum name (as the search API returns it) and URL slug (as the filters take it). */
export const KINDS = [
  ['TENDER_ANNOUNCEMENT', 'tender-announcement'], ['CLARIFICATION', 'clarification'],
  ['OPENING_RECORD', 'opening-record'], ['CANDIDATE_PUBLICITY', 'candidate-publicity'], ['AWARD', 'award'],
  ['CONTRACT', 'contract'],
  ['FAILED_TENDER', 'failed-tender'], ['TERMINATION', 'termination'],
];
export const PROJECT_TYPES = ['CONSTRUCTION', 'GOVERNMENT_PROCUREMENT', 'LAND_USE_RIGHTS', 'MINING_RIGHTS', 'STATE_PROPERTY'];

/** The enum name of a kind given either its enum name or its slug. */
export function kindName(value) {
  const v = String(value || '').toLowerCase();
  const found = KINDS.find(([name, slug]) => name.toLowerCase() === v || slug === v);
  return found ? found[0] : String(value || '').toUpperCase();
}

export function kindSlug(value) {
  const found = KINDS.find(([name]) => name === kindName(value));
  return found ? found[1] : String(value || '');
}

export function kindLabel(value) {
  return t('pk.' + kindName(value));
}

export function typeLabel(value) {
  return value ? t('type.' + value) : '';
}

/** document.createElement with attributes, text and children in one call. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'text') {
      element.textContent = value;
    } else if (key === 'className') {
      element.className = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      element.append(child);
    }
  }
  return element;
}

/** A localised date (China time) without the clock. */
export function day(iso) {
  return iso ? new Date(iso).toLocaleDateString(document.documentElement.lang || 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';
}

/** An amount in yuan with the localised unit. */
export function yuan(amount) {
  if (amount == null) {
    return null;
  }
  const n = Number(amount);
  return t('money.yuan', n.toLocaleString(document.documentElement.lang || 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
}
