package org.sunbid.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.identity.Role;

/**
 * Past-tense events of the member registry, for the supervision log and other features. Each names the actor (the
 * account that acted, or null for the system), the subject member, the time and what changed.
 */
public final class MemberEvents {

    private MemberEvents() {
    }

    public record MemberRegistered(UUID member, Role role, String name, UUID actor, Instant at) {
    }

    public record MemberApproved(UUID member, UUID actor, Instant at) {
    }

    public record MemberReturned(UUID member, String reason, UUID actor, Instant at) {
    }

    public record MemberSuspended(UUID member, String reason, UUID actor, Instant at) {
    }

    public record MemberReinstated(UUID member, String reason, UUID actor, Instant at) {
    }

    public record MemberCancelled(UUID member, String reason, UUID actor, Instant at) {
    }

    /** The member edited its profile; {@code backToReview} when a verified field changed. */
    public record ProfileChanged(UUID member, List<String> fields, boolean backToReview, UUID actor, Instant at) {
    }

    public record QualificationAdded(UUID member, UUID qualification, String kind, String number,
            java.time.LocalDate expiresOn, String scanSha256, UUID actor, Instant at) {
    }

    public record CertificateBound(UUID member, String fingerprint, String algorithm, String subject,
            Instant notAfter, UUID actor, Instant at) {
    }

    public record CertificateRevoked(UUID member, String fingerprint, UUID actor, Instant at) {
    }
}
