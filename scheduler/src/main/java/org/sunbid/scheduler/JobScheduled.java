package org.sunbid.scheduler;

import java.time.Instant;

/** A job was put on the schedule. */
public record JobScheduled(String kind, String subject, Instant dueAt) {
}
