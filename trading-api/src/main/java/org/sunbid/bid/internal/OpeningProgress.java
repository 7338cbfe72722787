package org.sunbid.bid.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the opening hall follows live — each bid's stage — and the record of refused self-decryption attempts in
 * transactions of their own, committed at once: the opening itself runs in one long transaction that the hall cannot
 * see into, and a refused attempt must stay recorded although the request that made it fails.
 */
@Component
public class OpeningProgress {

    private final BidStore store;
    private final TransactionTemplate fresh;

    OpeningProgress(BidStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void stage(UUID lot, UUID bid, UUID member, String stage, String reason, Instant at) {
        fresh.executeWithoutResult(status -> store.progress(lot, bid, member, stage, reason, at));
    }

    /** Runs {@code work} in a new transaction committed before this returns (events published in it are logged then). */
    public void independently(Runnable work) {
        fresh.executeWithoutResult(status -> work.run());
    }
}
