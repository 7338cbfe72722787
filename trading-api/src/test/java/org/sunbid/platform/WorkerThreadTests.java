package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The worker thread runs a pass at start and on each wake, long before its sweep (an hour here), and goes on after a
 * pass that failed. Each wait below is a safety net: the pass it waits for is due at once.
 */
class WorkerThreadTests {

    private static final Duration HOUR = Duration.ofHours(1);

    static boolean passed(Semaphore passes) throws InterruptedException {
        return passes.tryAcquire(60, TimeUnit.SECONDS);
    }

    @Test
    void aPassRunsAtStartAndOnEachWakeNotOnlyAtTheSweep() throws Exception {
        Semaphore passes = new Semaphore(0);
        WorkerThread worker = new WorkerThread("test-worker", () -> {
            passes.release();
            return HOUR;
        }, HOUR);
        worker.start();
        try {
            assertThat(passed(passes)).as("the sweep at start").isTrue();
            worker.wake();
            assertThat(passed(passes)).as("woken").isTrue();
            worker.wake();
            assertThat(passed(passes)).as("woken again").isTrue();
        } finally {
            worker.stop();
        }
        assertThat(worker.running()).isFalse();
    }

    @Test
    void aPassThatThrowsIsTriedAgainAfterTheFaultDelay() throws Exception {
        Semaphore passes = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        WorkerThread worker = new WorkerThread("test-worker", () -> {
            passes.release();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return HOUR;
        }, Duration.ofMillis(10));
        worker.start();
        try {
            assertThat(passed(passes)).isTrue();
            assertThat(passed(passes)).as("tried again without a wake").isTrue();
        } finally {
            worker.stop();
        }
    }

    @Test
    void aWakeDoesNoWorkOnTheCallersThread() throws Exception {
        Semaphore passes = new Semaphore(0);
        WorkerThread worker = new WorkerThread("test-worker", () -> {
            passes.release();
            return HOUR;
        }, HOUR);
        worker.wake(); // not started: nothing runs
        assertThat(passes.availablePermits()).isZero();
        worker.start();
        try {
            assertThat(passed(passes)).as("the start's pass").isTrue();
        } finally {
            worker.stop();
        }
    }
}
