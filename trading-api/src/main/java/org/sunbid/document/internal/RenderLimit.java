package org.sunbid.document.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many documents render at once. Each rendering parses its own copy of the bundled CJK font (tens of megabytes
 * of tables) and is bound by the CPU, so running more at once than there are cores only adds memory: a deadline rush
 * of 50 bid receipts on one node, with 40 request threads, ran a 768 MB heap out of memory. Callers beyond the limit
 * wait their turn (first come, first served).
 */
public final class RenderLimit {

    private final Semaphore permits;

    public RenderLimit(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one rendering at a time, not " + permits);
        }
        this.permits = new Semaphore(permits, true);
    }

    /** One rendering per core, at least two. */
    public static RenderLimit perCore() {
        return new RenderLimit(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public <T> T run(Supplier<T> rendering) {
        permits.acquireUninterruptibly();
        try {
            return rendering.get();
        } finally {
            permits.release();
        }
    }
}
