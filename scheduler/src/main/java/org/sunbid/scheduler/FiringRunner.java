package org.sunbid.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.scheduler.internal.FiringHistory;

/**
 * Runs one firing on a Quartz worker thread: the handler in one transaction with the history row locked (a firing
 * already completed on any node is skipped), then on failure a retry after the configured back-off or, after the
 * last attempt, a failed firing.
 */
final class FiringRunner {

    private static final Logger log = LoggerFactory.getLogger(QuartzJobScheduler.class);
    private static final int MAX_ERROR = 2000;

    private final Supplier<Map<String, ScheduledTask>> handlers;
    private final FiringHistory history;
    private final TransactionTemplate newTx;
    private final JobTriggers triggers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<Duration> backoff;
    private final String node;

    FiringRunner(Supplier<Map<String, ScheduledTask>> handlers, FiringHistory history, TransactionTemplate newTx,
            JobTriggers triggers, ApplicationEventPublisher events, Clock clock, List<Duration> backoff, String node) {
        this.handlers = handlers;
        this.history = history;
        this.newTx = newTx;
        this.triggers = triggers;
        this.events = events;
        this.clock = clock;
        this.backoff = backoff;
        this.node = node;
    }

    void fire(JobExecutionContext context) {
        String kind = context.getJobDetail().getKey().getGroup();
        JobDataMap data = context.getMergedJobDataMap();
        String subject = data.containsKey(JobTriggers.SUBJECT) ? data.getString(JobTriggers.SUBJECT)
                : context.getJobDetail().getKey().getName();
        Instant due = data.containsKey(JobTriggers.DUE) ? Instant.ofEpochMilli(Long.parseLong(data.getString(JobTriggers.DUE)))
                : context.getScheduledFireTime().toInstant();
        waitUntil(due);
        Instant firedAt = clock.instant();
        long lateness = Math.max(0, Duration.between(due, firedAt).toMillis());
        ScheduledTask task = handlers.get().get(kind);
        try {
            Firing done = newTx.execute(status -> {
                FiringRecord row = history.lockForFiring(kind, subject, due, firedAt);
                if (!row.status().open()) {
                    log.debug("Skipping {} {} due {}: already {}", kind, subject, due, row.status());
                    return null;
                }
                if (task == null) {
                    throw new UnknownJobKindException(kind);
                }
                Firing firing = new Firing(kind, subject, due, firedAt, row.attempts() + 1, node);
                try {
                    task.run(firing);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailure(e);
                }
                history.markFired(row.id(), firing.attempt(), firedAt, clock.instant(), lateness, node);
                return firing;
            });
            if (done != null) {
                events.publishEvent(new JobFired(kind, subject, due, firedAt, done.lateness(), done.attempt(), node));
            }
        } catch (RuntimeException e) {
            failed(kind, subject, due, firedAt, lateness, e instanceof HandlerFailure h ? h.getCause() : e);
        }
    }

    /** A batch may hand a trigger over slightly early: a job never acts before its due time. */
    private void waitUntil(Instant due) {
        long early = Duration.between(clock.instant(), due).toMillis();
        if (early > 0) {
            try {
                Thread.sleep(early);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void failed(String kind, String subject, Instant due, Instant firedAt, long lateness, Throwable error) {
        String message = describe(error);
        int tried = history.attempts(kind, subject, due);
        boolean last = tried >= backoff.size() || !handlers.get().containsKey(kind);
        Optional<Integer> attempt = newTx.execute(status -> {
            history.lockForFiring(kind, subject, due, firedAt); // the row may have been born in the rolled-back attempt
            return history.recordFailure(kind, subject, due, last, firedAt, clock.instant(), lateness, node, message);
        });
        if (attempt == null || attempt.isEmpty()) {
            return; // cancelled or completed meanwhile
        }
        if (last) {
            log.warn("Job {} {} due {} failed after {} attempt(s): {}", kind, subject, due, attempt.get(), message);
            events.publishEvent(new JobFailed(kind, subject, due, attempt.get(), message));
            return;
        }
        Instant retryAt = clock.instant().plus(backoff.get(attempt.get() - 1));
        try {
            newTx.executeWithoutResult(status -> triggers.retryAt(kind, subject, due, retryAt));
            log.info("Job {} {} due {} failed (attempt {}), retrying at {}: {}", kind, subject, due, attempt.get(),
                    retryAt, message);
            events.publishEvent(new JobAttemptFailed(kind, subject, due, attempt.get(), message, retryAt));
        } catch (RuntimeException e) {
            log.error("Job {} {} due {}: retry could not be scheduled", kind, subject, due, e);
            newTx.executeWithoutResult(status -> history.markFailed(kind, subject, due));
            events.publishEvent(new JobFailed(kind, subject, due, attempt.get(), message));
        }
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    /** Carries a checked exception out of the transaction callback. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }
}
