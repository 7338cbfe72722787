package org.sunbid.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.DrawStore;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.expert.internal.PlanStore;
import org.sunbid.expert.internal.Sealed;
import org.sunbid.expert.internal.Seating;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * A drawn expert's answer within its window, and what follows a vacated seat: the group's next reserve is invited;
 * with no reserve left, a replacement draw runs. The committee is staffed once every drawn seat has accepted.
 */
@Service
@Transactional
public class ExpertAnswers {

    static final int MAX_REASON = 500;

    private final DrawStore draws;
    private final PlanStore plans;
    private final LotFacts facts;
    private final Seating seating;
    private final ExpertDraws expertDraws;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpertAnswers(DrawStore draws, PlanStore plans, LotFacts facts, Seating seating, ExpertDraws expertDraws,
            ApplicationEventPublisher events, Clock clock) {
        this.draws = draws;
        this.plans = plans;
        this.facts = facts;
        this.seating = seating;
        this.expertDraws = expertDraws;
        this.events = events;
        this.clock = clock;
    }

    /** The expert accepts its invitation in the portal; refused after the window or once answered. */
    public SeatState accept(CurrentUser expert, SeatId seatId) {
        return accept(expert.memberId().map(MemberId::new).orElse(null), seatId, AnswerChannel.PORTAL);
    }

    /** The expert declines in the portal with a reason; the seat goes to the next reserve or a replacement draw. */
    public SeatState decline(CurrentUser expert, SeatId seatId, String reason) {
        return decline(expert.memberId().map(MemberId::new).orElse(null), seatId, reason, AnswerChannel.PORTAL);
    }

    /** The same rules whichever way the answer came; {@code expert} must be the seat's (else 404, as for a stranger). */
    SeatState accept(MemberId expert, SeatId seatId, AnswerChannel via) {
        DrawStore.Seat seat = openInvitation(expert, seatId.value());
        Instant now = clock.instant();
        draws.updateSeat(seat.with(SeatState.ACCEPTED, now, null));
        Sealed.publish(events, new ExpertEvents.InvitationAccepted(seat.lot(), seat.id(), via, now));
        staffedCheck(seat.lot(), now);
        return SeatState.ACCEPTED;
    }

    SeatState decline(MemberId expert, SeatId seatId, String reason, AnswerChannel via) {
        String why = reason(reason);
        DrawStore.Seat seat = openInvitation(expert, seatId.value());
        Instant now = clock.instant();
        draws.updateSeat(seat.with(SeatState.DECLINED, now, why));
        Sealed.publish(events, new ExpertEvents.InvitationDeclined(seat.lot(), seat.id(), why, via, now));
        fill(seat, "declined: " + why, now);
        return SeatState.DECLINED;
    }

    /** The answer window closed: an unanswered invitation expires and its seat is filled. Idempotent. */
    public void expire(SeatId seatId) {
        Optional<DrawStore.Seat> found = draws.lockSeat(seatId.value());
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().state() != SeatState.INVITED || now.isBefore(found.get().answerDue())) {
            return;
        }
        DrawStore.Seat seat = found.get();
        draws.updateSeat(seat.with(SeatState.EXPIRED, null, null));
        Sealed.publish(events, new ExpertEvents.InvitationExpired(seat.lot(), seat.id(), now));
        fill(seat, "no answer", now);
    }

    /** A draw's answer-window job fired: every invitation the draw made still open past its window expires. */
    public void expireUnder(DrawId draw) {
        for (UUID seat : draws.openInvitationsUnder(draw.value())) {
            expire(new SeatId(seat));
        }
    }

    /** Removes a drawn member (absent, a conflict found later) and fills its seat; see {@link Committees#replace}. */
    public void replace(LotId lot, MemberId member, String reason) {
        String why = reason(reason);
        DrawStore.Seat seat = draws.seats(lot).stream()
                .filter(s -> s.expert().equals(member.value()) && (s.state() == SeatState.ACCEPTED || s.state() == SeatState.INVITED))
                .findFirst().orElseThrow(() -> ProblemException.notFound("committee member", member));
        seat = draws.lockSeat(seat.id()).orElseThrow();
        Instant now = clock.instant();
        draws.updateSeat(seat.with(SeatState.REPLACED, seat.answeredAt(), why));
        events.publishEvent(new ExpertEvents.SeatReplaced(lot, seat.id(), why, now));
        fill(seat, "replaced: " + why, now);
    }

    private DrawStore.Seat openInvitation(MemberId expert, UUID seatId) {
        DrawStore.Seat seat = draws.lockSeat(seatId).filter(s -> expert != null && s.expert().equals(expert.value()))
                .filter(s -> s.state() != SeatState.RESERVE && s.state() != SeatState.UNUSED)
                .orElseThrow(() -> ProblemException.notFound("invitation", seatId));
        boolean late = clock.instant().isAfter(seat.answerDue());
        if (seat.state() == SeatState.EXPIRED || seat.state() == SeatState.INVITED && late) {
            throw ProblemException.conflict("answer-window-closed", "seatId", "expert.answer.window-closed",
                    seat.answerDue());
        }
        if (seat.state() != SeatState.INVITED) {
            throw ProblemException.conflict("invitation-answered", "seatId", "expert.answer.answered",
                    seat.state().name());
        }
        return seat;
    }

    private void fill(DrawStore.Seat vacated, String reason, Instant now) {
        LotFacts.Lot lot = facts.lot(vacated.project(), vacated.lot());
        Optional<DrawStore.Seat> reserve = draws.seats(vacated.lot()).stream()
                .filter(s -> s.group() == vacated.group() && s.state() == SeatState.RESERVE)
                .min(Comparator.comparingInt(DrawStore.Seat::rank));
        if (reserve.isPresent()) {
            seating.invite(lot, draws.lockSeat(reserve.get().id()).orElseThrow(), now);
            return;
        }
        try {
            expertDraws.replacement(vacated.lot(), vacated.group(), reason);
        } catch (ProblemException e) {
            events.publishEvent(new ExpertEvents.DrawRefused(vacated.lot(), e.type(),
                    "replacement for group " + vacated.group() + ": " + e.getMessage(), now));
        }
    }

    private void staffedCheck(LotId lot, Instant now) {
        CommitteePlan plan = plans.find(lot).orElseThrow();
        long accepted = draws.seats(lot).stream().filter(s -> s.state() == SeatState.ACCEPTED).count();
        if (accepted == plan.drawnExperts()) {
            events.publishEvent(new ExpertEvents.CommitteeStaffed(lot, (int) accepted, now));
        }
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "expert.reason.required");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "expert.reason.too-long", MAX_REASON);
        }
        return reason.strip();
    }

    /** Seats still open past their window (after a restart the jobs fire late; this catches any left). */
    public List<SeatId> overdue() {
        return draws.overdueInvitations(clock.instant()).stream().map(SeatId::new).toList();
    }
}
