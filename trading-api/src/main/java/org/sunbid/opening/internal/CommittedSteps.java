package org.sunbid.opening.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.opening.BidDecryption;

/**
 * Steps committed at once, in transactions of their own: each bid's stage as decryption goes (the opening itself runs
 * in one transaction the hall cannot see into), and refused self-decryption attempts, which stay recorded although the
 * request that made them fails.
 */
@Component
public class CommittedSteps {

    private final BidDecryptions decryptions;
    private final TransactionTemplate fresh;

    CommittedSteps(BidDecryptions decryptions, PlatformTransactionManager transactions) {
        this.decryptions = decryptions;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The bid's stage, committed before this returns. */
    public void stage(BidDecryption bid) {
        fresh.executeWithoutResult(status -> decryptions.saveStage(bid));
    }

    /** Runs {@code work} in a new transaction committed before this returns (events published in it are logged then). */
    public void independently(Runnable work) {
        fresh.executeWithoutResult(status -> work.run());
    }
}
