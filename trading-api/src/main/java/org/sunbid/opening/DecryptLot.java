package org.sunbid.opening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.opening.internal.DecryptBids;
import org.sunbid.opening.internal.DecryptionJobs;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.opening.internal.SessionKeys;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * The clustered {@code decrypt-bids} job's use case, run by whichever node the scheduler hands it to. On the node
 * holding the session key the bids are decrypted (each bid's stage committed as it goes) and the session moves on to
 * the window or the record. Another node hands the lot on while that node lives; once it is gone, the session key is
 * void: unfinished bids go back to the queue, the session waits for shares again and the hall asks the custodians to
 * release again — to a new session key. The opening is delayed, never wrong. A second run changes nothing.
 */
@Service
@Transactional
public class DecryptLot {

    private static final Logger log = LoggerFactory.getLogger(DecryptLot.class);

    private final OpeningSessions sessions;
    private final SessionKeys sessionKeys;
    private final DecryptBids decrypt;
    private final DecryptionJobs jobs;
    private final ConcludeOpening conclude;
    private final OpeningKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration selfDecryptWindow;

    DecryptLot(OpeningSessions sessions, SessionKeys sessionKeys, DecryptBids decrypt, DecryptionJobs jobs,
            ConcludeOpening conclude, OpeningKeys keys, ApplicationEventPublisher events, Clock clock,
            @Value("${sunbid.opening.self-decrypt-window:PT30M}") Duration selfDecryptWindow) {
        if (selfDecryptWindow.isNegative() || selfDecryptWindow.isZero()) {
            throw new IllegalArgumentException("sunbid.opening.self-decrypt-window must be positive");
        }
        this.sessions = sessions;
        this.sessionKeys = sessionKeys;
        this.decrypt = decrypt;
        this.jobs = jobs;
        this.conclude = conclude;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
        this.selfDecryptWindow = selfDecryptWindow;
    }

    /** What one run did (for the scheduler's log and tests). */
    public enum Outcome { DECRYPTED, PASSED_ON, SESSION_KEY_LOST, RELEASES_REFUSED, NOTHING_TO_DO }

    public Outcome run(ProjectId project, LotId lot, int attempt) {
        Optional<OpeningSession> found = sessions.lock(lot);
        if (found.isEmpty() || !(found.get().state() instanceof OpeningSession.Decrypting)) {
            return Outcome.NOTHING_TO_DO;
        }
        OpeningSession session = found.get();
        Instant now = clock.instant();
        Optional<SessionKeys.SessionKey> key = sessionKeys.current(lot);
        if (key.isPresent() && sessionKeys.heldHere(key.get())) {
            return decryptHere(session, key.get(), now);
        }
        if (key.isPresent() && sessionKeys.holderAlive(key.get())) {
            jobs.passOn(project, lot, attempt, now);
            return Outcome.PASSED_ON;
        }
        int sealed = key.map(k -> sessionKeys.released(k).size()).orElse(0);
        key.ifPresent(k -> sessionKeys.retire(k, now));
        decrypt.requeueUnfinished(lot);
        session.sessionKeyLost();
        sessions.save(session);
        log.warn("Opening of lot {}: the node holding its session key is gone; custodians are asked to release again", lot);
        events.publishEvent(new BidEvents.OpeningSessionKeyLost(lot.value(), key.map(SessionKeys.SessionKey::id).orElse(null),
                key.map(SessionKeys.SessionKey::node).orElse(null), sealed, now));
        return Outcome.SESSION_KEY_LOST;
    }

    /**
     * The sweep's run on the node holding the lot's session key ({@code HeldKeySweep}), for a lot whose
     * {@code decrypt-bids} firings the scheduler keeps handing to other nodes: decrypts it here if it is still decrypting
     * and its current key is held here. A session another run has locked (a firing under way) is left to that run; this
     * one never waits for it and never hands anything on.
     */
    public Outcome runHeld(LotId lot) {
        Optional<OpeningSession> found = sessions.lockUnlessLocked(lot);
        if (found.isEmpty() || !(found.get().state() instanceof OpeningSession.Decrypting)) {
            return Outcome.NOTHING_TO_DO;
        }
        Optional<SessionKeys.SessionKey> key = sessionKeys.current(lot);
        if (key.isEmpty() || !sessionKeys.heldHere(key.get())) {
            return Outcome.NOTHING_TO_DO;
        }
        return decryptHere(found.get(), key.get(), clock.instant());
    }

    /** Decrypts the lot's bids on this node, which holds its session key, and moves the session on. */
    private Outcome decryptHere(OpeningSession session, SessionKeys.SessionKey key, Instant now) {
        LotId lot = session.lot();
        if (!decrypt.openingKeyHeld(lot) && refused(lot, key, now)) {
            session.releasesRefused();
            sessions.save(session);
            return Outcome.RELEASES_REFUSED;
        }
        int awaiting = decrypt.decryptAll(lot, key);
        Instant decrypted = clock.instant();
        if (session.decrypted(awaiting, decrypted, selfDecryptWindow)) {
            conclude.conclude(session, decrypted);
        } else {
            sessions.save(session);
            events.publishEvent(new BidEvents.SelfDecryptWindowOpened(lot.value(), session.project().value(), awaiting,
                    ((OpeningSession.SelfDecryptWindow) session.state()).until(), decrypted));
        }
        sessionKeys.finished(lot, decrypted);
        return Outcome.DECRYPTED;
    }

    /**
     * Opens the sealed releases (custodians sealed them themselves, so only now can the platform see whether each is
     * the custodian's share of this lot): a release that is not is void and its custodian is asked again. Returns
     * whether fewer than k good shares remain.
     */
    private boolean refused(LotId lot, SessionKeys.SessionKey key, Instant now) {
        int good = 0;
        for (SessionKeys.Opened opened : sessionKeys.open(key)) {
            if (opened.share() != null) {
                good++;
                continue;
            }
            sessionKeys.discard(key, opened.index());
            log.warn("Opening of lot {}: the release of share {} is void ({}); its custodian is asked again", lot,
                    opened.index(), opened.refusal());
            events.publishEvent(new BidEvents.ShareReleaseRefused(lot.value(), key.id(), opened.index(), opened.refusal(), now));
        }
        return good < keys.key(lot).orElseThrow().threshold();
    }
}
