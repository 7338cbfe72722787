package org.sunbid.expert.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.CommitteePlan;
import org.sunbid.expert.CommitteeRepresentatives;
import org.sunbid.expert.Committees;
import org.sunbid.expert.ExpertAnswers;
import org.sunbid.expert.ExpertEvents;
import org.sunbid.expert.SeatState;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** {@link Committees} over the plan, the seats and the draw records. */
@Component
@Transactional
class CommitteesAdapter implements Committees {

    private final PlanStore plans;
    private final DrawStore draws;
    private final LibraryStore library;
    private final PoolStore pools;
    private final ExpertAnswers answers;
    private final CommitteeRepresentatives representatives;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommitteesAdapter(PlanStore plans, DrawStore draws, LibraryStore library, PoolStore pools, ExpertAnswers answers,
            CommitteeRepresentatives representatives, ApplicationEventPublisher events, Clock clock) {
        this.representatives = representatives;
        this.plans = plans;
        this.draws = draws;
        this.library = library;
        this.pools = pools;
        this.answers = answers;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CommitteeMember> seated(LotId lot) {
        Optional<CommitteePlan> plan = plans.find(lot);
        if (plan.isEmpty()) {
            return List.of();
        }
        List<CommitteeMember> members = new ArrayList<>();
        for (DrawStore.Seat seat : draws.seats(lot)) {
            if (seat.state() == SeatState.ACCEPTED) {
                members.add(new CommitteeMember(new MemberId(seat.expert()),
                        library.find(seat.expert()).map(LibraryStore.Entry::name).orElse(""), Role.DRAWN_EXPERT));
            }
        }
        if (members.size() < plan.get().drawnExperts()) {
            return List.of();
        }
        for (CommitteePlan.RepresentativeSeat seat : plan.get().representativeSeats()) {
            if (seat.vacated()) {
                continue; // its holder declared a conflict; the substitute the tenderee names takes the seat
            }
            members.add(new CommitteeMember(seat.seat(), seat.name(), Role.TENDEREE_REPRESENTATIVE));
        }
        return List.copyOf(members);
    }

    @Override
    public void replace(LotId lot, MemberId member, String reason) {
        if (!representatives.recuse(lot, member, reason)) {
            answers.replace(lot, member, reason);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> drawRecord(LotId lot) {
        return draws.draws(lot).stream().filter(d -> d.sequence() == 0).findFirst().map(DrawStore.Draw::record);
    }

    @Override
    public Optional<byte[]> drawPool(LotId lot) {
        return draws.drawn(lot) ? pools.file(lot) : Optional.empty();
    }

    @Override
    public void evaluationStarted(LotId lot) {
        representatives.requireSeatsHeld(lot);
        if (plans.markEvaluationStarted(lot, clock.instant())) {
            events.publishEvent(new ExpertEvents.EvaluationStarted(lot, clock.instant()));
        }
    }
}
