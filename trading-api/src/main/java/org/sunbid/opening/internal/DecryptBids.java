package org.sunbid.opening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.SealedBids.SealedBid;
import org.sunbid.bid.SealedBids;
import org.sunbid.bid.SealedUntilOpening;
import org.sunbid.opening.BidDecryption.Checks;
import org.sunbid.opening.BidDecryption.HashCheck;
import org.sunbid.opening.BidDecryption.Stage;
import org.sunbid.opening.BidDecryption;
import org.sunbid.opening.DecryptionFailure;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * Decrypts a lot's bids once k shares are sealed to its session key, on the node holding that key (the clustered
 * {@code decrypt-bids} job): rebuilds the opening key in this node's memory only, hands it to what other features
 * sealed until the opening, then takes the bids one by one — each bid's stage committed as it goes, so the hall
 * follows it live and a node killed mid-opening leaves every bid finished or queued.
 */
@Component
public class DecryptBids {

    private static final Logger log = LoggerFactory.getLogger(DecryptBids.class);

    private final SealedBids bids;
    private final OpeningKeys keys;
    private final SessionKeys sessionKeys;
    private final OpeningNode node;
    private final BidDecryptions decryptions;
    private final CommittedSteps steps;
    private final PackageVerifier verifier;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private List<SealedUntilOpening> sealedUntilOpening = List.of();

    DecryptBids(SealedBids bids, OpeningKeys keys, SessionKeys sessionKeys, OpeningNode node, BidDecryptions decryptions, CommittedSteps steps,
            PackageVerifier verifier, ApplicationEventPublisher events, Clock clock) {
        this.bids = bids;
        this.keys = keys;
        this.sessionKeys = sessionKeys;
        this.node = node;
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
     * Goes on with the lot's decryption on the node holding its session key: rebuilds the opening key from the shares
     * sealed to that key (once; it stays in this node's memory only until the session is over), queues every live bid
     * not queued yet, and takes each bid not finished — a bid left half-done by a node that died starts again. Returns
     * how many bids await their bidders. A key that cannot be rebuilt is the platform's fault: every bid then awaits
     * its bidder.
     */
    public int decryptAll(LotId lot, SessionKeys.SessionKey sessionKey) {
        SigningKey key = node.openingKey(lot.value()).orElseGet(() -> rebuild(lot, sessionKey));
        Map<BidId, SealedBid> live = new LinkedHashMap<>();
        bids.live(lot).forEach(b -> live.put(b.id(), b));
        Map<BidId, BidDecryption> known = new HashMap<>();
        decryptions.ofLot(lot).forEach(d -> known.put(d.bid(), d));
        for (SealedBid bid : live.values()) {
            if (!known.containsKey(bid.id())) {
                BidDecryption queued = BidDecryption.queued(bid.id(), lot, bid.bidder(), clock.instant());
                steps.stage(queued);
                known.put(bid.id(), queued);
            }
        }
        for (BidDecryption decryption : known.values()) {
            SealedBid bid = live.get(decryption.bid());
            if (bid == null || decryption.stage().ended()) {
                continue;
            }
            if (decryption.stage() != Stage.QUEUED) {
                decryption.requeued(clock.instant());
            }
            decryptOne(bid, decryption, key);
        }
        return (int) decryptions.ofLot(lot).stream().filter(d -> d.stage() == Stage.AWAITING_BIDDER).count();
    }

    /** Whether this node already rebuilt the lot's opening key (the releases were opened and checked then). */
    public boolean openingKeyHeld(LotId lot) {
        return node.openingKey(lot.value()).isPresent();
    }

    /** Every bid of the lot not finished goes back to the queue (its decrypting node died). */
    public void requeueUnfinished(LotId lot) {
        for (BidDecryption d : decryptions.ofLot(lot)) {
            if (d.stage() == Stage.DECRYPTING || d.stage() == Stage.VERIFYING) {
                d.requeued(clock.instant());
                steps.stage(d);
            }
        }
    }

    /**
     * One bid: decrypted, verified and checked against its receipt; revoked or withdrawn at once when that is what the
     * checks say (see {@link BidDecryption#checked}). Each stage is committed as it is reached and what was found is
     * committed with the final stage, so a node killed meanwhile leaves the bid either finished or to be taken again.
     */
    Stage decryptOne(SealedBid bid, BidDecryption decryption, SigningKey key) {
        decryption.decrypting(clock.instant());
        steps.stage(decryption);
        Checks checks = key == null ? Checks.failed(DecryptionFailure.OPENING_KEY_UNAVAILABLE, hashCheck(bid))
                : open(bid, key);
        Instant at = clock.instant();
        Stage stage = decryption.checked(checks, at);
        steps.independently(() -> {
            decryptions.saveChecks(decryption, at);
            decryptions.saveStage(decryption);
            events.publishEvent(new BidEvents.BidChecked(bid.id().value(), bid.lot().value(), checks.decryption().code(),
                    checks.signature().name(), checks.hash().name(), at));
            if (decryption.endedByOpening()) {
                bids.endAtOpening(bid.id(), stage == Stage.REVOKED ? SealedBids.EndAtOpening.REVOKED
                        : SealedBids.EndAtOpening.WITHDRAWN, decryption.reason(), at);
            }
        });
        return stage;
    }

    /**
     * One pass over the sealed file: it is hashed (the receipt check) and decrypted on this thread while another thread
     * verifies the decrypted signed package as it arrives and writes the signed content, which the opening keeps. The
     * plaintext never touches the disk before it is verified; the GCM tag is checked at the end of the decryption, and
     * if it fails the content written meanwhile is deleted and the bid is reported as not decrypted.
     */
    private Checks open(SealedBid bid, SigningKey key) {
        Path content = bid.file().resolveSibling(bid.id() + ".content");
        ChunkPipe pipe = new ChunkPipe();
        java.util.concurrent.CompletableFuture<PackageVerifier.Verified> verifying = new java.util.concurrent.CompletableFuture<>();
        Thread verifier = new Thread(() -> {
            try (InputStream plaintext = pipe.input()) {
                verifying.complete(this.verifier.verify(bid, plaintext, content));
            } catch (Throwable t) {
                verifying.completeExceptionally(t);
            }
        }, "bid-verify-" + bid.id().value());
        verifier.setDaemon(true);
        verifier.start();
        HashCheck hash = HashCheck.TAMPERED_AFTER_RECEIPT;
        OpenResult result = null;
        try (java.security.DigestInputStream in = new java.security.DigestInputStream(Files.newInputStream(bid.file()),
                java.security.MessageDigest.getInstance("SHA-256"))) {
            result = Opener.openUnverifiedInto(in, key, pipe.output());
            in.transferTo(java.io.OutputStream.nullOutputStream()); // bytes after the envelope count for the hash
            hash = HexFormat.of().formatHex(in.getMessageDigest().digest()).equals(bid.sha256()) ? HashCheck.MATCHES
                    : HashCheck.TAMPERED_AFTER_RECEIPT;
        } catch (java.nio.file.NoSuchFileException missing) {
            result = new OpenResult.Failed(OpenResult.Failure.IO_ERROR, "the sealed file is missing");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            // the verifying thread always sees an end: the plaintext's, or a failure if it did not decrypt
            if (result instanceof OpenResult.Opened) {
                closeQuietly(pipe);
            } else {
                pipe.fail("the sealed file did not decrypt");
            }
        }
        PackageVerifier.Verified verified;
        try {
            verified = awaitVerification(verifying);
        } catch (PackageVerifier.ContentNotWritten e) {
            log.warn("bid {}: {}", bid.id(), e.getMessage());
            result = result instanceof OpenResult.Failed ? result
                    : new OpenResult.Failed(OpenResult.Failure.IO_ERROR, e.getMessage());
            verified = null;
        }
        if (result instanceof OpenResult.Failed failed) {
            deleteQuietly(content);
            return Checks.failed(DecryptionFailure.of(failed.failure()), hash);
        }
        return new Checks(new BidDecryption.Decrypted(), verified.signature(), hash, verified.form());
    }

    private static void closeQuietly(ChunkPipe pipe) {
        try {
            pipe.output().close();
        } catch (IOException e) {
            pipe.fail(e.getMessage());
        }
    }

    private static PackageVerifier.Verified awaitVerification(
            java.util.concurrent.CompletableFuture<PackageVerifier.Verified> verifying) {
        try {
            return verifying.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a bid was verified", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof PackageVerifier.ContentNotWritten notWritten) {
                throw notWritten;
            }
            throw new IllegalStateException("the bid's verification failed", e.getCause());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file.getFileName(), e);
        }
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

    private SigningKey rebuild(LotId lot, SessionKeys.SessionKey sessionKey) {
        OpeningKeys.LotKey lotKey = keys.key(lot).orElseThrow();
        byte[] secret = null;
        SigningKey key;
        try {
            secret = ThresholdKeys.combine(sessionKeys.open(sessionKey).stream().map(SessionKeys.Opened::share)
                    .filter(java.util.Objects::nonNull).toList());
            key = new SigningKey(OpeningKeys.rebuild(secret, lotKey.certificate()), List.of(lotKey.certificate()));
        } catch (GeneralSecurityException | RuntimeException e) {
            log.error("the opening key of lot {} could not be rebuilt: its bidders may self-decrypt", lot, e);
            return null;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
        node.holdOpeningKey(lot.value(), key);
        for (SealedUntilOpening sealed : sealedUntilOpening) {
            sealed.openingKeyRebuilt(lot, key);
        }
        return key;
    }
}
