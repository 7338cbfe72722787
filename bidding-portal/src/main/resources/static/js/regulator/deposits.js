// The regulator's deposit oversight: forfeit proposals to approve or reject (never automatic; a guaranteed deposit is
// claimed by a signed demand letter), and refunds unpaid past their statutory due time.
import { emptyRow, page } from '/js/layout.js';
import { t, dateTime, money } from '/js/i18n.js';
import { json, requireRole, showProblem } from '/js/session.js';
import { row } from '/js/table.js';

await page('regulator');
requireRole('REGULATOR');

const $ = (id) => document.getElementById(id);

function decision(f) {
  if (f.state !== 'PROPOSED') {
    return dateTime(f.decidedAt);
  }
  const span = document.createElement('span');
  for (const approve of [true, false]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = approve ? 'primary' : '';
    b.textContent = t(approve ? 'deposits.approve' : 'deposits.reject');
    b.addEventListener('click', async () => {
      try {
        await json(`/api/deposits/forfeits/${f.id}/decision`, { method: 'POST', json: { approve } });
        $('forfeits-status').textContent = t(approve ? 'deposits.approved' : 'deposits.rejected', f.bidder);
        await load();
      } catch (error) {
        showProblem(error, null, $('forfeits-status'));
      }
    });
    span.append(b, ' ');
  }
  return span;
}

async function load() {
  const [forfeits, late] = await Promise.all([json('/api/deposits/forfeits'), json('/api/deposits/refunds/late')]);
  $('forfeits').tBodies[0].replaceChildren(...(forfeits.length ? forfeits.map((f) => row([f.project, f.lot, f.bidder,
    money(f.held), f.guarantee, f.reason, dateTime(f.proposedAt), t(`deposits.forfeit.${f.state}`), decision(f)]))
    : [emptyRow($('forfeits'), 'deposits.none.forfeits')]));
  $('late').tBodies[0].replaceChildren(...(late.length ? late.map((r) => row([r.payeeName, t(`deposits.refund.${r.reason}`),
    money(r.total), dateTime(r.dueBy), t(`deposits.refund.state.${r.state}`)]))
    : [emptyRow($('late'), 'deposits.none.late')]));
}

await load();
