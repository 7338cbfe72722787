package org.sunbid.expert.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.expert.DrawId;
import org.sunbid.scheduler.JobScheduler;

/**
 * The answer-window job of a draw, scheduled outside the draw's transaction. The draw's seats are the durable record of
 * the window (state INVITED, {@code answer_due}); the job is only what acts when it ends. So the draw commits without
 * Quartz's trigger lock and its dozen statements, and its job is scheduled once the draw has committed, on a thread of
 * its own (the request does not wait for it). Should that scheduling not happen (the node stopped between the commit
 * and the job, the database refused it), {@link #recover()} finds the draw by its open invitations and schedules the
 * job at the same due time: at start and every minute after. Scheduling is idempotent for a due time, and the job
 * expires only invitations past their window, so a job scheduled twice changes nothing.
 */
@Component
public class AnswerWindows implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerWindows.class);

    private final DrawStore draws;
    private final JobScheduler scheduler;
    private final Clock clock;
    private final Duration grace;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "expert-answer-windows");
        t.setDaemon(true);
        return t;
    });

    AnswerWindows(DrawStore draws, JobScheduler scheduler, Clock clock,
            @Value("${sunbid.expert.answer-window-recovery-grace:PT1M}") Duration grace) {
        this.draws = draws;
        this.scheduler = scheduler;
        this.clock = clock;
        this.grace = grace;
    }

    /** Once the current transaction commits, the draw's job is scheduled at {@code due} on this component's thread. */
    public void afterCommit(DrawId draw, Instant due) {
        AfterCommit.run(() -> thread.execute(() -> schedule(draw, due)));
    }

    private void schedule(DrawId draw, Instant due) {
        try {
            scheduler.schedule(Seating.ANSWER_DUE, draw.toString(), due);
        } catch (RuntimeException e) {
            log.warn("answer-window job of draw {} not scheduled now ({}); the recovery sweep schedules it", draw,
                    e.toString());
        }
    }

    /**
     * Schedules the job of every draw that still has invitations open from the draw itself but no job pending, leaving
     * alone the draws of the last {@code grace} (their job is being scheduled after their commit). Returns how many.
     */
    @Scheduled(initialDelay = 0, fixedDelayString = "${sunbid.expert.answer-window-recovery:PT1M}")
    public int recover() {
        int scheduled = 0;
        try {
            List<DrawStore.OpenWindow> open = draws.openWindows(clock.instant().minus(grace));
            for (DrawStore.OpenWindow w : open) {
                if (scheduler.pending(Seating.ANSWER_DUE, w.draw().toString()).isEmpty()) {
                    scheduler.schedule(Seating.ANSWER_DUE, w.draw().toString(), w.due());
                    scheduled++;
                }
            }
        } catch (RuntimeException e) {
            log.error("answer-window recovery failed; the next sweep tries again", e);
        }
        return scheduled;
    }

    /** Waits until every job handed to this component's thread so far is scheduled (tests, orderly shutdown). */
    public void awaitScheduled(Duration timeout) throws Exception {
        thread.submit(() -> null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
