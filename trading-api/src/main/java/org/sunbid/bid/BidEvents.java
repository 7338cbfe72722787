package org.sunbid.bid;

import java.time.Instant;
import java.util.UUID;

/** Past-tense events of sealed bidding, for the supervision log. Nothing here reveals a bid's content. */
public final class BidEvents {

    private BidEvents() {
    }

    public record OpeningKeyCreated(UUID lot, UUID project, int threshold, int total, Instant at) {
    }

    public record CustodianCertificateBound(UUID custodian, String fingerprint, Instant at) {
    }

    public record BidSubmitted(UUID bid, UUID lot, UUID member, String sha256, long size, String clientIp,
            String deviceFingerprint, Instant receivedAt) {
    }

    public record BidRefused(UUID lot, UUID member, String rule, Instant at) {
    }

    public record BidReplaced(UUID bid, UUID replacedBy, UUID lot, UUID member, Instant at) {
    }

    public record BidWithdrawn(UUID bid, UUID lot, UUID member, Instant at) {
    }

    public record OpeningStarted(UUID lot, int bids, Instant at) {
    }

    public record ShareReleased(UUID lot, int index, UUID custodian, Instant at) {
    }

    public record LotOpened(UUID lot, int opened, int failed, UUID record, Instant at) {
    }

    public record LotFailed(UUID lot, UUID project, int bids, Instant at) {
    }
}
