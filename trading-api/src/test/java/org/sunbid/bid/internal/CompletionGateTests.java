package org.sunbid.bid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class CompletionGateTests {

    @Test
    void theCompletionBeyondTheLimitWaitsForItsTurnAndThenRuns() throws Exception {
        CompletionGate gate = new CompletionGate(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Integer>> completions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                completions.add(CompletableFuture.supplyAsync(() -> gate.run(() -> {
                    mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return n;
                }), threads));
            }
            // two run, the third waits in the gate's queue
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inside.get() == 2 && gate.waiting() == 1);
            assertThat(completions.stream().filter(CompletableFuture::isDone)).isEmpty();

            finish.countDown();
            List<Integer> answered = new ArrayList<>();
            for (CompletableFuture<Integer> c : completions) {
                answered.add(c.get());
            }
            assertThat(answered).containsExactly(0, 1, 2);
            assertThat(mostAtOnce.get()).isEqualTo(2);
            assertThat(gate.waiting()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedCompletionGivesItsTurnBack() {
        CompletionGate gate = new CompletionGate(1);
        for (int i = 0; i < 3; i++) {
            try {
                gate.run(() -> {
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // the bidder's error answer; the permit must be back
            }
        }
        assertThat(gate.run(() -> "ran")).isEqualTo("ran");
    }
}
