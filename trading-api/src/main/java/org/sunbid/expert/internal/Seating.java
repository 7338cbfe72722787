package org.sunbid.expert.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunbid.expert.DrawId;
import org.sunbid.expert.ExpertEvents;
import org.sunbid.expert.SeatId;
import org.sunbid.expert.SeatState;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.signing.draw.DrawAlgorithm;

/**
 * Turns a draw's outcome into seats: members are invited at once (answer window, a job at its end, a mail owed by the
 * seat and sent by {@link InvitationMailer} after the commit), reserves wait in rank order. Also invites a promoted
 * reserve.
 */
@Component
public class Seating {

    /**
     * The job that closes answer windows: its subject is a draw (every member it invited, one job per draw) or a seat
     * (a reserve promoted later).
     */
    public static final String ANSWER_DUE = "expert-answer-due";

    private final DrawStore draws;
    private final JobScheduler scheduler;
    private final AnswerWindows answerWindows;
    private final InvitationMailer mailer;
    private final ApplicationEventPublisher events;
    private final Duration window;

    Seating(DrawStore draws, JobScheduler scheduler, AnswerWindows answerWindows, InvitationMailer mailer,
            ApplicationEventPublisher events, @Value("${sunbid.expert.answer-window:PT30M}") Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("sunbid.expert.answer-window must be positive");
        }
        this.draws = draws;
        this.scheduler = scheduler;
        this.answerWindows = answerWindows;
        this.mailer = mailer;
        this.events = events;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * Seats for every pick in one insert; {@code planGroups} maps the draw's group index to the plan's. The members are
     * invited at once under one answer-window job for the whole draw (its subject is the draw id), scheduled once the
     * draw has committed ({@link AnswerWindows}); a reserve promoted later gets its own job (see {@link #invite}).
     */
    public void seat(LotFacts.Lot lot, UUID drawId, int sequence, DrawAlgorithm.Outcome outcome,
            List<Integer> planGroups, Instant now) {
        Map<Integer, Integer> nextRank = new HashMap<>();
        if (sequence > 0) { // the lot's first draw finds no seats: ranks start at 0
            for (DrawStore.Seat s : draws.seats(lot.lot())) {
                nextRank.merge(s.group(), s.rank() + 1, Math::max);
            }
        }
        Instant due = now.plus(window);
        List<DrawStore.Seat> seats = new ArrayList<>(outcome.members().size() + outcome.reserves().size());
        List<DrawStore.Seat> invited = new ArrayList<>(outcome.members().size());
        for (DrawAlgorithm.Pick pick : outcome.members()) {
            DrawStore.Seat seat = seatOf(lot, drawId, pick, planGroups, nextRank).invited(now, due);
            seats.add(seat);
            invited.add(seat);
        }
        for (DrawAlgorithm.Pick pick : outcome.reserves()) {
            seats.add(seatOf(lot, drawId, pick, planGroups, nextRank));
        }
        draws.insertSeats(seats); // an invited seat owes its mail from this insert on
        if (!invited.isEmpty()) {
            answerWindows.afterCommit(new DrawId(drawId), due); // the seats are its durable record: see AnswerWindows
            mailer.nudgeAfterCommit();
        }
        for (DrawStore.Seat seat : invited) {
            told(lot, seat, now);
        }
    }

    private static DrawStore.Seat seatOf(LotFacts.Lot lot, UUID drawId, DrawAlgorithm.Pick pick,
            List<Integer> planGroups, Map<Integer, Integer> nextRank) {
        int group = planGroups.get(pick.group());
        int rank = nextRank.merge(group, 1, Integer::sum) - 1;
        return new DrawStore.Seat(UUID.randomUUID(), lot.lot(), lot.project(), drawId, group, rank,
                UUID.fromString(pick.expert()), SeatState.RESERVE, null, null, null, null);
    }

    /**
     * Invites the seat's expert now (a promoted reserve): the answer window opens, its end is scheduled, the seat owes
     * its mail (sent once this transaction commits, {@link InvitationMailer}).
     */
    public DrawStore.Seat invite(LotFacts.Lot lot, DrawStore.Seat seat, Instant now) {
        Instant due = now.plus(window);
        DrawStore.Seat invited = seat.invited(now, due);
        draws.updateSeat(invited);
        scheduler.schedule(ANSWER_DUE, invited.id().toString(), due);
        mailer.owe(new SeatId(invited.id()), now);
        told(lot, invited, now);
        return invited;
    }

    /** The sealed invitation event (the mail is the seat's: {@link InvitationMailer}). */
    private void told(LotFacts.Lot lot, DrawStore.Seat invited, Instant now) {
        Sealed.publish(events, new ExpertEvents.ExpertInvited(lot.lot(), invited.id(), invited.answerDue(), now));
    }
}
