package org.sunbid.opening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.sunbid.document.DocumentId;
import org.sunbid.identity.AccountId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * A lot's opening session (开标). It starts at the opening time — or fails at once when fewer than three bids arrived
 * (流标) —, waits for the custodians' shares, decrypts every bid once k shares rebuild the opening key, gives the
 * bidders of bids the platform could not open a self-decryption window, and ends with the signed opening record and
 * its objection period. Each transition refuses the states it does not belong to; see docs/opening.md.
 */
public final class OpeningSession {

    /** Fewer bids than this at the opening time and the lot fails (招标投标法 28, 实施条例 44). */
    public static final int MINIMUM_BIDS = 3;

    /** Where the session stands. */
    public sealed interface State permits NotStarted, WaitingForShares, Decrypting, SelfDecryptWindow, Opened, Failed {
        /** As stored and shown in the hall. */
        String code();
    }

    public record NotStarted() implements State {
        @Override
        public String code() {
            return "NOT_STARTED";
        }
    }

    public record WaitingForShares() implements State {
        @Override
        public String code() {
            return "WAITING_FOR_SHARES";
        }
    }

    /**
     * The k-th share is in: the clustered {@code decrypt-bids} job rebuilds the opening key on the session key's node
     * and decrypts the bids (stored as {@code WAITING_FOR_SHARES} with {@code decryption_started_at}).
     */
    public record Decrypting() implements State {
        @Override
        public String code() {
            return "OPENING";
        }
    }

    /** Some bids await their bidders, who may self-decrypt until {@code until}. */
    public record SelfDecryptWindow(Instant until) implements State {
        public SelfDecryptWindow {
            Objects.requireNonNull(until);
        }

        @Override
        public String code() {
            return "SELF_DECRYPT";
        }
    }

    /**
     * Decryption is over: the signed record is issued; bidders may confirm it or object until {@code objectionsUntil}.
     * {@code selfDecryptUntil} is when the self-decryption window closed, if there was one.
     */
    public record Opened(Instant at, UUID record, Instant objectionsUntil, Instant selfDecryptUntil) implements State {
        @Override
        public String code() {
            return "OPENED";
        }
    }

    /** Why a session failed. */
    public enum FailureCause {
        /** 流标: fewer than {@link #MINIMUM_BIDS} bids at the opening time; nothing is opened. */
        TOO_FEW_BIDS
    }

    public record Failed(FailureCause cause, Instant at) implements State {
        @Override
        public String code() {
            return "FAILED_" + cause.name();
        }
    }

    private final LotId lot;
    private final ProjectId project;
    private final Instant startedAt;
    private State state;
    private final List<ShareRelease> newReleases = new ArrayList<>();

    /**
     * A custodian's release of share {@code index}: the share sealed by the custodian itself to session key {@code key}
     * (CMS) and the custodian's signature over exactly those sealed bytes.
     */
    public record ShareRelease(int index, AccountId custodian, UUID key, byte[] sealedShare, byte[] signature, Instant at) {
        public ShareRelease {
            Objects.requireNonNull(custodian);
            Objects.requireNonNull(key);
            Objects.requireNonNull(sealedShare);
            Objects.requireNonNull(signature);
            Objects.requireNonNull(at);
        }
    }

    private OpeningSession(LotId lot, ProjectId project, Instant startedAt, State state) {
        this.lot = Objects.requireNonNull(lot);
        this.project = Objects.requireNonNull(project);
        this.startedAt = startedAt;
        this.state = Objects.requireNonNull(state);
    }

    /** As stored (the repository's way back). */
    public static OpeningSession restore(LotId lot, ProjectId project, Instant startedAt, State state) {
        return new OpeningSession(lot, project, startedAt, state);
    }

    /** A lot whose session has not started yet. */
    public static OpeningSession notStarted(LotId lot, ProjectId project) {
        return new OpeningSession(lot, project, null, new NotStarted());
    }

    /** Nothing is opened before the opening time. */
    public static void requireDue(Instant openingAt, Instant now) {
        if (now.isBefore(openingAt)) {
            throw OpeningRefused.ruleBroken("opening-not-due", "lotId", "bid.opening.not-due", openingAt);
        }
    }

    /**
     * Starts at the opening time, never before; with fewer than {@link #MINIMUM_BIDS} live bids the lot fails at once.
     */
    public static OpeningSession start(LotId lot, ProjectId project, Instant openingAt, int liveBids, Instant now) {
        requireDue(openingAt, now);
        State first = liveBids < MINIMUM_BIDS ? new Failed(FailureCause.TOO_FEW_BIDS, now) : new WaitingForShares();
        return new OpeningSession(lot, project, now, first);
    }

    /** A custodian may release its share only while the session waits for shares. */
    public void requireWaitingForShares() {
        if (state instanceof NotStarted) {
            throw notStarted();
        }
        if (!(state instanceof WaitingForShares)) {
            throw OpeningRefused.pastStep("opening-finished", "lotId", "bid.opening.finished", state.code());
        }
    }

    /**
     * A custodian releases its share, sealed to the session's current key {@code currentKey} (which already holds the
     * shares {@code sealedToKey}; null when the session has no live key): only while the session waits for shares, and only to that key — a share sealed to a
     * key since retired can never be opened and is refused, so the custodian seals it again. With {@code threshold}
     * shares sealed to the key decryption begins, and this returns true.
     */
    public boolean release(ShareRelease release, SessionKeyId currentKey, Set<Integer> sealedToKey, int threshold) {
        requireWaitingForShares();
        if (currentKey == null || !release.key().equals(currentKey.value())) {
            throw OpeningRefused.pastStep("session-key-retired", "keyId", "bid.share.session-key-retired");
        }
        newReleases.add(release);
        Set<Integer> sealed = new TreeSet<>(sealedToKey);
        sealed.add(release.index());
        if (sealed.size() < threshold) {
            return false;
        }
        beginDecryption();
        return true;
    }

    /** The releases taken since the session was loaded, for its repository to store. */
    public List<ShareRelease> newReleases() {
        return List.copyOf(newReleases);
    }

    /** The k-th share arrived and the opening key is rebuilt (or could not be): decryption begins. */
    public void beginDecryption() {
        requireWaitingForShares();
        state = new Decrypting();
    }

    /**
     * The node holding the session key died before decryption ended: the session waits for shares again (to a new
     * session key); the bids already finished stay finished, the others are queued again.
     */
    public void sessionKeyLost() {
        if (!(state instanceof Decrypting)) {
            throw new IllegalStateException("lot %s is not decrypting but %s".formatted(lot, state.code()));
        }
        state = new WaitingForShares();
    }

    /**
     * A sealed release did not open as its custodian's share, leaving fewer than k good ones: the session waits for
     * shares again (the good ones stay sealed to the same session key) before any bid is touched.
     */
    public void releasesRefused() {
        sessionKeyLost();
    }

    /**
     * Every bid has been tried: with bids awaiting their bidders a single window opens for all of them; otherwise the
     * session is ready for its record ({@link #open}).
     */
    public boolean decrypted(int awaitingBidders, Instant now, Duration window) {
        if (!(state instanceof Decrypting)) {
            throw new IllegalStateException("lot %s is not decrypting but %s".formatted(lot, state.code()));
        }
        if (awaitingBidders > 0) {
            state = new SelfDecryptWindow(now.plus(window));
            return false;
        }
        return true;
    }

    /** A bidder may self-decrypt only inside the window. */
    public void requireSelfDecryptOpen(Instant now) {
        if (state instanceof NotStarted) {
            throw notStarted();
        }
        if (!(state instanceof SelfDecryptWindow window)) {
            throw OpeningRefused.pastStep("self-decrypt-not-open", "bidId", "bid.self-decrypt.not-open");
        }
        if (!now.isBefore(window.until())) {
            throw OpeningRefused.ruleBroken("self-decrypt-window-closed", "package", "bid.self-decrypt.window-closed",
                    window.until());
        }
    }

    /**
     * Whether the window is to be closed now: false when there is none (closed already, or never opened); refused
     * before its end.
     */
    public boolean windowDue(Instant now) {
        if (state instanceof NotStarted) {
            throw notStarted();
        }
        if (!(state instanceof SelfDecryptWindow window)) {
            return false;
        }
        if (now.isBefore(window.until())) {
            throw OpeningRefused.ruleBroken("self-decrypt-window-open", "lotId", "bid.self-decrypt.window-open", window.until());
        }
        return true;
    }

    /** Decryption is over for every bid: the signed record is issued and the objection period begins. */
    public void open(Instant now, DocumentId record, Duration objectionWindow) {
        if (!(state instanceof Decrypting || state instanceof SelfDecryptWindow)) {
            throw new IllegalStateException("lot %s cannot be opened from %s".formatted(lot, state.code()));
        }
        Instant windowUntil = state instanceof SelfDecryptWindow window ? window.until() : null;
        state = new Opened(now, record.value(), now.plus(objectionWindow), windowUntil);
    }

    /** Bidders confirm the record or object to it only once it is issued, and until the objection period ends. */
    public void requireObjectionPeriod(Instant now) {
        if (!(state instanceof Opened opened)) {
            throw OpeningRefused.ruleBroken("opening-record-not-ready", "lotId", "bid.objection.not-ready");
        }
        if (opened.objectionsUntil() != null && !now.isBefore(opened.objectionsUntil())) {
            throw OpeningRefused.ruleBroken("objection-period-over", "lotId", "bid.objection.period-over",
                    opened.objectionsUntil());
        }
    }

    /** The objection period is running (the record is issued and its period not over). */
    public boolean inObjectionPeriod(Instant now) {
        return state instanceof Opened opened && (opened.objectionsUntil() == null || now.isBefore(opened.objectionsUntil()));
    }

    /**
     * Until decryption is over for every bid a bidder sees its own row only: no price, name or count of others, or it
     * could decide whether to self-decrypt knowing the competition.
     */
    public boolean revealsOtherBids() {
        return state instanceof Opened;
    }

    /** The opening has ended: opened (record issued) or failed. */
    public boolean ended() {
        return state instanceof Opened || state instanceof Failed;
    }

    /** Shares, decryption or the self-decryption window are under way. */
    public boolean inSession() {
        return state instanceof WaitingForShares || state instanceof Decrypting || state instanceof SelfDecryptWindow;
    }

    private OpeningRefused notStarted() {
        return OpeningRefused.ruleBroken("opening-not-started", "lotId", "bid.opening.not-started");
    }

    public LotId lot() {
        return lot;
    }

    public ProjectId project() {
        return project;
    }

    public boolean started() {
        return !(state instanceof NotStarted);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public State state() {
        return state;
    }
}
