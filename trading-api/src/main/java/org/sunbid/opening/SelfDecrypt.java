package org.sunbid.opening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.SealedBids.SealedBid;
import org.sunbid.bid.SealedBids;
import org.sunbid.identity.CurrentUser;
import org.sunbid.opening.internal.BidDecryptions;
import org.sunbid.opening.internal.CommittedSteps;
import org.sunbid.opening.internal.OpeningLots;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.opening.internal.PackageVerifier;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;

/**
 * 投标人自行解密: the bidder of a bid the platform could not open hands over, within the window, the signed package it
 * decrypted with its own key and the content-encryption key its own recipient info yields ({@code bidtool open
 * --export-cek}). The platform opens the sealed file with that key — the GCM tag (or CBC padding) proves the key is
 * this file's — and requires the result to be byte for byte the uploaded package; then the package is verified like
 * any other. A package signed by another key ends the bid as revoked (撤销). Every attempt is recorded.
 */
@Service
@Transactional
public class SelfDecrypt {

    private final OpeningLots lots;
    private final OpeningSessions sessions;
    private final BidDecryptions decryptions;
    private final SealedBids bids;
    private final PackageVerifier verifier;
    private final CommittedSteps steps;
    private final ConcludeOpening conclude;
    private final OpeningHall hall;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SelfDecrypt(OpeningLots lots, OpeningSessions sessions, BidDecryptions decryptions, SealedBids bids,
            PackageVerifier verifier, CommittedSteps steps, ConcludeOpening conclude, OpeningHall hall,
            ApplicationEventPublisher events, Clock clock) {
        this.lots = lots;
        this.sessions = sessions;
        this.decryptions = decryptions;
        this.bids = bids;
        this.verifier = verifier;
        this.steps = steps;
        this.conclude = conclude;
        this.hall = hall;
        this.events = events;
        this.clock = clock;
    }

    public OpeningHall.SessionView selfDecrypt(CurrentUser bidder, ProjectId project, LotId lot, BidId bidId,
            String contentKeyBase64, InputStream packageBytes) {
        OpeningLots.Lot published = lots.published(project, lot);
        MemberId member = MemberId.of(bidder.requireMember());
        SealedBid bid = bids.find(bidId).filter(b -> b.lot().equals(lot) && b.bidder().equals(member))
                .orElseThrow(() -> ProblemException.notFound("bid", bidId.value()));
        OpeningSession session = sessions.lock(lot)
                .orElseThrow(() -> OpeningRefused.ruleBroken("opening-not-started", "lotId", "bid.opening.not-started"));
        Instant now = clock.instant();
        session.requireSelfDecryptOpen(now);
        BidDecryption decryption = decryptions.find(bidId).filter(d -> d.stage() == BidDecryption.Stage.AWAITING_BIDDER)
                .orElseThrow(() -> ProblemException.conflict("self-decrypt-not-needed", "bidId", "bid.self-decrypt.not-needed"));
        byte[] cek = contentKey(contentKeyBase64);
        Path uploaded = bid.file().resolveSibling(bid.id() + ".self-decrypted");
        Path opened = bid.file().resolveSibling(bid.id() + ".self-opened");
        try {
            Received received = receive(packageBytes, uploaded, bid.size());
            if (received.size() == 0) {
                throw ProblemException.invalid("package", "bid.self-decrypt.package-empty");
            }
            if (received.size() < 0) {
                throw refuse(bid, bidder, "package-mismatch", "package", "bid.self-decrypt.package-mismatch", null);
            }
            if (!(Opener.openWithContentKey(bid.file(), cek, opened) instanceof OpenResult.Opened)) {
                throw refuse(bid, bidder, "content-key-mismatch", "contentKey", "bid.self-decrypt.key-mismatch",
                        received.sha256());
            }
            if (!sha256(opened).equals(received.sha256())) {
                throw refuse(bid, bidder, "package-mismatch", "package", "bid.self-decrypt.package-mismatch",
                        received.sha256());
            }
            PackageVerifier.Verified verified = verifier.verify(bid, opened,
                    bid.file().resolveSibling(bid.id() + ".content"));
            decryptions.recordAttempt(bidId, lot, bidder.accountId(), "ACCEPTED", received.sha256(), received.size(), now);
            BidDecryption.Stage stage = decryption.selfDecrypted(verified.signature(), verified.form(), now);
            decryptions.saveChecks(decryption, now);
            events.publishEvent(new BidEvents.BidSelfDecrypted(bidId.value(), lot.value(), member.value(),
                    received.sha256(), verified.signature().name(), now));
            decryptions.saveStage(decryption);
            if (stage == BidDecryption.Stage.REVOKED) {
                bids.endAtOpening(bidId, SealedBids.EndAtOpening.REVOKED, decryption.reason(), now);
            }
        } finally {
            Arrays.fill(cek, (byte) 0);
            deleteQuietly(uploaded);
            deleteQuietly(opened);
        }
        if (decryptions.ofLot(lot).stream().noneMatch(d -> d.stage() == BidDecryption.Stage.AWAITING_BIDDER)) {
            conclude.conclude(session, now);
        }
        return hall.view(bidder, published);
    }

    private static byte[] contentKey(String base64) {
        byte[] cek;
        try {
            cek = Base64.getMimeDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            cek = new byte[0];
        }
        if (cek.length != 16 && cek.length != 32) {
            throw ProblemException.invalid("contentKey", "bid.self-decrypt.key-malformed");
        }
        return cek;
    }

    /** The refused attempt is recorded and logged in a transaction of its own: the request's rolls back. */
    private ProblemException refuse(SealedBid bid, CurrentUser bidder, String rule, String field, String key,
            String sha256) {
        Instant now = clock.instant();
        steps.independently(() -> {
            decryptions.recordAttempt(bid.id(), bid.lot(), bidder.accountId(), rule, sha256, null, now);
            events.publishEvent(new BidEvents.SelfDecryptRefused(bid.id().value(), bid.lot().value(), bid.bidder().value(),
                    rule, sha256, now));
        });
        return ProblemException.rule(rule, field, key);
    }

    /** Bytes received, their SHA-256, or size -1 when more arrived than the sealed file could hold. */
    private record Received(long size, String sha256) {
    }

    private static Received receive(InputStream in, Path target, long limit) {
        MessageDigest digest = DigestAlgorithm.SHA256.newDigest();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    return new Received(-1, null);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the self-decrypted package", e);
        }
        return new Received(total, HexFormat.of().formatHex(digest.digest()));
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover decrypted copy sits in the bid's own folder, which only the platform reads
        }
    }
}
