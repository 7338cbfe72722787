package org.sunbid.credit;

import java.time.LocalDate;
import java.util.UUID;

/** Past-tense events of the credit feature; the supervision log records them. */
public final class CreditEvents {

    private CreditEvents() {
    }

    public record CreditRecordAdded(UUID member, UUID record, CreditRecord.Kind kind, String decisionSha256, UUID by) {
    }

    public record CreditRecordCorrected(UUID member, UUID record, UUID corrected, UUID by) {
    }

    public record CreditRecordRevoked(UUID member, UUID record, String reason, UUID by) {
    }

    public record CorrectionRequested(UUID member, UUID request, UUID record, String reason, UUID by) {
    }

    public record BanImposed(UUID member, UUID ban, String partyCode, BanKind kind, BanScope scope, LocalDate startsOn,
            LocalDate endsOn, String decisionSha256, UUID by) {
    }

    public record BanRevoked(UUID member, UUID ban, String reason, UUID by) {
    }
}
