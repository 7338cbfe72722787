// A notice as a result card (search page and home page): kind and stage badges, tenderee / winner, region by name,
// amount in 万元, publication date, the bid deadline with the time left, and the highlighted snippet.
import { dateTime, highlighted, language, t } from './i18n.js';
import { el, kindLabel, typeLabel, yuan } from './public.js';

const STAGE_STYLE = { ACCEPTING_BIDS: 'ok', CLOSED: 'warn', OPENED: '', AWARDED: 'kind', ENDED: 'bad' };

/** An amount in 万元 (ten thousand yuan) in Chinese, in yuan in English. */
export function wan(amount) {
  if (amount == null) {
    return null;
  }
  if (language() === 'en') {
    return yuan(amount);
  }
  const n = Number(amount) / 10000;
  return t('money.wan', n.toLocaleString('zh-CN', { maximumFractionDigits: n >= 100 ? 2 : 4 }));
}

/** "3 天 4 小时" / "5 小时 20 分钟" until the instant; null when it has passed. */
export function timeLeft(iso, now = Date.now()) {
  const ms = new Date(iso).getTime() - now;
  if (!(ms > 0)) {
    return null;
  }
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return days > 0 ? t('card.left.days', days, hours) : t('card.left.hours', hours, minutes % 60);
}

/** The stage badge (正在报名 / 已截止 / 已开标 / 已定标 / 已终止), or null for a hit without a stage. */
export function stageBadge(stage) {
  if (!stage) {
    return null;
  }
  return el('span', { className: ('badge stage ' + (STAGE_STYLE[stage] || '')).trim(), text: t('stage.' + stage) });
}

/** The deadline line: when bids close and how long is left while they are accepted. */
function deadline(hit) {
  if (!hit.bidDeadline) {
    return null;
  }
  const left = hit.stage === 'ACCEPTING_BIDS' ? timeLeft(hit.bidDeadline) : null;
  return el('p', { className: 'deadline' }, t('card.deadline', dateTime(hit.bidDeadline)),
    left ? el('strong', { text: ' ' + t('card.left', left) }) : null);
}

/** One hit as a list item; {@code regionName} maps a region code to its name. */
export function card(hit, regionName, heading = 'h2') {
  const title = el(heading, {}, el('a', { href: '/notice.html?id=' + encodeURIComponent(hit.publicId), text: hit.title }));
  const stage = stageBadge(hit.stage);
  const meta = el('p', { className: 'meta' }, el('span', { className: 'badge kind', text: kindLabel(hit.kind) }), ' ',
    stage, stage ? ' ' : null, [typeLabel(hit.projectType), hit.tenderee, hit.winner ? t('ps.winner', hit.winner) : null,
      regionName(hit.regionCode), wan(hit.amount), t('card.published', dateTime(hit.publishedAt))]
      .filter(Boolean).join(' · '));
  const item = el('li', { className: 'card' }, title, meta, deadline(hit));
  if (hit.snippet) {
    const snippet = el('p', { className: 'snippet' });
    highlighted(snippet, hit.snippet);
    item.append(snippet);
  }
  return item;
}

/** Region code → name (the last part of the table's full name: 浙江省杭州市西湖区 → 杭州市西湖区), loaded once. */
let regions = null;
export async function regionTable() {
  regions ??= fetch('/api/public/regions').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  return regions;
}

/** A function naming region codes with the table (unknown codes stay codes). */
export async function regionNamer() {
  const table = await regionTable();
  return (code) => (code ? table[code] || code : null);
}
