package org.sunbid.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.expert.internal.PlanStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * The tenderee's representatives on a committee once the plan is frozen. They are the tenderee's own people, named by
 * it, not drawn from the library (招标投标法 第三十七条: the committee is the tenderee's representatives and experts; only
 * the experts are drawn, 第三十七条第三款 and 实施条例 第四十六条). Two changes remain possible, each logged:
 * <ul>
 * <li>a representative named only by name is given the member account of the same person (the registry's name must be
 * the name in the plan) before the evaluation starts, so that they check in, declare and vote online with their own
 * login and certificate; the evaluation does not start while a representative has no account;</li>
 * <li>a representative who declares a conflict at the evaluation withdraws (实施条例 第四十六条第二款: a member with an
 * interest in a bidder withdraws) and the seat is vacated; the tenderee names a substitute into it — a person the
 * member registry lists as employed by the tenderee, with an account — and whoever withdrew is never named to that lot
 * again. Nothing else: a named representative is not changed without a cause the law names (实施条例 第四十六条第三款).</li>
 * </ul>
 */
@Service
@Transactional
public class CommitteeRepresentatives {

    private final PlanStore plans;
    private final LotFacts facts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommitteeRepresentatives(PlanStore plans, LotFacts facts, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.facts = facts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Gives representative seat {@code position} the member account {@code account}: the named person's own account,
     * or a substitute's when the seat was vacated by a declared conflict. The tenderee, its agency or the centre.
     */
    public CommitteeViews.RepresentativeView name(CurrentUser user, ProjectId project, LotId lot, int position,
            MemberId account) {
        LotFacts.Lot l = facts.lot(project.value(), lot);
        CommitteePlans.requireOwnerOrCentre(user, l);
        plans.lock(lot).filter(p -> p.project().equals(project.value()))
                .orElseThrow(() -> ProblemException.notFound("committee plan", lot));
        List<PlanStore.Representative> seats = plans.representatives(lot);
        if (position < 0 || position >= seats.size()) {
            throw ProblemException.notFound("representative", position);
        }
        if (account == null) {
            throw ProblemException.invalid("member", "expert.representative.member-required");
        }
        PlanStore.Representative seat = seats.get(position);
        String name = facts.member(account.value()).map(m -> m.name()).orElse(null);
        if (name == null || !facts.tendereeEmployees(l).contains(account.value())) {
            throw ProblemException.rule("representative-not-of-tenderee", "member",
                    "expert.plan.representative-not-of-tenderee");
        }
        if (plans.recused(lot, account)) {
            throw ProblemException.rule("representative-recused", "member", "expert.representative.recused");
        }
        if (seats.stream().anyMatch(s -> s.position() != position && account.equals(s.member()))) {
            throw ProblemException.rule("representative-twice", "member", "expert.plan.representative-twice");
        }
        if (!seat.vacated()) {
            if (seat.member() != null) {
                throw ProblemException.conflict("representative-already-named", "position",
                        "expert.representative.already-named");
            }
            if (plans.evaluationStartedAt(lot).isPresent()) {
                throw ProblemException.conflict("evaluation-started", "position", "expert.representative.started");
            }
            if (!name.strip().equals(seat.name().strip())) {
                throw ProblemException.rule("representative-name-mismatch", "member",
                        "expert.representative.name-mismatch", seat.name());
            }
        }
        Instant now = clock.instant();
        plans.nameRepresentative(lot, position, name, account);
        events.publishEvent(new ExpertEvents.RepresentativeNamed(lot, position, account.value(), seat.vacated(),
                user.accountId(), now));
        return new CommitteeViews.RepresentativeView(position, name, true, false);
    }

    /**
     * The member, if a representative of the lot, withdraws for a declared conflict: its seat is vacated. Returns false
     * when the member holds no representative seat (then it is a drawn expert).
     */
    public boolean recuse(LotId lot, MemberId member, String reason) {
        if (plans.lock(lot).isEmpty()) {
            return false;
        }
        PlanStore.Representative seat = plans.representatives(lot).stream()
                .filter(s -> member.equals(s.member()) && !s.vacated()).findFirst().orElse(null);
        if (seat == null) {
            return false;
        }
        String why = ExpertAnswers.reason(reason);
        Instant now = clock.instant();
        plans.recuse(lot, seat, why, now);
        events.publishEvent(new ExpertEvents.RepresentativeRecused(lot, seat.position(), member.value(), why, now));
        return true;
    }

    /**
     * Refuses the start of the evaluation while a representative seat has no account (nobody could check in to it) or
     * is vacated; names the seat.
     */
    public void requireSeatsHeld(LotId lot) {
        List<PlanStore.Representative> seats = plans.representatives(lot);
        for (PlanStore.Representative s : seats) {
            if (s.member() == null || s.vacated()) {
                throw ProblemException.rule("representative-without-account", "representatives[" + s.position() + "]",
                        "expert.representative.without-account", s.name());
            }
        }
    }
}
