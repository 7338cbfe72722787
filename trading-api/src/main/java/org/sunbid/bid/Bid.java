package org.sunbid.bid;

import java.time.Instant;
import java.util.Objects;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * A sealed bid once it is received and receipted (投标文件已接收). While it is live ({@link Received}) its bidder may
 * replace it with a new upload (the newer one takes its place) or withdraw it (撤回) before the deadline; the opening
 * then either opens it or ends it: revoked (撤销, the bidder's fault: it cannot be decrypted) or withdrawn at the
 * opening (another cause). Every change starts from a live bid and is final; the transitions are guarded here, so no
 * service can replace a withdrawn bid or withdraw a replaced one. What the opening finds inside a bid (decrypted,
 * signature, price) is the opening's own aggregate ({@code opening.BidDecryption}).
 */
public final class Bid {

    /** The state as stored in {@code bid.status}. */
    public enum Status {
        RECEIVED, REPLACED, WITHDRAWN, REVOKED
    }

    /** Where the bid stands. */
    public sealed interface State {

        Status status();
    }

    /** Received and receipted; live until the opening. */
    public record Received() implements State {
        @Override
        public Status status() {
            return Status.RECEIVED;
        }
    }

    /** Replaced by a newer bid of the same bidder on the same lot, before the deadline. */
    public record Replaced(BidId by) implements State {
        public Replaced {
            Objects.requireNonNull(by);
        }

        @Override
        public Status status() {
            return Status.REPLACED;
        }
    }

    /** Withdrawn by its bidder (撤回) before the deadline, with a signed withdrawal. */
    public record Withdrawn(Instant at) implements State {
        public Withdrawn {
            Objects.requireNonNull(at);
        }

        @Override
        public Status status() {
            return Status.WITHDRAWN;
        }
    }

    /** Ended by the opening itself, revoked or withdrawn, with its cause; it keeps its place in the opening. */
    public record EndedAtOpening(SealedBids.EndAtOpening how, String cause, Instant at) implements State {
        public EndedAtOpening {
            Objects.requireNonNull(how);
            Objects.requireNonNull(at);
        }

        @Override
        public Status status() {
            return how == SealedBids.EndAtOpening.REVOKED ? Status.REVOKED : Status.WITHDRAWN;
        }
    }

    private final BidId id;
    private final ProjectId project;
    private final LotId lot;
    private final MemberId bidder;
    private final Instant receivedAt;
    private State state;

    private Bid(BidId id, ProjectId project, LotId lot, MemberId bidder, Instant receivedAt, State state) {
        this.id = Objects.requireNonNull(id);
        this.project = Objects.requireNonNull(project);
        this.lot = Objects.requireNonNull(lot);
        this.bidder = Objects.requireNonNull(bidder);
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.state = Objects.requireNonNull(state);
    }

    /** A bid just received and receipted. */
    public static Bid received(BidId id, ProjectId project, LotId lot, MemberId bidder, Instant receivedAt) {
        return new Bid(id, project, lot, bidder, receivedAt, new Received());
    }

    /** A bid as stored, in the state it reached (the repository's constructor). */
    public static Bid restore(BidId id, ProjectId project, LotId lot, MemberId bidder, Instant receivedAt,
            State state) {
        return new Bid(id, project, lot, bidder, receivedAt, state);
    }

    /** The bidder's newer bid on the lot takes this one's place. */
    public void replaceBy(BidId newer) {
        if (!isLive()) {
            throw new IllegalStateException("bid " + id + " is " + state.status() + ", not live: it cannot be replaced");
        }
        if (newer.equals(id)) {
            throw new IllegalArgumentException("a bid cannot replace itself");
        }
        state = new Replaced(newer);
    }

    /** Its bidder withdraws it (the deadline is the submission rules' to check); only a live bid can be withdrawn. */
    public void withdraw(Instant at) {
        if (!isLive()) {
            throw notLive();
        }
        state = new Withdrawn(at);
    }

    /**
     * The opening ends the bid with {@code cause}; a bid no longer live (replaced, withdrawn, already ended) is left as
     * it is. Answers whether it changed.
     */
    public boolean endAtOpening(SealedBids.EndAtOpening how, String cause, Instant at) {
        if (!isLive()) {
            return false;
        }
        state = new EndedAtOpening(how, cause, at);
        return true;
    }

    /** Received and neither replaced, withdrawn nor ended: it goes into the opening. */
    public boolean isLive() {
        return state instanceof Received;
    }

    /** Whether the bid counts at its lot's opening: live, or ended by the opening itself. */
    public boolean wentIntoOpening() {
        return state instanceof Received || state instanceof EndedAtOpening;
    }

    /** The refusal when a bid that is no longer live is withdrawn. */
    static ProblemException notLive() {
        return ProblemException.conflict("not-live", "bidId", "bid.withdraw.not-live");
    }

    public BidId id() {
        return id;
    }

    public ProjectId project() {
        return project;
    }

    public LotId lot() {
        return lot;
    }

    public MemberId bidder() {
        return bidder;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public State state() {
        return state;
    }

    public Status status() {
        return state.status();
    }
}
