package org.sunbid.deposit.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.bid.BidEvents;
import org.sunbid.deposit.RefundManagement;
import org.sunbid.deposit.RefundReason;
import org.sunbid.member.MemberId;
import org.sunbid.project.LotId;

/**
 * Refund triggers that exist today: a bid withdrawn before the deadline, and a failed lot (流标). Award triggers
 * (award notice, contract signed) arrive through {@link RefundManagement#refundsDue} once the award feature lands.
 */
@Component
class RefundTriggers {

    private static final Logger log = LoggerFactory.getLogger(RefundTriggers.class);

    private final RefundManagement refunds;

    RefundTriggers(RefundManagement refunds) {
        this.refunds = refunds;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onWithdrawn(BidEvents.BidWithdrawn withdrawn) {
        try {
            refunds.refundDue(LotId.of(withdrawn.lot()), MemberId.of(withdrawn.member()),
                    RefundReason.WITHDRAWN_BEFORE_DEADLINE, withdrawn.at());
        } catch (RuntimeException e) {
            log.error("refund for withdrawn bid {} not proposed: {}", withdrawn.bid(), e.toString());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSubmitted(BidEvents.BidSubmitted submitted) {
        refunds.bidAgain(LotId.of(submitted.lot()), MemberId.of(submitted.member()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onLotFailed(BidEvents.LotFailed failed) {
        try {
            refunds.refundsDue(LotId.of(failed.lot()), RefundReason.TENDER_FAILED, failed.at(), Set.of());
        } catch (RuntimeException e) {
            log.error("refunds for failed lot {} not proposed: {}", failed.lot(), e.toString());
        }
    }
}
