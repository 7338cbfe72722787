package org.sunbid.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One firing handed to a {@link ScheduledTask}.
 *
 * @param kind    the job kind
 * @param subject what the job is about (an id chosen by the feature)
 * @param dueAt   when it was due
 * @param firedAt when this attempt started
 * @param attempt 1 for the first attempt, 2 and more for retries
 * @param node    the scheduler instance that runs it
 */
public record Firing(String kind, String subject, Instant dueAt, Instant firedAt, int attempt, String node) {

    public Firing {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(firedAt, "firedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1");
        }
    }

    /** How late this attempt started after the due time (zero if early); large after a misfire while all nodes were down. */
    public Duration lateness() {
        Duration late = Duration.between(dueAt, firedAt);
        return late.isNegative() ? Duration.ZERO : late;
    }
}
