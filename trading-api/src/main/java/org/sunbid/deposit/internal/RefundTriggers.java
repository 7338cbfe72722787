package org.sunbid.deposit.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sunbid.award.AwardEvents;
import org.sunbid.bid.BidEvents;
import org.sunbid.deposit.internal.RefundTriggerRows.Kind;

/**
 * Refund triggers: a bid withdrawn before the deadline, a bid submitted again, a failed lot (流标, at the opening or
 * when evaluation rejects every bid), the award notice (every bidder but the winner) and the signed contract (the
 * winner). Each is written as a row in the transaction of the act itself, just before it commits, and worked off by
 * {@link RefundTriggerWorker}: the request that committed the act never takes a second connection (a rush with as many
 * busy threads as pooled connections deadlocked on that), and a node dying right after the commit loses no trigger.
 */
@Component
class RefundTriggers {

    private final RefundTriggerRows rows;
    private final RefundTriggerWorker worker;

    RefundTriggers(RefundTriggerRows rows, RefundTriggerWorker worker) {
        this.rows = rows;
        this.worker = worker;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onWithdrawn(BidEvents.BidWithdrawn withdrawn) {
        write(Kind.WITHDRAWN, withdrawn.lot(), withdrawn.member(), withdrawn.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onSubmitted(BidEvents.BidSubmitted submitted) {
        write(Kind.SUBMITTED, submitted.lot(), submitted.member(), submitted.receivedAt());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onLotFailed(BidEvents.LotFailed failed) {
        write(Kind.LOT_FAILED, failed.lot(), null, failed.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onAwardNotice(AwardEvents.AwardNoticePublished notice) {
        write(Kind.AWARD_NOTICE, notice.lot(), notice.winner(), notice.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onContractSigned(AwardEvents.ContractSigned contract) {
        write(Kind.CONTRACT_SIGNED, contract.lot(), contract.winner(), contract.at());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onEvaluationFailed(AwardEvents.LotFailed failed) {
        write(Kind.LOT_FAILED, failed.lot(), null, failed.at());
    }

    /** The row goes into the act's transaction; once that commits, this node's worker is woken (no database work). */
    private void write(Kind kind, UUID lot, UUID member, Instant at) {
        rows.add(kind, lot, member, at);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.nudge();
            }
        });
    }
}
