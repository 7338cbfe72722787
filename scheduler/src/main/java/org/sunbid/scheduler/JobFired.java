package org.sunbid.scheduler;

import java.time.Duration;
import java.time.Instant;

/** A job's handler ran successfully. */
public record JobFired(String kind, String subject, Instant dueAt, Instant firedAt, Duration lateness, int attempt,
        String node) {
}
