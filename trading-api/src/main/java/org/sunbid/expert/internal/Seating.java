package org.sunbid.expert.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunbid.expert.ExpertEvents;
import org.sunbid.expert.SeatState;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.signing.draw.DrawAlgorithm;

/**
 * Turns a draw's outcome into seats: members are invited at once (answer window, a job at its end, a notification
 * after the commit), reserves wait in rank order. Also invites a promoted reserve.
 */
@Component
public class Seating {

    /** The job that closes an invitation's answer window. */
    public static final String ANSWER_DUE = "expert-answer-due";

    private final DrawStore draws;
    private final LibraryStore library;
    private final JobScheduler scheduler;
    private final ExpertNotifications notifications;
    private final ApplicationEventPublisher events;
    private final String baseUrl;
    private final Duration window;

    Seating(DrawStore draws, LibraryStore library, JobScheduler scheduler, ExpertNotifications notifications,
            ApplicationEventPublisher events,
            @Value("${sunbid.public-base-url:http://localhost:8080}") String baseUrl,
            @Value("${sunbid.expert.answer-window:PT30M}") Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("sunbid.expert.answer-window must be positive");
        }
        this.draws = draws;
        this.library = library;
        this.scheduler = scheduler;
        this.notifications = notifications;
        this.events = events;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** Seats for every pick; {@code planGroups} maps the draw's group index to the plan's. */
    public void seat(LotFacts.Lot lot, UUID drawId, DrawAlgorithm.Outcome outcome, List<Integer> planGroups,
            Instant now) {
        Map<Integer, Integer> nextRank = new HashMap<>();
        for (DrawStore.Seat s : draws.seats(lot.lot())) {
            nextRank.merge(s.group(), s.rank() + 1, Math::max);
        }
        for (DrawAlgorithm.Pick pick : outcome.members()) {
            int group = planGroups.get(pick.group());
            int rank = nextRank.merge(group, 1, Integer::sum) - 1;
            DrawStore.Seat seat = new DrawStore.Seat(UUID.randomUUID(), lot.lot(), lot.project(), drawId, group, rank,
                    UUID.fromString(pick.expert()), SeatState.RESERVE, null, null, null, null);
            draws.insertSeat(seat);
            invite(lot, seat, now);
        }
        for (DrawAlgorithm.Pick pick : outcome.reserves()) {
            int group = planGroups.get(pick.group());
            int rank = nextRank.merge(group, 1, Integer::sum) - 1;
            draws.insertSeat(new DrawStore.Seat(UUID.randomUUID(), lot.lot(), lot.project(), drawId, group, rank,
                    UUID.fromString(pick.expert()), SeatState.RESERVE, null, null, null, null));
        }
    }

    /** Invites the seat's expert now: the answer window opens, its end is scheduled, the expert is told. */
    public DrawStore.Seat invite(LotFacts.Lot lot, DrawStore.Seat seat, Instant now) {
        Instant due = now.plus(window);
        DrawStore.Seat invited = seat.invited(now, due);
        draws.updateSeat(invited);
        scheduler.schedule(ANSWER_DUE, invited.id().toString(), due);
        Sealed.publish(events, new ExpertEvents.ExpertInvited(lot.lot(), invited.id(), due, now));
        LibraryStore.Entry entry = library.find(seat.expert()).orElse(null);
        ExpertNotifications.Invitation invitation = new ExpertNotifications.Invitation(seat.expert(),
                entry == null ? "" : entry.name(), entry == null ? null : entry.email(), lot.projectName(),
                lot.lotName(), due, baseUrl + "/expert/invitations.html");
        AfterCommit.run(() -> notifications.invited(invitation));
        return invited;
    }
}
