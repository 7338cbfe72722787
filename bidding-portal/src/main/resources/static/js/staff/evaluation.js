// The centre's view of an evaluation session (评标监控): where it stands and who has done what — check-in,
// declarations, compliance votes, how many sheets, report signatures — never prices, scores or opinions, which the
// API leaves out for staff. Refreshes every 15 seconds.
import { page, withoutSubject } from '/js/layout.js';
import { cell, fact } from '/js/table.js';
import { t, dateTime } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';

await page('staff');
requireRole('STAFF', 'ADMIN', 'REGULATOR');

const lot = new URLSearchParams(location.search).get('lot');
const status = document.getElementById('status');

function draw(v) {
  document.getElementById('monitor-title').textContent = `${t('monitor.title')}：${v.projectName} ${v.lotName ?? ''}`;
  const active = v.seats.filter((s) => s.active);
  document.querySelector('#facts tbody').replaceChildren(
    fact(t('monitor.method'), t(`monitor.method.${v.method}`)),
    fact(t('monitor.phase'), t(`monitor.phase.${v.phase}`)),
    fact(t('monitor.opened'), dateTime(v.openedAt)),
    fact(t('monitor.deadline'), dateTime(v.deadline) + (v.extended ? ` · ${t('monitor.extended')}` : '')),
    fact(t('monitor.chair'), v.chair ?? t('monitor.no-chair')),
    fact(t('monitor.report'), t('monitor.report.count', v.reportSignatures, active.length)),
    fact(t('monitor.outcome'), v.outcome ? t(`monitor.outcome.${v.outcome}`) : '—'));
  const yes = (b) => (b ? '✓' : '—');
  document.querySelector('#seats tbody').replaceChildren(...v.seats.map((s) => {
    const tr = document.createElement('tr');
    const declared = s.conflict == null ? '—' : t(s.conflict ? 'monitor.conflict' : 'monitor.no-conflict');
    tr.append(cell(`${s.name}${s.chair ? ' · ' + t('monitor.chair') : ''}${s.active ? '' : '（' + t('monitor.replaced') + '）'}`),
      cell(yes(s.checkedIn)), cell(declared), cell(yes(s.reviewed)), cell(String(s.sheetsSubmitted)),
      cell(yes(s.signedReport)));
    return tr;
  }));
  document.getElementById('bidders').replaceChildren(...v.bids.map((b) => {
    const li = document.createElement('li');
    li.textContent = b.bidder;
    return li;
  }));
  document.getElementById('voided').textContent = v.voided.length ? t('monitor.voided', v.voided.length) : '';
}

async function refresh() {
  try {
    draw(await json(`/api/evaluations/${encodeURIComponent(lot)}`));
  } catch (error) {
    showProblem(error, null, status);
  }
}

if (!withoutSubject(!lot, 'monitor.no-lot', [['monitor.no-lot.go', '/staff/projects.html']])) {
  await refresh();
  setInterval(refresh, 15_000);
}
