package org.sunbid.opening.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.SealedBids;
import org.sunbid.bid.SealedBids.SealedBid;
import org.sunbid.bid.SealedUntilOpening;
import org.sunbid.opening.BidDecryption;
import org.sunbid.opening.BidDecryption.Checks;
import org.sunbid.opening.BidDecryption.HashCheck;
import org.sunbid.opening.BidDecryption.Stage;
import org.sunbid.opening.DecryptionFailure;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * Decrypts a lot's bids once k shares are in: rebuilds the opening key in memory only (forgotten, with the shares,
 * before this returns), hands it to what other features sealed until the opening, then takes the bids one by one —
 * each bid's stage committed as it goes, so the hall follows it live and a bid's decryption is a unit of its own.
 */
@Component
public class DecryptBids {

    private static final Logger log = LoggerFactory.getLogger(DecryptBids.class);

    private final SealedBids bids;
    private final ReleasedShares released;
    private final BidDecryptions decryptions;
    private final CommittedSteps steps;
    private final PackageVerifier verifier;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private List<SealedUntilOpening> sealedUntilOpening = List.of();

    DecryptBids(SealedBids bids, ReleasedShares released, BidDecryptions decryptions, CommittedSteps steps,
            PackageVerifier verifier, ApplicationEventPublisher events, Clock clock) {
        this.bids = bids;
        this.released = released;
        this.decryptions = decryptions;
        this.steps = steps;
        this.verifier = verifier;
        this.events = events;
        this.clock = clock;
    }

    /** What other features sealed to the lots' opening keys (the supervision log's details), opened with the key. */
    @Autowired(required = false)
    void setSealedUntilOpening(List<SealedUntilOpening> sealed) {
        this.sealedUntilOpening = List.copyOf(sealed);
    }

    /**
     * Decrypts every live bid of the lot with the key the released shares rebuild; returns how many await their
     * bidders. A key that cannot be rebuilt is the platform's fault: every bid then awaits its bidder.
     */
    public int decryptAll(org.sunbid.project.LotId lot, OpeningKeys.LotKey lotKey) {
        SigningKey key = rebuild(lot, lotKey);
        for (SealedUntilOpening sealed : key == null ? List.<SealedUntilOpening>of() : sealedUntilOpening) {
            sealed.openingKeyRebuilt(lot.value(), key);
        }
        List<SealedBid> live = bids.live(lot);
        List<BidDecryption> queue = live.stream()
                .map(b -> BidDecryption.queued(b.id(), lot, b.bidder(), clock.instant())).toList();
        queue.forEach(steps::stage);
        int awaiting = 0;
        for (int i = 0; i < live.size(); i++) {
            if (decryptOne(live.get(i), queue.get(i), key) == Stage.AWAITING_BIDDER) {
                awaiting++;
            }
        }
        return awaiting;
    }

    /**
     * One bid: decrypted, verified and checked against its receipt; revoked or withdrawn at once when that is what the
     * checks say (see {@link BidDecryption#checked}).
     */
    Stage decryptOne(SealedBid bid, BidDecryption decryption, SigningKey key) {
        decryption.decrypting(clock.instant());
        steps.stage(decryption);
        Checks checks = key == null ? Checks.failed(DecryptionFailure.OPENING_KEY_UNAVAILABLE, hashCheck(bid))
                : open(bid, decryption, key);
        Instant at = clock.instant();
        Stage stage = decryption.checked(checks, at);
        decryptions.saveChecks(decryption, at);
        events.publishEvent(new BidEvents.BidChecked(bid.id().value(), bid.lot().value(), checks.decryption().code(),
                checks.signature().name(), checks.hash().name(), at));
        if (decryption.endedByOpening()) {
            decryptions.saveStage(decryption);
            bids.endAtOpening(bid.id(), stage == Stage.REVOKED ? SealedBids.EndAtOpening.REVOKED
                    : SealedBids.EndAtOpening.WITHDRAWN, decryption.reason(), at);
        } else {
            steps.stage(decryption);
        }
        return stage;
    }

    private Checks open(SealedBid bid, BidDecryption decryption, SigningKey key) {
        HashCheck hash = hashCheck(bid);
        Path opened = bid.file().resolveSibling(bid.id() + ".signed");
        OpenResult result = Opener.open(bid.file(), key, opened);
        if (result instanceof OpenResult.Failed failed) {
            return Checks.failed(DecryptionFailure.of(failed.failure()), hash);
        }
        decryption.verifying(clock.instant());
        steps.stage(decryption);
        PackageVerifier.Verified verified = verifier.verify(bid, opened, bid.file().resolveSibling(bid.id() + ".content"));
        return new Checks(new BidDecryption.Decrypted(), verified.signature(), hash, verified.form());
    }

    /** The sealed file against its receipt's hash (a missing file does not match). */
    static HashCheck hashCheck(SealedBid bid) {
        try {
            String hash = Files.exists(bid.file())
                    ? HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(bid.file())) : "";
            return hash.equals(bid.sha256()) ? HashCheck.MATCHES : HashCheck.TAMPERED_AFTER_RECEIPT;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SigningKey rebuild(org.sunbid.project.LotId lot, OpeningKeys.LotKey lotKey) {
        byte[] secret = null;
        try {
            secret = ThresholdKeys.combine(released.of(lot.value()));
            return new SigningKey(OpeningKeys.rebuild(secret, lotKey.certificate()), List.of(lotKey.certificate()));
        } catch (GeneralSecurityException | RuntimeException e) {
            log.error("the opening key of lot {} could not be rebuilt: its bidders may self-decrypt", lot, e);
            return null;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
            released.forget(lot.value());
        }
    }
}
