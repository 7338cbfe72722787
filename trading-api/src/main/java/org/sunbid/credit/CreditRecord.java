package org.sunbid.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A good or bad behaviour record. Bad records are published for six months from {@code effectiveFrom}
 * ({@code publishedUntil}), then kept but no longer listed. A correction is a new record whose {@code corrects}
 * names the old one; the old one then carries {@code supersededBy}.
 */
public record CreditRecord(UUID id, UUID memberId, Kind kind, Severity severity, String description,
        String legalBasis, String decisionSha256, String authority, LocalDate decidedOn, LocalDate effectiveFrom,
        LocalDate effectiveTo, LocalDate publishedUntil, UUID corrects, UUID supersededBy, Instant revokedAt,
        String revokeReason, Instant createdAt) {

    public enum Kind {
        GOOD, BAD
    }

    /** How much a bad record weighs in the score. */
    public enum Severity {
        MINOR(5), SERIOUS(15), GRAVE(30);

        private final int points;

        Severity(int points) {
            this.points = points;
        }

        public int points() {
            return points;
        }
    }

    /** Neither revoked nor replaced by a correction. */
    public boolean current() {
        return revokedAt == null && supersededBy == null;
    }

    /** In force on {@code day}: current, and the day lies within its effective dates. */
    public boolean effectiveOn(LocalDate day) {
        return current() && !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** Listed on the public page on {@code day}: a current bad record within its publication period. */
    public boolean publishedOn(LocalDate day) {
        return kind == Kind.BAD && current() && !day.isBefore(effectiveFrom) && publishedUntil != null
                && day.isBefore(publishedUntil);
    }
}
