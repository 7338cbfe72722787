package org.sunbid.bid.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Admission to completions: a few run at once (by default twice the cores), the others wait their turn in arrival
 * order. A completion is CPU work (the envelope and manifest checks, the time-stamp and the signature; hashing the whole
 * sealed file only when no running digest of it is proven, see {@link UploadDigests}) between short transactions. In a deadline rush of 200 completions at once on two busy cores, each of
 * them held a pooled connection while it waited for a core, the pool's 30 s wait ran out for the others and 114 of 200
 * bidders got HTTP 500 (docs/benchmarks.md); a queue in front of the work answers them all, in turn.
 */
@Component
public class CompletionGate {

    private final Semaphore permits;

    /** {@code configured} completions at once; 0 (the default): twice the cores, at least 2. */
    CompletionGate(@Value("${sunbid.bids.concurrent-completions:0}") int configured) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(configured > 0 ? configured : Math.max(2, 2 * cores), true);
    }

    /** Runs the completion when its turn comes. */
    public <T> T run(Supplier<T> completion) {
        permits.acquireUninterruptibly();
        try {
            return completion.get();
        } finally {
            permits.release();
        }
    }

    /** How many completions are waiting for their turn. */
    public int waiting() {
        return permits.getQueueLength();
    }
}
