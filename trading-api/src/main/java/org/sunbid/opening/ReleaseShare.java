package org.sunbid.opening;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

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
import org.sunbid.project.LotId;
import org.sunbid.project.ProjectId;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ShareException;

/**
 * A custodian releases its share of the lot's opening key, to any node: the share is sealed at once to the session's
 * current key (made by the node that first needed it, its private key in that node's memory only) and stored only
 * sealed. With k shares sealed to one key, decryption begins as the clustered {@code decrypt-bids} job
 * ({@link DecryptLot}); the request returns at once.
 */
@Service
@Transactional
public class ReleaseShare {

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
     * The share's JSON (opened offline with the custodian's own key, e.g. {@code bidtool open}) and a detached CMS
     * signature over exactly those bytes by the custodian's bound certificate.
     */
    public OpeningHall.SessionView release(CurrentUser custodian, ProjectId project, LotId lot, String shareJson,
            String signatureBase64) {
        OpeningLots.Lot published = lots.published(project, lot);
        OpeningSession session = sessions.lock(lot)
                .orElseThrow(() -> OpeningRefused.ruleBroken("opening-not-started", "lotId", "bid.opening.not-started"));
        session.requireWaitingForShares();
        OpeningKeys.LotKey key = keys.key(lot).orElseThrow();
        Share share = share(shareJson, key);
        byte[] signature = signature(custodian, lot, share, shareJson, signatureBase64);
        Instant now = clock.instant();
        SessionKeys.SessionKey sessionKey = sessionKeys.forRelease(lot, now);
        int sealed = sessionKeys.store(sessionKey, share, now);
        sessions.recordRelease(lot, share.index(), custodian.accountId(), signature, now);
        events.publishEvent(new BidEvents.ShareReleased(lot.value(), share.index(), custodian.accountId(), now));
        if (sealed >= key.threshold()) {
            session.beginDecryption();
            sessions.save(session);
            jobs.decrypt(project, lot, 1, now);
        }
        return hall.view(custodian, published);
    }

    private static Share share(String shareJson, OpeningKeys.LotKey key) {
        Share share;
        try {
            share = Share.fromJson(shareJson == null ? "" : shareJson);
        } catch (ShareException | IllegalArgumentException e) {
            throw ProblemException.invalid("share", "bid.share.malformed");
        }
        if (!share.splitId().equals(key.splitId())) {
            throw ProblemException.rule("share-of-another-lot", "share", "bid.share.other-split");
        }
        if (!share.intact()) {
            throw ProblemException.rule("share-corrupted", "share", "bid.share.corrupted", share.index());
        }
        return share;
    }

    /** The release must be the share's holder's, signed by the certificate it bound. */
    private byte[] signature(CurrentUser custodian, LotId lot, Share share, String shareJson, String signatureBase64) {
        AccountId holder = keys.shareHolder(lot, share.index()).orElseThrow(() ->
                ProblemException.rule("share-of-another-lot", "share", "bid.share.other-split"));
        if (!holder.equals(custodian.account())) {
            throw ProblemException.forbidden("bid.share.not-yours");
        }
        X509Certificate certificate = keys.custodianCertificate(custodian.account())
                .orElseThrow(() -> ProblemException.forbidden("bid.share.not-yours"));
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(String.valueOf(signatureBase64));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("signature", "bid.base64", 65536);
        }
        if (!(CmsVerifier.verify(signature, shareJson.getBytes(StandardCharsets.UTF_8), VerifyOptions.expecting(certificate))
                instanceof SignatureCheck.Valid)) {
            throw ProblemException.rule("bad-signature", "signature", "bid.share.bad-signature");
        }
        return signature;
    }
}
