package org.sunbid.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.DrawStore;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.expert.internal.PlanStore;
import org.sunbid.expert.internal.PoolStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * Who may see what of a committee. Until the evaluation starts, drawn experts' names are sealed: each expert sees
 * its own invitations; staff and the tenderee see counts and states; a regulator sees names only through a reasoned
 * access that is logged. The signed draw record goes to regulators at once.
 */
@Service
@Transactional(readOnly = true)
public class CommitteeViews {

    static final int MIN_REASON = 10;

    private final PlanStore plans;
    private final DrawStore draws;
    private final LibraryStore library;
    private final PoolStore pools;
    private final LotFacts facts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommitteeViews(PlanStore plans, DrawStore draws, LibraryStore library, PoolStore pools, LotFacts facts,
            ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.draws = draws;
        this.library = library;
        this.pools = pools;
        this.facts = facts;
        this.events = events;
        this.clock = clock;
    }

    /** Where the lot's committee stands. */
    public enum Status {
        PLANNED, DRAWN, STAFFED
    }

    /** A seat as others see it: {@code name} is null while names are sealed. */
    public record SeatView(int group, String specialty, int rank, SeatState state, Instant answerDue, String name) {
    }

    public record CommitteeView(UUID lotId, Status status, int planned, int accepted, int invited, int reserves,
            boolean namesSealed, List<SeatView> seats, List<RepresentativeView> representatives) {
    }

    /**
     * A tenderee representative's seat: named by the tenderee in the plan (never sealed); {@code ownAccount} when the
     * seat is a member account of the tenderee's organisation, which takes part in the evaluation itself;
     * {@code vacated} when its holder declared a conflict and no substitute has been named yet.
     */
    public record RepresentativeView(int position, String name, boolean ownAccount, boolean vacated) {
    }

    /** An expert's own invitation. */
    public record InvitationView(UUID seatId, UUID projectId, UUID lotId, String transactionCode, String projectName,
            String lotName, SeatState state, Instant invitedAt, Instant answerDue, Instant answeredAt, String reason) {
    }

    public CommitteeView committee(CurrentUser user, ProjectId project, LotId lotId) {
        LotFacts.Lot lot = facts.lot(project.value(), lotId);
        CommitteePlans.requireOwnerOrCentre(user, lot);
        boolean evaluationStarted = plans.evaluationStartedAt(lot.lot()).isPresent();
        return view(lot, !evaluationStarted);
    }

    /** A regulator reads the names before the evaluation; the access and its reason go into the supervision log. */
    @Transactional
    public CommitteeView disclose(CurrentUser regulator, ProjectId project, LotId lotId, String reason) {
        if (!regulator.is(Role.REGULATOR)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        if (reason == null || reason.strip().length() < MIN_REASON || reason.length() > 1000) {
            throw ProblemException.invalid("reason", "expert.disclosure.reason", MIN_REASON);
        }
        LotFacts.Lot lot = facts.lot(project.value(), lotId);
        events.publishEvent(new ExpertEvents.CommitteeNamesDisclosed(lot.lot(), regulator.accountId(), reason.strip(),
                clock.instant()));
        return view(lot, false);
    }

    private CommitteeView view(LotFacts.Lot lot, boolean sealed) {
        CommitteePlan plan = plans.find(lot.lot()).orElseThrow(() -> ProblemException.notFound("committee plan", lot.lot()));
        List<DrawStore.Seat> seats = draws.seats(lot.lot());
        List<SeatView> views = new ArrayList<>();
        int accepted = 0;
        int invited = 0;
        int reserves = 0;
        for (DrawStore.Seat s : seats) {
            accepted += s.state() == SeatState.ACCEPTED ? 1 : 0;
            invited += s.state() == SeatState.INVITED ? 1 : 0;
            reserves += s.state() == SeatState.RESERVE ? 1 : 0;
            String name = sealed ? null : library.find(s.expert()).map(LibraryStore.Entry::name).orElse("");
            views.add(new SeatView(s.group(), plan.groups().get(s.group()).specialty(), s.rank(), s.state(),
                    s.answerDue(), name));
        }
        Status status = seats.isEmpty() ? Status.PLANNED : accepted >= plan.drawnExperts() ? Status.STAFFED : Status.DRAWN;
        List<RepresentativeView> representatives = plan.representativeSeats().stream()
                .map(r -> new RepresentativeView(r.position(), r.name(), r.ownAccount(), r.vacated())).toList();
        return new CommitteeView(lot.lot().value(), status, plan.drawnExperts(), accepted, invited, reserves, sealed,
                views, representatives);
    }

    /** The expert's own invitations, newest first; nothing about other experts. */
    public List<InvitationView> invitations(CurrentUser expert) {
        UUID me = expert.requireMember();
        List<InvitationView> list = new ArrayList<>();
        for (DrawStore.Seat s : draws.seatsOf(me)) {
            LotFacts.Lot lot = facts.lot(s.project(), s.lot());
            list.add(new InvitationView(s.id(), s.project(), s.lot().value(), lot.transactionCode(), lot.projectName(),
                    lot.lotName(), s.state(), s.invitedAt(), s.answerDue(), s.answeredAt(), s.reason()));
        }
        return list;
    }

    /** The signed draw records of the lot (draw and replacements): to regulators at once, to others after the evaluation starts. */
    public List<String> drawRecords(CurrentUser user, ProjectId project, LotId lotId) {
        LotFacts.Lot lot = facts.lot(project.value(), lotId);
        CommitteePlans.requireOwnerOrCentre(user, lot);
        boolean open = user.is(Role.REGULATOR) || user.is(Role.ADMIN)
                || plans.evaluationStartedAt(lot.lot()).isPresent();
        if (!open) {
            throw ProblemException.forbidden("expert.record.sealed");
        }
        return draws.draws(lot.lot()).stream().map(DrawStore.Draw::record).toList();
    }

    /** The pool file the lot's draw records name by SHA-256, to whoever may read the records, once a draw ran. */
    public Optional<byte[]> drawPool(CurrentUser user, ProjectId project, LotId lot) {
        if (drawRecords(user, project, lot).isEmpty()) {
            return Optional.empty();
        }
        return pools.file(lot);
    }

    public Optional<String> drawRecord(CurrentUser user, ProjectId project, LotId lot, int sequence) {
        List<String> records = drawRecords(user, project, lot);
        return sequence >= 0 && sequence < records.size() ? Optional.of(records.get(sequence)) : Optional.empty();
    }
}
