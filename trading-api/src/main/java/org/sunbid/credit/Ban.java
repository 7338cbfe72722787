package org.sunbid.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ban (黑名单) on a party taking part in tenders of {@code scope} from {@code startsOn} until before {@code endsOn}.
 * The party is a member id, a unified social credit code / ID number ({@code partyCode}), or both.
 */
public record Ban(UUID id, UUID memberId, String partyCode, BanKind kind, BanScope scope, String reason, String legalBasis,
        LocalDate startsOn, LocalDate endsOn, String authority, String decisionSha256, Instant createdAt,
        Instant revokedAt, String revokeReason) {

    public boolean inForceOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(startsOn) && day.isBefore(endsOn);
    }
}
