package org.sunbid.project;

import java.time.Instant;
import java.util.UUID;

/** A member who downloaded a project's tender documents: when first, and how many times. */
public record DocumentDownload(UUID memberId, Instant firstAt, long times) {
}
