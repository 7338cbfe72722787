// Regulators' dashboard: four ECharts charts over GET /api/oversight/statistics, each with its data as a table.
import { page } from '/js/layout.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole } from '/js/session.js';
import { chart, table } from '/js/regulator/charts.js';

await page('regulator');
requireRole('REGULATOR', 'ADMIN');

const BEIJING_OFFSET = 8 * 3_600_000;
const status = document.getElementById('status');

function months(stats) {
  const list = [...new Set(stats.projectsByMonth.map((m) => m.month))];
  const types = [...new Set(stats.projectsByMonth.map((m) => m.type))];
  const count = (month, type) => stats.projectsByMonth.find((m) => m.month === month && m.type === type)?.projects ?? 0;
  chart('chart-months', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 44, bottom: 30 },
    xAxis: { type: 'category', data: list },
    yAxis: { type: 'value', minInterval: 1, name: t('dash.projects') },
    series: types.map((type) => ({ name: t(`type.${type}`), type: 'bar', stack: 'all', barMaxWidth: 48,
      data: list.map((m) => count(m, type)) })),
  }, stats.projectsByMonth.map((m) => m.projects));
  table('fig-months', [t('dash.month'), t('dash.type'), t('dash.projects')],
    stats.projectsByMonth.map((m) => [m.month, t(`type.${m.type}`), m.projects]));
}

function bids(stats) {
  const lots = [...stats.bidsPerLot].reverse();
  const label = (l) => `${l.transactionCode} ${t('dash.lot', l.lotNumber)}`;
  chart('chart-bids', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 170, right: 24, top: 16, bottom: 44 },
    xAxis: { type: 'value', minInterval: 1, name: t('dash.bids.axis'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: lots.map(label), axisLabel: { width: 160, overflow: 'truncate' } },
    dataZoom: lots.length > 12 ? [{ type: 'slider', yAxisIndex: 0, right: 0, startValue: lots.length - 12, endValue: lots.length - 1 }] : [],
    series: [{ name: t('dash.bids.axis'), type: 'bar', barMaxWidth: 24, data: lots.map((l) => l.bids),
      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#b0141c' },
        label: { formatter: t('dash.bids.minimum') }, data: [{ xAxis: 3 }] } }],
  }, lots.map((l) => l.bids));
  table('fig-bids', [t('dash.project'), t('dash.lot.name'), t('dash.bids.axis')],
    stats.bidsPerLot.map((l) => [`${l.transactionCode} ${l.projectName}`, `${t('dash.lot', l.lotNumber)} ${l.lotName}`, l.bids]));
}

function award(stats) {
  const a = stats.intakeToAward;
  document.getElementById('award-summary').textContent = a.averageDays === null
    ? t('dash.award.none') : t('dash.award.summary', a.averageDays, a.awardedProjects);
  chart('chart-award', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: a.byType.map((x) => t(`type.${x.type}`)) },
    yAxis: { type: 'value', name: t('dash.days') },
    series: [{ type: 'bar', name: t('dash.days'), barMaxWidth: 48, data: a.byType.map((x) => x.averageDays), label: { show: true, position: 'top' } }],
  }, a.byType.map((x) => x.awardedProjects));
  table('fig-award', [t('dash.type'), t('dash.awarded'), t('dash.days')],
    a.byType.map((x) => [t(`type.${x.type}`), x.awardedProjects, x.averageDays]));
}

function growth(stats) {
  const points = stats.logGrowth;
  const last = points[points.length - 1];
  document.getElementById('log-summary').textContent = last
    ? t('dash.log.summary', last.treeSize, dateTime(last.at), points.length) : t('dash.empty.log');
  chart('chart-log', {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 24, top: 40, bottom: 30 },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: t('dash.entries'), minInterval: 1 },
    series: [{ type: 'line', name: t('dash.entries'), step: 'end', showSymbol: points.length < 40, areaStyle: { opacity: 0.15 },
      data: points.map((p) => [Date.parse(p.at) + BEIJING_OFFSET, p.treeSize]) }],
  }, points.map((p) => p.treeSize));
  table('fig-log', [t('dash.time'), t('dash.entries')], points.map((p) => [dateTime(p.at), p.treeSize]));
}

status.textContent = t('loading');
try {
  const stats = await json('/api/oversight/statistics');
  months(stats);
  bids(stats);
  award(stats);
  growth(stats);
  status.textContent = t('dash.generated', dateTime(stats.generatedAt));
  document.body.dataset.charts = 'drawn';
} catch (error) {
  status.textContent = t('dash.failed', error.message);
  status.className = 'error';
}
