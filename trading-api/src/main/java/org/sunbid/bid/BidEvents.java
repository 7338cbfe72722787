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

    /** A node made the lot's opening session key; custodians' shares are sealed to its certificate. */
    public record OpeningSessionKeyMade(UUID lot, UUID key, UUID node, String fingerprint, Instant at) {
    }

    /** The node holding the session key is gone: the key and the shares sealed to it are void; custodians release again. */
    public record OpeningSessionKeyLost(UUID lot, UUID key, UUID node, int sealedShares, Instant at) {
    }

    /**
     * A share a custodian sealed to the session key did not open as that custodian's share of the lot's key (another
     * index, another split, corrupted): it is void and the custodian is asked to release again.
     */
    public record ShareReleaseRefused(UUID lot, UUID key, int index, String reason, Instant at) {
    }

    public record LotOpened(UUID lot, int opened, int failed, UUID record, Instant at) {
    }

    public record LotFailed(UUID lot, UUID project, int bids, Instant at) {
    }

    public record OpeningJoined(UUID lot, UUID account, String role, Instant at) {
    }

    /** A bid's checks at the opening, as the hall shows them; never its price. */
    public record BidChecked(UUID bid, UUID lot, String decryption, String signature, String hashCheck, Instant at) {
    }

    public record SelfDecryptWindowOpened(UUID lot, UUID project, int bids, Instant until, Instant at) {
    }

    public record BidSelfDecrypted(UUID bid, UUID lot, UUID member, String packageSha256, String signature, Instant at) {
    }

    public record SelfDecryptRefused(UUID bid, UUID lot, UUID member, String rule, String packageSha256, Instant at) {
    }

    /** 撤销: the bid failed at the opening by its bidder's fault (bad signature, wrong recipient, corrupt package). */
    public record BidRevokedAtOpening(UUID bid, UUID lot, UUID member, String cause, Instant at) {
    }

    /** 撤回: the bid could not be opened for a cause that is not its bidder's. */
    public record BidWithdrawnAtOpening(UUID bid, UUID lot, UUID member, String cause, Instant at) {
    }

    public record OpeningRecordConfirmed(UUID lot, UUID member, Instant at) {
    }

    public record OpeningObjectionRaised(UUID objection, UUID lot, UUID member, Instant at) {
    }

    public record OpeningObjectionAnswered(UUID objection, UUID lot, UUID by, Instant at) {
    }
}
