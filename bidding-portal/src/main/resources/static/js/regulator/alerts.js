// Collusion alerts for the regulator: alerts by score; one alert with its signals (bidders by name, evidence as a
// table), the alike passages side by side with the shared text highlighted, every bid's price in an ECharts chart
// (bidders linked by a price signal in red), the handling steps and the next step. ?alert= keeps the alert open.
import { page } from '/js/layout.js';
import { cell } from '/js/table.js';
import { t, dateTime, money } from '/js/i18n.js';
import { call, json, requireRole, showProblem } from '/js/session.js';

await page('regulator');
requireRole('REGULATOR');

const { echarts } = window;
const detail = document.getElementById('detail');
let current = null;
let chart = null;


function value(v) {
  return Array.isArray(v) ? v.join('；') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** The evidence of one signal as a small key/value table (machine fingerprints, files, prices …). */
function evidenceTable(evidence) {
  const table = document.createElement('table');
  table.className = 'data evidence';
  for (const [key, v] of Object.entries(evidence)) {
    if (key === 'passages') {
      continue;
    }
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t(`alerts.evidence.${key}`) === `alerts.evidence.${key}` ? key : t(`alerts.evidence.${key}`);
    tr.append(th, cell(value(v)));
    table.append(tr);
  }
  return table;
}

async function list() {
  const body = document.querySelector('#alerts tbody');
  body.replaceChildren();
  const alerts = await json('/api/alerts');
  for (const a of alerts) {
    const tr = document.createElement('tr');
    const link = document.createElement('a');
    link.href = `?alert=${a.id}`;
    link.textContent = `${a.projectName} · ${a.lotName}`;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', `?alert=${a.id}`);
      show(a.id);
    });
    const labels = [...new Set(a.signals.map((s) => s.label))].join('、');
    tr.append(cell(String(a.score)), cell(link), cell(labels), cell(t(`alert.state.${a.state}`)), cell(dateTime(a.raisedAt)));
    body.append(tr);
  }
  document.getElementById('status').textContent = alerts.length ? '' : t('alerts.none');
}

/** Each alike pair's passages, once per bidder, side by side; the shared sentences are the highlighted ones. */
function passages(a) {
  const box = document.getElementById('passages');
  box.replaceChildren();
  for (const s of a.signals.filter((x) => x.kind === 'ALIKE_TEXT')) {
    for (const name of s.bidderNames) {
      const column = document.createElement('article');
      column.className = 'panel';
      const h = document.createElement('h4');
      h.textContent = `${name} · Jaccard ${s.evidence.jaccard}`;
      column.append(h);
      for (const p of s.evidence.passages || []) {
        const para = document.createElement('p');
        const mark = document.createElement('mark');
        mark.textContent = p;
        para.append(mark);
        column.append(para);
      }
      box.append(column);
    }
  }
  if (!box.children.length) {
    box.textContent = t('alerts.passages.none');
  }
}

function prices(a) {
  const linked = new Set(a.signals.filter((s) => s.kind.startsWith('PRICE_')).flatMap((s) => s.bidders));
  const body = document.querySelector('#prices tbody');
  body.replaceChildren();
  for (const p of a.prices) {
    const tr = document.createElement('tr');
    tr.append(cell(p.bidderName), cell(money(p.price)));
    body.append(tr);
  }
  if (!echarts) {
    return;
  }
  chart = chart || echarts.init(document.getElementById('chart-prices'), null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 90, right: 20, bottom: 80 },
    xAxis: { type: 'category', data: a.prices.map((p) => p.bidderName), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'bar', name: t('alerts.price'),
      data: a.prices.map((p) => ({ value: Number(p.price), itemStyle: { color: linked.has(p.bidder) ? '#c8102e' : '#8a8f98' } })) }],
  }, true);
}

async function show(id) {
  const a = await json(`/api/alerts/${id}`);
  current = a;
  detail.hidden = false;
  document.getElementById('detail-title').textContent = `${a.projectName}（${a.transactionCode}）· ${a.lotName}`;
  document.getElementById('detail-meta').textContent = t('alerts.meta', a.score, t(`alert.state.${a.state}`),
    dateTime(a.assessedAt));
  const pack = document.getElementById('pack');
  pack.href = '#';
  pack.onclick = async (event) => {
    event.preventDefault();
    const blob = await (await call(`/api/alerts/${a.id}/evidence-pack`)).blob();
    const url = URL.createObjectURL(blob);
    window.open(url, '_blank');
  };
  const body = document.querySelector('#signals tbody');
  body.replaceChildren();
  for (const s of a.signals) {
    const tr = document.createElement('tr');
    tr.append(cell(s.label), cell(s.bidderNames.join('、')), cell(evidenceTable(s.evidence)), cell(String(s.weight)));
    body.append(tr);
  }
  passages(a);
  prices(a);
  const steps = document.querySelector('#steps tbody');
  steps.replaceChildren();
  for (const st of a.steps) {
    const tr = document.createElement('tr');
    tr.append(cell(t(`alert.state.${st.to}`)), cell(st.by), cell(st.reason), cell(dateTime(st.at)));
    steps.append(tr);
  }
  document.getElementById('handle').hidden = ['CONFIRMED', 'DISMISSED'].includes(a.state);
  document.getElementById('detail-title').focus();
}

document.getElementById('handle').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const out = document.getElementById('detail-status');
  const action = form.elements.action.value;
  const body = { reason: form.elements.reason.value, documents: [] };
  if (action === 'confirmation') {
    body.bidders = [...new Set(current.signals.flatMap((s) => s.bidders))];
    body.severity = 'SERIOUS';
  }
  try {
    await json(`/api/alerts/${current.id}/${action}`, { method: 'POST', json: body });
    form.reset();
    out.textContent = t('alerts.done');
    await Promise.all([list(), show(current.id)]);
  } catch (error) {
    showProblem(error, form, out);
  }
});

await list();
const open = new URLSearchParams(location.search).get('alert');
if (open) {
  await show(open);
}
