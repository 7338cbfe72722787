package org.sunbid.deposit.internal;

import org.springframework.stereotype.Component;
import org.sunbid.deposit.RefundId;
import org.sunbid.deposit.RefundManagement;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;

/** At a refund's statutory due time: if it is still unpaid, a supervision alert ({@code deposit.refund-late}). */
@Component
class LateRefundTask implements ScheduledTask {

    private final RefundManagement refunds;

    LateRefundTask(RefundManagement refunds) {
        this.refunds = refunds;
    }

    @Override
    public String kind() {
        return RefundManagement.LATE_REFUND_JOB;
    }

    @Override
    public void run(Firing firing) {
        refunds.alertIfLate(RefundId.parse(firing.subject()));
    }
}
