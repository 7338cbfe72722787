package org.sunbid.expert.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunbid.expert.SeatId;
import org.sunbid.expert.SeatState;
import org.sunbid.platform.BackgroundWorker;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Sends the invitation mails the seats owe (V360, {@link InvitationMailRows}) through {@link ExpertNotifications}, on
 * a thread of its own: woken after each commit that invited someone, and sweeping at start and every
 * {@code sunbid.expert.invitation-mail.sweep} (mails another node owed, mails left by a node that died). The request
 * thread never talks to the mail server. Each mail is rebuilt from stored data: the seat, the expert's library entry,
 * the lot's names, and the signed answer links (deterministic for the seat, expert and window: {@link AnswerLinks}).
 * <p>
 * A sender claims a few owed mails for a lease (one committed statement with {@code FOR UPDATE SKIP LOCKED}, so two
 * nodes never take the same mail), sends them outside any transaction, then marks each sent. A failed attempt is owed
 * again after a doubling backoff; after {@code attempts} it is given up with a WARN and its error kept on the seat for
 * staff (the seat stays invited: the expert can still answer in the portal). A node dying between the send and the
 * mark leaves the mail owed again at the end of the lease: at least once, never lost. A seat answered, expired or past
 * its window gets no mail.
 */
@Component
public class InvitationMailer extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);
    /** Mails claimed per statement. */
    static final int BATCH = 20;

    private final InvitationMailRows rows;
    private final LibraryStore library;
    private final LotFacts facts;
    private final AnswerLinks links;
    private final ExpertNotifications notifications;
    private final Clock clock;
    private final String portalLink;
    private final int attempts;
    private final Duration backoff;
    private final Duration lease;
    private final Duration sweep;
    /** One pass at a time on this node: {@link #drain()} on a test's thread waits for the sender thread's pass. */
    private final ReentrantLock pass = new ReentrantLock();
    /** The earliest retry this node put off, so the thread wakes for it before the next sweep. */
    private volatile Instant retryAt;

    InvitationMailer(InvitationMailRows rows, LibraryStore library, LotFacts facts, AnswerLinks links,
            ExpertNotifications notifications, Clock clock,
            @Value("${sunbid.public-base-url:http://localhost:8080}") String baseUrl,
            @Value("${sunbid.expert.invitation-mail.attempts:5}") int attempts,
            @Value("${sunbid.expert.invitation-mail.backoff:PT1M}") Duration backoff,
            @Value("${sunbid.expert.invitation-mail.lease:PT5M}") Duration lease,
            @Value("${sunbid.expert.invitation-mail.sweep:PT1M}") Duration sweep) {
        super("expert-invitation-mail", sweep);
        if (attempts < 1 || !positive(backoff) || !positive(lease) || !positive(sweep)) {
            throw new IllegalArgumentException(
                    "sunbid.expert.invitation-mail: attempts must be at least 1, backoff, lease and sweep positive");
        }
        this.rows = rows;
        this.library = library;
        this.facts = facts;
        this.links = links;
        this.notifications = notifications;
        this.clock = clock;
        this.portalLink = baseUrl.replaceAll("/+$", "") + "/expert/invitations.html";
        this.attempts = attempts;
        this.backoff = backoff;
        this.lease = lease;
        this.sweep = sweep;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * The seat, invited in the current transaction, owes its mail; the sender is woken once the transaction commits.
     * (The draw's own seats owe theirs by their insert: {@link DrawStore#insertSeats}.)
     */
    public void owe(SeatId seat, Instant at) {
        rows.owe(seat.value(), at);
        nudgeAfterCommit();
    }

    /** Wakes this node's sender once the current transaction has committed (no database work, no mail). */
    public void nudgeAfterCommit() {
        AfterCommit.run(this::wake);
    }

    /**
     * Sends every mail owed at the call, on the calling thread (after the pass of this node's sender thread, if one is
     * under way); returns how many were sent. The sender thread calls it; tests call it instead of waiting.
     */
    public int drain() {
        pass.lock();
        try {
            return sendOwed(clock.instant());
        } finally {
            pass.unlock();
        }
    }

    /** Mails owed now or later (monitoring, tests). */
    public long owed() {
        return rows.owed();
    }

    private int sendOwed(Instant now) {
        for (InvitationMailRows.Dropped d : rows.dropClosed(now)) {
            if (d.state() == SeatState.INVITED || d.state() == SeatState.EXPIRED) {
                log.warn("invitation of seat {} was never mailed: its answer window closed first", d.seat());
            } else {
                log.info("invitation of seat {} not mailed: the seat is {} already", d.seat(), d.state());
            }
        }
        int sent = 0;
        while (true) { // each claim takes rows owed at the pass's start; a put-off row is owed later: the loop ends
            List<InvitationMailRows.Owed> claimed = rows.claim(now, clock.instant().plus(lease), BATCH);
            if (claimed.isEmpty()) {
                return sent;
            }
            Map<UUID, LibraryStore.Entry> entries = library.findAll(claimed.stream()
                    .map(InvitationMailRows.Owed::expert).toList());
            Map<LotId, LotFacts.Lot> lots = new HashMap<>();
            for (InvitationMailRows.Owed owed : claimed) {
                if (send(owed, entries.get(owed.expert()), lots)) {
                    sent++;
                }
            }
        }
    }

    /**
     * Sends one claimed mail and records the outcome; true if it went. A fault of the database while recording it
     * propagates: the row stays claimed until its lease ends (sent again then: at least once).
     */
    private boolean send(InvitationMailRows.Owed owed, LibraryStore.Entry entry, Map<LotId, LotFacts.Lot> lots) {
        ExpertNotifications.Delivery delivery;
        try {
            LotFacts.Lot lot = lots.computeIfAbsent(owed.lot(), l -> facts.lot(owed.project(), l));
            delivery = notifications.invited(invitation(owed, entry, lot));
        } catch (RuntimeException e) {
            failed(owed, e);
            return false;
        }
        switch (delivery) {
            case SENT -> rows.sent(owed.seat(), clock.instant());
            case NO_ADDRESS -> rows.failed(owed.seat(), null, "not sent: the expert has no address");
        }
        return delivery == ExpertNotifications.Delivery.SENT;
    }

    /** Owed again after a doubling backoff, or given up after the last attempt (WARN; the seat stays invited). */
    private void failed(InvitationMailRows.Owed owed, RuntimeException e) {
        if (owed.attempt() >= attempts) {
            log.warn("invitation mail of seat {} given up after {} attempts (the seat stays invited): {}",
                    owed.seat(), owed.attempt(), e.toString());
            rows.failed(owed.seat(), null, "given up after " + owed.attempt() + " attempts: " + e);
            return;
        }
        Instant next = clock.instant().plus(backoff.multipliedBy(1L << Math.min(owed.attempt() - 1, 10)));
        log.info("invitation mail of seat {} failed (attempt {}), tried again at {}: {}", owed.seat(), owed.attempt(),
                next, e.toString());
        rows.failed(owed.seat(), next, e.toString());
        Instant earliest = retryAt;
        retryAt = earliest == null || next.isBefore(earliest) ? next : earliest;
    }

    /** The mail of one seat, as the notification port takes it; the links are the ones the answer pages accept. */
    private ExpertNotifications.Invitation invitation(InvitationMailRows.Owed owed, LibraryStore.Entry entry,
            LotFacts.Lot lot) {
        SeatId seat = new SeatId(owed.seat());
        MemberId expert = new MemberId(owed.expert());
        return new ExpertNotifications.Invitation(owed.expert(), entry == null ? "" : entry.name(),
                entry == null ? null : entry.email(), lot.projectName(), lot.lotName(), owed.answerDue(), portalLink,
                links.link(AnswerLinks.Answer.ACCEPT, seat, expert, owed.answerDue()),
                links.link(AnswerLinks.Answer.DECLINE, seat, expert, owed.answerDue()));
    }

    /** The sweep interval, or less if a retry this node put off is due before it. */
    private Duration untilNextPass() {
        Instant retry = retryAt;
        if (retry == null) {
            return sweep;
        }
        Duration until = Duration.between(clock.instant(), retry);
        if (until.compareTo(sweep) >= 0) {
            return sweep;
        }
        retryAt = null; // the pass it wakes for sends it or puts it off again
        return until;
    }

    @Override
    protected Duration pass() {
        drain();
        return untilNextPass();
    }
}
