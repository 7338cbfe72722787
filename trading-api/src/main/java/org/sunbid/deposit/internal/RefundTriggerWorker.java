package org.sunbid.deposit.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.deposit.RefundManagement;
import org.sunbid.deposit.RefundReason;
import org.sunbid.platform.BackgroundWorker;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Works off the refund triggers (V350) on a thread of its own, woken after each commit that wrote one and every
 * second (rows another node wrote, rows left by a crash). Each trigger is done in one transaction that holds the
 * workers' advisory lock, proposes or cancels the refunds through {@link RefundManagement} and deletes the row: a crash
 * at any instant leaves the trigger either waiting or done, and triggers are done in the order they were written (a
 * withdrawal before the same bidder's next bid). A trigger whose work fails (a refused proposal) keeps its error and
 * is not tried again; one that meets a database fault waits for the next pass.
 */
@Component
public class RefundTriggerWorker extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(RefundTriggerWorker.class);
    /** How often the worker looks for triggers without being woken. */
    static final Duration POLL = Duration.ofSeconds(1);

    private final RefundTriggerRows rows;
    private final RefundManagement refunds;
    private final TransactionTemplate transactions;

    RefundTriggerWorker(RefundTriggerRows rows, RefundManagement refunds, PlatformTransactionManager transactions) {
        super("refund-triggers", POLL);
        this.rows = rows;
        this.refunds = refunds;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    protected Duration pass() {
        drain();
        return POLL;
    }

    /** Wakes the worker: a transaction that wrote a trigger has committed. */
    void nudge() {
        wake();
    }

    /**
     * Works off every trigger committed before the call, on the calling thread (waiting while another worker holds the
     * lock); returns how many were done. The worker thread calls it; tests call it to see a trigger's effect at once.
     */
    public int drain() {
        int done = 0;
        while (true) {
            long[] taken = { -1 };
            try {
                Optional<RefundTriggerRows.Row> row = transactions.execute(tx -> {
                    rows.lock();
                    Optional<RefundTriggerRows.Row> oldest = rows.oldest();
                    oldest.ifPresent(r -> {
                        taken[0] = r.id();
                        apply(r);
                        rows.delete(r.id());
                    });
                    return oldest;
                });
                if (row == null || row.isEmpty()) {
                    return done;
                }
                done++;
            } catch (RuntimeException e) {
                if (taken[0] < 0 || databaseFault(e)) {
                    throw e;
                }
                log.error("refund trigger {} failed and is kept with its error: {}", taken[0], e.toString());
                transactions.executeWithoutResult(tx -> {
                    rows.lock();
                    rows.failed(taken[0], e.toString());
                });
            }
        }
    }

    /** A fault of the database or its connection, not of the trigger: the trigger waits for the next pass. */
    private static boolean databaseFault(RuntimeException e) {
        return e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException || e instanceof TransactionException;
    }

    private void apply(RefundTriggerRows.Row r) {
        LotId lot = LotId.of(r.lot());
        switch (r.kind()) {
            case WITHDRAWN -> refunds.refundDue(lot, MemberId.of(r.member()), RefundReason.WITHDRAWN_BEFORE_DEADLINE, r.at());
            case SUBMITTED -> refunds.bidAgain(lot, MemberId.of(r.member()));
            case LOT_FAILED -> refunds.refundsDue(lot, RefundReason.TENDER_FAILED, r.at(), Set.of());
            case AWARD_NOTICE -> refunds.refundsDue(lot, RefundReason.NOT_AWARDED, r.at(), Set.of(MemberId.of(r.member())));
            case CONTRACT_SIGNED -> refunds.refundDue(lot, MemberId.of(r.member()), RefundReason.CONTRACT_SIGNED, r.at());
        }
    }

    /** Triggers waiting to be worked off (monitoring, tests). */
    public long waiting() {
        return rows.waiting();
    }
}
