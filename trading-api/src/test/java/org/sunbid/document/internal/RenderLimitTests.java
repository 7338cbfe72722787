package org.sunbid.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A rush of renderings: only as many run at once as the limit allows; the others wait and then all finish. */
class RenderLimitTests {

    @Test
    void sixCallersOnALimitOfTwoRenderTwoAtATimeAndAllFinish() throws InterruptedException {
        RenderLimit limit = new RenderLimit(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "receipt-" + i;
            Thread t = new Thread(() -> results.add(limit.run(() -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return name;
            })), name);
            callers.add(t);
            t.start();
        }
        // every caller parked: either rendering (held on the latch) or waiting for its turn; nothing can move now
        Awaitility.await("all six callers parked").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        assertThat(inside).as("renderings under way while all callers are parked").hasValue(2);

        release.countDown();
        for (Thread t : callers) {
            t.join(60_000);
        }
        assertThat(results).containsExactlyInAnyOrder("receipt-0", "receipt-1", "receipt-2", "receipt-3", "receipt-4",
                "receipt-5");
        assertThat(most).hasValue(2);
        assertThat(inside).hasValue(0);
    }

    @Test
    void aFailedRenderingGivesItsTurnBack() {
        RenderLimit limit = new RenderLimit(1);
        assertThatThrownBy(() -> limit.run(() -> {
            throw new IllegalStateException("font missing");
        })).hasMessage("font missing");
        assertThat(limit.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new RenderLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
