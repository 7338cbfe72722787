package org.sunbid.scheduler;

import java.time.Instant;

/** A job's handler failed on every attempt; the firing is listed for staff. */
public record JobFailed(String kind, String subject, Instant dueAt, int attempts, String error) {
}
