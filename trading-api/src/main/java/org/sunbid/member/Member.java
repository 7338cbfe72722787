package org.sunbid.member;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.sunbid.identity.AccountId;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;

/**
 * A registered company or expert and its review state. Status changes only through the review acts below, each
 * refusing the statuses it does not start from.
 */
public final class Member {

    private final MemberId id;
    private final Role role;
    private MemberStatus status;
    private CompanyProfile company;
    private ExpertProfile expert;
    private String statusReason;
    private AccountId reviewedBy;
    private Instant reviewedAt;
    private AccountId approvedBy;
    private Instant approvedAt;
    private final Instant registeredAt;
    private Instant updatedAt;

    private Member(MemberId id, Role role, MemberStatus status, CompanyProfile company, ExpertProfile expert,
            Instant registeredAt) {
        this.id = Objects.requireNonNull(id);
        this.role = Objects.requireNonNull(role);
        this.status = status;
        this.company = company;
        this.expert = expert;
        this.registeredAt = registeredAt;
        this.updatedAt = registeredAt;
    }

    /** A company that has just registered, waiting for review. */
    public static Member registerCompany(MemberId id, Role role, CompanyProfile profile, Instant at) {
        if (!role.isMemberRole() || role == Role.EXPERT) {
            throw new IllegalArgumentException("not a company role: " + role);
        }
        return new Member(id, role, MemberStatus.PENDING, Objects.requireNonNull(profile), null, at);
    }

    /** An expert who has just registered, waiting for review. */
    public static Member registerExpert(MemberId id, ExpertProfile profile, Instant at) {
        return new Member(id, Role.EXPERT, MemberStatus.PENDING, null, Objects.requireNonNull(profile), at);
    }

    /** Rebuilds a stored member (for the repository). */
    public static Member restore(MemberId id, Role role, MemberStatus status, CompanyProfile company, ExpertProfile expert,
            String statusReason, AccountId reviewedBy, Instant reviewedAt, AccountId approvedBy, Instant approvedAt,
            Instant registeredAt, Instant updatedAt) {
        Member m = new Member(id, role, status, company, expert, registeredAt);
        m.statusReason = statusReason;
        m.reviewedBy = reviewedBy;
        m.reviewedAt = reviewedAt;
        m.approvedBy = approvedBy;
        m.approvedAt = approvedAt;
        m.updatedAt = updatedAt;
        return m;
    }

    public void approve(AccountId by, Instant at) {
        require("approved", MemberStatus.PENDING);
        review(MemberStatus.APPROVED, null, by, at);
        approvedBy = by;
        approvedAt = at;
    }

    public void returnForCorrection(String reason, AccountId by, Instant at) {
        require("returned", MemberStatus.PENDING);
        review(MemberStatus.RETURNED, reason, by, at);
    }

    public void suspend(String reason, AccountId by, Instant at) {
        require("suspended", MemberStatus.APPROVED);
        review(MemberStatus.SUSPENDED, reason, by, at);
    }

    public void reinstate(String reason, AccountId by, Instant at) {
        require("reinstated", MemberStatus.SUSPENDED);
        review(MemberStatus.APPROVED, reason, by, at);
    }

    public void cancel(String reason, AccountId by, Instant at) {
        require("cancelled", MemberStatus.PENDING, MemberStatus.APPROVED, MemberStatus.RETURNED, MemberStatus.SUSPENDED);
        review(MemberStatus.CANCELLED, reason, by, at);
    }

    /**
     * The member changes its own company profile. A returned member goes back to review; an approved one too when a
     * verified field changed. Returns whether the member is now waiting for review because of this change.
     */
    public boolean changeProfile(CompanyProfile changed, Instant at) {
        require("changed", MemberStatus.PENDING, MemberStatus.APPROVED, MemberStatus.RETURNED);
        if (company == null) {
            throw new IllegalArgumentException("an expert has no company profile");
        }
        boolean verifiedChanged = !changed.verifiedFieldsChangedFrom(company).isEmpty();
        company = changed;
        updatedAt = at;
        return backToReviewIf(verifiedChanged);
    }

    /** The expert changes its own profile; the same review rule applies to its name and identity number. */
    public boolean changeProfile(ExpertProfile changed, Instant at) {
        require("changed", MemberStatus.PENDING, MemberStatus.APPROVED, MemberStatus.RETURNED);
        if (expert == null) {
            throw new IllegalArgumentException("a company has no expert profile");
        }
        boolean verifiedChanged = !changed.name().equals(expert.name()) || !changed.idNumber().equals(expert.idNumber());
        expert = changed;
        updatedAt = at;
        return backToReviewIf(verifiedChanged);
    }

    private boolean backToReviewIf(boolean verifiedChanged) {
        if (status == MemberStatus.RETURNED || (status == MemberStatus.APPROVED && verifiedChanged)) {
            status = MemberStatus.PENDING;
            statusReason = null;
            return true;
        }
        return false;
    }

    private void require(String action, MemberStatus... allowed) {
        for (MemberStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransitionException(status, action);
    }

    private void review(MemberStatus next, String reason, AccountId by, Instant at) {
        status = next;
        statusReason = reason;
        reviewedBy = by;
        reviewedAt = at;
        updatedAt = at;
    }

    public boolean isApproved() {
        return status == MemberStatus.APPROVED;
    }

    public String name() {
        return company != null ? company.name() : expert.name();
    }

    public MemberId id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public MemberStatus status() {
        return status;
    }

    public Optional<CompanyProfile> company() {
        return Optional.ofNullable(company);
    }

    public Optional<ExpertProfile> expert() {
        return Optional.ofNullable(expert);
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    public Optional<AccountId> reviewedBy() {
        return Optional.ofNullable(reviewedBy);
    }

    public Optional<Instant> reviewedAt() {
        return Optional.ofNullable(reviewedAt);
    }

    public Optional<AccountId> approvedBy() {
        return Optional.ofNullable(approvedBy);
    }

    public Optional<Instant> approvedAt() {
        return Optional.ofNullable(approvedAt);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
