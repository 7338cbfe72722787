package org.sunbid.scheduler;

import java.time.Instant;

/**
 * One row of the firing history: a (kind, subject, due time) and what became of it.
 *
 * @param latenessMillis how late the successful (or last) attempt started, if it ran
 * @param lastError      class and message of the last failure, if any
 */
public record FiringRecord(long id, String kind, String subject, Instant dueAt, FiringStatus status, int attempts,
        Instant scheduledAt, Instant firedAt, Instant finishedAt, Long latenessMillis, String node, String lastError) {
}
