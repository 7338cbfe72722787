package org.sunbid.opening;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.opening.internal.DecryptionJobs;
import org.sunbid.opening.internal.OpeningLots;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.opening.internal.SessionKeys;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.seal.SealedFiles;

/**
 * A custodian releases its share of the lot's opening key, to any node, sealed by the custodian itself: it fetches
 * the session's current key ({@link #sessionKey}: certificate and the platform's signed binding to this lot), checks
 * it, seals the share to it and signs the sealed bytes; the platform stores that envelope as it came and never sees
 * the share in clear (a clear share is refused). The session key's private key lives in its node's memory only. With
 * k shares sealed to one key, decryption begins as the clustered {@code decrypt-bids} job ({@link DecryptLot}), which
 * opens and checks the releases first; the request returns at once.
 */
@Service
@Transactional
public class ReleaseShare {

    /** Largest sealed share accepted (a share's JSON is a few KB; its envelope a little more). */
    static final int MAX_ENVELOPE_BYTES = 65536;

    /** The session key a custodian seals its share to, as published: check the binding before sealing. */
    public record SessionKeyView(UUID lotId, UUID keyId, String certificate, String binding, String bindingSignature) {
    }

    /**
     * A sealed release: the share sealed to session key {@code keyId} (CMS, Base64) as share {@code index}, and the
     * custodian's detached CMS signature over exactly the sealed bytes (Base64). {@code share}, the share in clear, is
     * refused.
     */
    public record SealedRelease(String share, UUID keyId, Integer index, String sealedShare, String signature) {
    }

    private final OpeningLots lots;
    private final OpeningSessions sessions;
    private final OpeningKeys keys;
    private final SessionKeys sessionKeys;
    private final DecryptionJobs jobs;
    private final OpeningHall hall;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReleaseShare(OpeningLots lots, OpeningSessions sessions, OpeningKeys keys, SessionKeys sessionKeys,
            DecryptionJobs jobs, OpeningHall hall, ApplicationEventPublisher events, Clock clock) {
        this.lots = lots;
        this.sessions = sessions;
        this.keys = keys;
        this.sessionKeys = sessionKeys;
        this.jobs = jobs;
        this.hall = hall;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The session's current key while it waits for shares: the live one, or a new one made by this node (its
     * coordinating node from then on) when there is none or its node is gone.
     */
    public SessionKeyView sessionKey(ProjectId project, LotId lot) {
        lots.published(project, lot);
        waitingSession(lot);
        SessionKeys.SessionKey key = sessionKeys.forRelease(lot, clock.instant());
        return new SessionKeyView(lot.value(), key.id(), Certificates.toPem(key.certificate()), key.binding(),
                Base64.getEncoder().encodeToString(key.bindingSignature()));
    }

    public OpeningHall.SessionView release(CurrentUser custodian, ProjectId project, LotId lot, SealedRelease release) {
        if (release.share() != null) {
            throw ProblemException.rule("clear-share-refused", "share", "bid.share.clear-refused");
        }
        if (release.keyId() == null) {
            throw ProblemException.invalid("keyId", "bid.share.key-id-missing");
        }
        if (release.index() == null) {
            throw ProblemException.invalid("index", "bid.share.index-missing");
        }
        byte[] envelope = base64("sealedShare", release.sealedShare());
        byte[] signature = base64("signature", release.signature());
        OpeningLots.Lot published = lots.published(project, lot);
        OpeningSession session = waitingSession(lot);
        requireHolder(custodian, lot, release.index(), envelope, signature);
        Instant now = clock.instant();
        Optional<SessionKeys.SessionKey> key = sessionKeys.live(lot, now);
        if (key.isPresent() && key.get().id().equals(release.keyId())) {
            requireSealedTo(key.get(), envelope);
        }
        boolean complete = session.release(
                new OpeningSession.ShareRelease(release.index(), custodian.account(), release.keyId(), envelope, signature, now),
                key.map(k -> SessionKeyId.of(k.id())).orElse(null), key.map(sessionKeys::released).orElse(Set.of()),
                keys.key(lot).orElseThrow().threshold());
        sessions.save(session);
        events.publishEvent(new BidEvents.ShareReleased(lot.value(), release.index(), custodian.accountId(), now));
        if (complete) {
            jobs.decrypt(project, lot, 1, now);
        }
        return hall.view(custodian, published);
    }

    /** The envelope must be sealed to the session key alone: anything else could not be opened, or by others too. */
    private static void requireSealedTo(SessionKeys.SessionKey key, byte[] envelope) {
        SealedFiles.Inspection sealed = SealedFiles.inspect(envelope, key.certificate());
        if (sealed.kind() == SealedFiles.Kind.NOT_SEALED || !sealed.addressedTo() || sealed.recipients() != 1) {
            throw ProblemException.rule("not-sealed-to-session-key", "sealedShare", "bid.share.not-sealed");
        }
    }

    private OpeningSession waitingSession(LotId lot) {
        OpeningSession session = sessions.lock(lot)
                .orElseThrow(() -> OpeningRefused.ruleBroken("opening-not-started", "lotId", "bid.opening.not-started"));
        session.requireWaitingForShares();
        return session;
    }

    private static byte[] base64(String field, String value) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "bid.base64", MAX_ENVELOPE_BYTES);
        }
        if (bytes.length == 0 || bytes.length > MAX_ENVELOPE_BYTES) {
            throw ProblemException.invalid(field, "bid.base64", MAX_ENVELOPE_BYTES);
        }
        return bytes;
    }

    /** The release must be the share's holder's, its sealed bytes signed by the certificate it bound. */
    private void requireHolder(CurrentUser custodian, LotId lot, int index, byte[] envelope, byte[] signature) {
        AccountId holder = keys.shareHolder(lot, index).orElseThrow(() ->
                ProblemException.rule("share-of-another-lot", "index", "bid.share.other-split"));
        if (!holder.equals(custodian.account())) {
            throw ProblemException.forbidden("bid.share.not-yours");
        }
        X509Certificate certificate = keys.custodianCertificate(custodian.account())
                .orElseThrow(() -> ProblemException.forbidden("bid.share.not-yours"));
        if (!(CmsVerifier.verify(signature, envelope, VerifyOptions.expecting(certificate)) instanceof SignatureCheck.Valid)) {
            throw ProblemException.rule("bad-signature", "signature", "bid.share.bad-signature");
        }
    }
}
