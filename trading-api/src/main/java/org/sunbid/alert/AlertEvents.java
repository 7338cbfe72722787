package org.sunbid.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Past-tense events of the collusion alerts, for the supervision log; bidders are named only once a case is confirmed. */
public final class AlertEvents {

    private AlertEvents() {
    }

    /** The signals of an opened lot were computed (after the opening, or again on demand). */
    public record LotSignalsComputed(UUID lot, int signals, int score, boolean alert, Instant at) {
    }

    public record AlertRaised(UUID alert, UUID lot, int score, Instant at) {
    }

    public record AlertInvestigationStarted(UUID alert, UUID lot, UUID by, String reasonSha256, Instant at) {
    }

    public record AlertDismissed(UUID alert, UUID lot, UUID by, String reasonSha256, Instant at) {
    }

    public record AlertConfirmed(UUID alert, UUID lot, UUID by, List<UUID> bidders, String reasonSha256, Instant at) {
    }

    public record AlertDocumentAdded(UUID alert, UUID lot, UUID by, String sha256, Instant at) {
    }
}
