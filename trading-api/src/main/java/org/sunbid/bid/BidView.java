package org.sunbid.bid;

import java.time.Instant;
import java.util.UUID;

/** A bid as its bidder sees it. */
public record BidView(UUID id, UUID projectId, UUID lotId, String status, String sha256, long size, Instant receivedAt,
        Instant withdrawnAt, UUID replacedBy) {
}
