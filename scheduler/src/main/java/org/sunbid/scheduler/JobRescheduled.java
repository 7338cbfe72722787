package org.sunbid.scheduler;

import java.time.Instant;

/** A pending job was moved to another due time. */
public record JobRescheduled(String kind, String subject, Instant from, Instant to) {
}
