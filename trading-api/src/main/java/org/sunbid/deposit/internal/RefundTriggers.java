package org.sunbid.deposit.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.award.AwardEvents;
import org.sunbid.bid.BidEvents;
import org.sunbid.deposit.RefundManagement;
import org.sunbid.deposit.RefundReason;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Refund triggers: a bid withdrawn before the deadline, a failed lot (流标, at the opening or when evaluation rejects
 * every bid), the award notice (every bidder but the winner) and the signed contract (the winner). Each proposes
 * through {@link RefundManagement}; the refund policy sets the statutory due time per procedure.
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

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onAwardNotice(AwardEvents.AwardNoticePublished notice) {
        try {
            refunds.refundsDue(LotId.of(notice.lot()), RefundReason.NOT_AWARDED, notice.at(),
                    Set.of(MemberId.of(notice.winner())));
        } catch (RuntimeException e) {
            log.error("refunds after the award notice of lot {} not proposed: {}", notice.lot(), e.toString());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onContractSigned(AwardEvents.ContractSigned contract) {
        try {
            refunds.refundDue(LotId.of(contract.lot()), MemberId.of(contract.winner()), RefundReason.CONTRACT_SIGNED,
                    contract.at());
        } catch (RuntimeException e) {
            log.error("winner's refund of lot {} not proposed: {}", contract.lot(), e.toString());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onEvaluationFailed(AwardEvents.LotFailed failed) {
        try {
            refunds.refundsDue(LotId.of(failed.lot()), RefundReason.TENDER_FAILED, failed.at(), Set.of());
        } catch (RuntimeException e) {
            log.error("refunds for failed lot {} not proposed: {}", failed.lot(), e.toString());
        }
    }
}
