package org.sunbid.member;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.member.internal.MemberHistory;
import org.sunbid.member.internal.Members;
import org.sunbid.member.internal.Transitions;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * Staff review (审核): approve, return for correction, suspend, reinstate, cancel. Each act is the aggregate's own
 * transition, the member's logins follow it, and it is written to the history and published as an event.
 */
@Service
@Transactional
public class MemberReview {

    private final Members members;
    private final MemberHistory history;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The credit feature's gate: banned parties are refused at approval. */
    private final BanGate bans;

    MemberReview(Members members, MemberHistory history, AccountManagement accounts, ApplicationEventPublisher events,
            Clock clock, BanGate bans) {
        this.members = members;
        this.history = history;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.bans = bans;
    }

    /** Approves a pending member (refused while it or its code is banned) and enables its logins. */
    public MemberViews.MemberDetails approve(MemberId member, AccountId staffId) {
        UUID staff = staffId == null ? null : staffId.value(); // null: the platform itself (seeds, tests)
        UUID memberId = member.value();
        Member m = members.requireForUpdate(memberId);
        Instant now = clock.instant();
        bans.refuseIfBanned(member, now, "member");
        m.company().ifPresent(c -> bans.refuseIfCodeBanned(c.uscc().value(), now, "uscc"));
        Transitions.act(() -> m.approve(staffId, now));
        members.update(m);
        // Enabling bumps the token version (logging the member out): do it only for logins that are disabled.
        if (accounts.accountsOfMember(MemberId.of(memberId)).stream().anyMatch(a -> !a.enabled())) {
            accounts.setMemberEnabled(MemberId.of(memberId), true);
        }
        history.append(memberId, now, staff, "APPROVED", null, Map.of("status", m.status().name()));
        events.publishEvent(new MemberEvents.MemberApproved(memberId, staff, now));
        return MemberViews.MemberDetails.of(m);
    }

    public MemberViews.MemberDetails returnForCorrection(MemberId member, String reason, AccountId staffId) {
        UUID staff = staffId == null ? null : staffId.value(); // null: the platform itself (seeds, tests)
        UUID memberId = member.value();
        return review(memberId, reason, true, staff, "RETURNED", null, (m, why, now) -> m.returnForCorrection(why, staffId, now),
                (why, now) -> new MemberEvents.MemberReturned(memberId, why, staff, now));
    }

    /** Suspends an approved member and disables its logins. */
    public MemberViews.MemberDetails suspend(MemberId member, String reason, AccountId staffId) {
        UUID staff = staffId == null ? null : staffId.value(); // null: the platform itself (seeds, tests)
        UUID memberId = member.value();
        return review(memberId, reason, true, staff, "SUSPENDED", false, (m, why, now) -> m.suspend(why, staffId, now),
                (why, now) -> new MemberEvents.MemberSuspended(memberId, why, staff, now));
    }

    public MemberViews.MemberDetails reinstate(MemberId member, String reason, AccountId staffId) {
        UUID staff = staffId == null ? null : staffId.value(); // null: the platform itself (seeds, tests)
        UUID memberId = member.value();
        return review(memberId, reason, false, staff, "REINSTATED", true, (m, why, now) -> m.reinstate(why, staffId, now),
                (why, now) -> new MemberEvents.MemberReinstated(memberId, why, staff, now));
    }

    /** Cancels a member for good and disables its logins. */
    public MemberViews.MemberDetails cancel(MemberId member, String reason, AccountId staffId) {
        UUID staff = staffId == null ? null : staffId.value(); // null: the platform itself (seeds, tests)
        UUID memberId = member.value();
        return review(memberId, reason, true, staff, "CANCELLED", false, (m, why, now) -> m.cancel(why, staffId, now),
                (why, now) -> new MemberEvents.MemberCancelled(memberId, why, staff, now));
    }

    /** A staff review step on the aggregate. */
    private interface ReviewStep {
        void apply(Member member, String why, Instant now);
    }

    /** The past-tense event a review step publishes. */
    private interface ReviewEvent {
        Object of(String why, Instant now);
    }

    /**
     * One review transition: validated reason, the aggregate's own rule, the row, the logins ({@code enableLogins}
     * null leaves them alone), the history line and the event, in one transaction.
     */
    private MemberViews.MemberDetails review(UUID memberId, String reason, boolean reasonRequired, UUID staff,
            String action, Boolean enableLogins, ReviewStep step, ReviewEvent event) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null && reasonRequired) {
            throw ProblemException.invalid("reason", "member.field.required", "reason");
        }
        Member m = members.requireForUpdate(memberId);
        Instant now = clock.instant();
        Transitions.act(() -> step.apply(m, why, now));
        members.update(m);
        if (enableLogins != null) {
            accounts.setMemberEnabled(MemberId.of(memberId), enableLogins);
        }
        history.append(memberId, now, staff, action, why, Map.of("status", m.status().name()));
        events.publishEvent(event.of(why, now));
        return MemberViews.MemberDetails.of(m);
    }
}
