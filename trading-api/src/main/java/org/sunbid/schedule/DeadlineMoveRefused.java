package org.sunbid.schedule;

import java.time.Instant;
import java.util.UUID;

/** A deadline move was refused (naming the rule); nothing moved. */
public record DeadlineMoveRefused(UUID lotId, Instant newDeadline, Instant newOpening, String rule, Instant at) {
}
