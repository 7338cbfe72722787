// What the regulators' chart pages share: an ECharts instance with the portal's palette, each chart's figures as a
// plain table (for screen readers and copying), and an honest "no data" label inside an empty chart.
// The page loads ECharts itself (<script src="/webjars/echarts/…">), so only chart pages carry it.
import { t } from '/js/i18n.js';
import { emptyState } from '/js/layout.js';

const PALETTE = ['#b0141c', '#1a5fb4', '#2e7d32', '#b26a00', '#6a1b9a', '#00838f'];
const charts = [];
window.addEventListener('resize', () => charts.forEach((c) => c.isDisposed() || c.resize()));

/**
 * Draws the chart; given its values, a chart that would show nothing or only zeros is replaced by an empty state saying
 * why and what to do (message `dash.empty.<id without chart->`, see layout.js emptyState) instead of empty axes.
 */
export function chart(id, option, values) {
  const holder = document.getElementById(id);
  if (values && !values.some((v) => Number(v) > 0)) {
    holder.classList.add('chart-empty');
    holder.removeAttribute('role');
    holder.replaceChildren(emptyState(`dash.empty.${id.slice('chart-'.length)}`));
    return null;
  }
  const instance = window.echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
  // useUTC with instants shifted by eight hours: time axes and tooltips read in Beijing time whatever the browser's zone
  instance.setOption({ color: PALETTE, textStyle: { fontFamily: 'inherit' }, animation: false, useUTC: true, ...option });
  charts.push(instance);
  return instance;
}

/** The chart's figures as a table inside the figure's <details>; {@code emptyKey} names the empty-state text. */
export function table(figureId, headers, rows, emptyKey = 'dash.empty') {
  const holder = document.querySelector(`#${figureId} .table`);
  const tableEl = document.createElement('table');
  tableEl.className = 'data';
  const head = tableEl.createTHead().insertRow();
  for (const h of headers) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const bodyEl = tableEl.createTBody();
  for (const r of rows) {
    const tr = bodyEl.insertRow();
    for (const v of r) {
      tr.insertCell().textContent = v;
    }
  }
  if (!rows.length) {
    const cell = bodyEl.insertRow().insertCell();
    cell.colSpan = headers.length;
    cell.textContent = t(emptyKey);
  }
  holder.replaceChildren(tableEl);
}

/** Chart options that write the empty-state text in the middle of a chart without data. */
export function empty(rows, emptyKey = 'dash.empty') {
  return rows.length ? {} : {
    graphic: { type: 'text', left: 'center', top: 'middle', style: { text: t(emptyKey), fill: '#5a5a5f', fontSize: 14 } },
  };
}
