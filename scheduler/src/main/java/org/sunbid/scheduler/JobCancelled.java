package org.sunbid.scheduler;

import java.time.Instant;

/** A pending job was taken off the schedule. */
public record JobCancelled(String kind, String subject, Instant dueAt) {
}
