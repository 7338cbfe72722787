// Code tables by their names: regions (GB/T 2260) and classification codes (品目), loaded once per page from the public
// API and shown as "西湖区（330106）"; a code the table lacks is shown as it is.
import { api, language } from './i18n.js';

let regions = null;
let classifications = null;

async function load() {
  regions ??= api('/api/public/regions').catch(() => ({}));
  classifications ??= api('/api/public/classification-codes').then((list) => Object.fromEntries(
    list.map((c) => [c.code, language() === 'en' ? c.nameEn || c.nameZh : c.nameZh]))).catch(() => ({}));
  return { regions: await regions, classifications: await classifications };
}

function named(name, code) {
  return name ? `${name}（${code}）` : code;
}

/** The region's name with its code, e.g. 西湖区（330106）. */
export async function regionName(code) {
  return code ? named((await load()).regions[code], code) : '';
}

/** The classification codes' names with their codes, joined by 、. */
export async function classificationNames(codes) {
  const table = (await load()).classifications;
  return (codes || []).map((code) => named(table[code], code)).join('、');
}
