// Regulators' expert-draw statistics (GET /api/experts/statistics): how often experts are drawn (a distribution,
// never who), decline and no-show rates by specialty and by province, answers by month; each chart with its table.
import { page } from '/js/layout.js';
import { t } from '/js/i18n.js';
import { json, requireRole } from '/js/session.js';
import { chart, table, empty } from '/js/regulator/charts.js';

await page('regulator');
requireRole('REGULATOR', 'ADMIN');

const status = document.getElementById('status');
const EMPTY = 'xstats.empty';
const percent = (rate) => `${(rate * 100).toFixed(1)}%`;
let drawn = [];
const RATE_LABEL = { show: true, position: 'right', formatter: '{c}%', fontSize: 11 };

function distribution(s) {
  const buckets = s.drawsPerExpert;
  drawn.push(chart('chart-distribution', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 56, right: 16, top: 40, bottom: 44 },
    xAxis: { type: 'category', data: buckets.map((b) => t('xstats.times', b.draws)), name: t('xstats.draws'),
      nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', minInterval: 1, name: t('xstats.experts') },
    series: [{ type: 'bar', name: t('xstats.experts'), barMaxWidth: 48, data: buckets.map((b) => b.experts),
      label: { show: buckets.length < 16, position: 'top' } }],
    ...empty(buckets, EMPTY),
  }));
  table('fig-distribution', [t('xstats.draws'), t('xstats.experts')], buckets.map((b) => [b.draws, b.experts]), EMPTY);
}

function rates(figure, id, rows) {
  const list = [...rows].reverse();
  drawn.push(chart(id, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v}%` },
    legend: { top: 0 },
    grid: { left: 120, right: 24, top: 36, bottom: 30 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: list.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: t('xstats.decline-rate'), barMaxWidth: 18, label: RATE_LABEL,
        data: list.map((r) => +(r.declineRate * 100).toFixed(1)) },
      { type: 'bar', name: t('xstats.no-show-rate'), barMaxWidth: 18, label: RATE_LABEL,
        data: list.map((r) => +(r.noShowRate * 100).toFixed(1)) },
    ],
    ...empty(list, EMPTY),
  }));
  table(figure, [t('xstats.key'), t('xstats.asked'), t('xstats.accepted'), t('xstats.declined'), t('xstats.no-answer'),
    t('xstats.no-shows'), t('xstats.decline-rate'), t('xstats.no-show-rate')],
  rows.map((r) => [r.name, r.asked, r.accepted, r.declined, r.noAnswer, r.noShows, percent(r.declineRate),
    percent(r.noShowRate)]), EMPTY);
}

function months(rows) {
  const series = [['accepted', 'xstats.accepted'], ['declined', 'xstats.declined'], ['noAnswer', 'xstats.no-answer'],
    ['noShows', 'xstats.no-shows']];
  drawn.push(chart('chart-month', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 44, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: { type: 'value', minInterval: 1, name: t('xstats.seats') },
    series: series.map(([field, key]) => ({ type: 'bar', name: t(key), barMaxWidth: 40,
      stack: field === 'noShows' ? 'shows' : 'answers', data: rows.map((r) => r[field]) })),
    ...empty(rows, EMPTY),
  }));
  table('fig-month', [t('xstats.month.key'), t('xstats.asked'), t('xstats.accepted'), t('xstats.declined'),
    t('xstats.no-answer'), t('xstats.no-shows')], rows.map((r) => [r.key, r.asked, r.accepted, r.declined, r.noAnswer,
    r.noShows]), EMPTY);
}

async function load(days) {
  status.textContent = t('loading');
  drawn.forEach((c) => c.dispose());
  drawn = [];
  try {
    const s = await json(`/api/experts/statistics?days=${encodeURIComponent(days)}`);
    distribution(s);
    rates('fig-specialty', 'chart-specialty', s.bySpecialty);
    rates('fig-region', 'chart-region', s.byProvince);
    months(s.byMonth);
    status.textContent = s.asked ? t('xstats.summary', s.days, s.experts, s.asked) : t('xstats.none', s.days, s.experts);
    document.body.dataset.charts = s.asked ? 'drawn' : 'empty';
  } catch (error) {
    status.textContent = t('dash.failed', error.message);
    status.className = 'error';
  }
}

const select = document.getElementById('days');
select.onchange = () => load(select.value);
document.getElementById('period').onsubmit = (event) => event.preventDefault();
await load(select.value);
