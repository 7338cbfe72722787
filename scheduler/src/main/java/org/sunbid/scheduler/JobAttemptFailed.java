package org.sunbid.scheduler;

import java.time.Instant;

/** A job's handler failed; another attempt is due at {@code retryAt}. */
public record JobAttemptFailed(String kind, String subject, Instant dueAt, int attempt, String error,
        Instant retryAt) {
}
