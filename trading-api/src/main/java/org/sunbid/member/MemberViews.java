package org.sunbid.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sunbid.identity.AccountId;
import org.sunbid.identity.Role;

/** What the registry shows: to the member itself and staff (full), in lists (summary), and to the public. */
public final class MemberViews {

    private MemberViews() {
    }

    public record Registered(UUID id, MemberStatus status, UUID accountId) {
    }

    public record CompanyDetails(String name, String uscc, MemberForms.Person legalRepresentative,
            MemberForms.Shareholder controllingShareholder, List<CompanyProfile.Contact> contacts, String address,
            String regionCode, String regionName, String businessScope, CompanyProfile.BankAccount bankAccount) {

        static CompanyDetails of(CompanyProfile p) {
            return new CompanyDetails(p.name(), p.uscc().value(),
                    new MemberForms.Person(p.legalRepresentative().name(), p.legalRepresentative().idNumber().value()),
                    p.controllingShareholder().map(c -> new MemberForms.Shareholder(c.name(), c.uscc().value()))
                            .orElse(null),
                    p.contacts(), p.address(), p.region().value(), p.region().name().orElse(null), p.businessScope(),
                    p.bankAccount());
        }
    }

    public record ExpertDetails(String name, String idNumber, String employerUscc, List<String> specialties,
            ExpertTitle title, int yearsInField, String phone, boolean eligibleForPool) {

        static ExpertDetails of(ExpertProfile p) {
            return new ExpertDetails(p.name(), p.idNumber().value(), p.employer() == null ? null : p.employer().value(),
                    p.specialties(), p.title(), p.yearsInField(), p.phone(), p.eligibleForPool());
        }
    }

    /** A member in full, for itself and for staff. */
    public record MemberDetails(UUID id, Role role, MemberStatus status, String statusReason, String name,
            CompanyDetails company, ExpertDetails expert, UUID approvedBy, Instant approvedAt, UUID reviewedBy,
            Instant reviewedAt, Instant registeredAt, Instant updatedAt) {

        public static MemberDetails of(Member m) {
            return new MemberDetails(m.id().value(), m.role(), m.status(), m.statusReason().orElse(null), m.name(),
                    m.company().map(CompanyDetails::of).orElse(null), m.expert().map(ExpertDetails::of).orElse(null),
                    m.approvedBy().map(AccountId::value).orElse(null), m.approvedAt().orElse(null),
                    m.reviewedBy().map(AccountId::value).orElse(null),
                    m.reviewedAt().orElse(null), m.registeredAt(), m.updatedAt());
        }
    }

    /** One line of a staff list. */
    public record MemberSummary(UUID id, Role role, MemberStatus status, String name, String uscc, String regionCode,
            Instant registeredAt) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** An approved agency in the public directory. */
    public record Agency(UUID id, String name, String uscc, String regionCode, String regionName, String address) {
    }

    public record Qualification(UUID id, String kind, String number, String grade, String issuer, LocalDate expiresOn,
            boolean expired, long daysLeft, String scanSha256, String scanType, long scanSize) {
    }

    public record Certificate(UUID id, String fingerprint, String algorithm, String subject, String issuer,
            String serial, Instant notBefore, Instant notAfter, Instant boundAt, Instant revokedAt) {
    }

    /** How two members are linked. */
    public enum Relation {
        /** Both have the same legal representative (by identity number). */
        SAME_LEGAL_REPRESENTATIVE,
        /** The subject's controlling shareholder is this member. */
        CONTROLLED_BY,
        /** This member's controlling shareholder is the subject. */
        CONTROLS,
        /** The subject is an expert employed by this company. */
        EMPLOYER,
        /** This member is an expert employed by the subject. */
        EMPLOYEE
    }

    public record RelatedMember(UUID id, String name, String uscc, Role role, MemberStatus status, Relation relation) {
    }

    /** A member's own company code (null for a person) and the members linked to it. */
    public record Ties(String uscc, List<RelatedMember> related) {
    }

    public record HistoryEntry(long seq, Instant at, UUID actor, String action, String reason, String details) {
    }
}
