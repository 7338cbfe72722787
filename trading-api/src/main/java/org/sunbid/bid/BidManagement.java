package org.sunbid.bid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.BidStore;
import org.sunbid.bid.internal.Completions;
import org.sunbid.bid.internal.Lots;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.Visibility;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CertificateDirectory;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.seal.SealedFiles;
import org.sunbid.signing.timestamp.Timestamp;

/**
 * Sealed submission: resumable streamed uploads, the gate, the platform's deadline, and an instant signed and
 * timestamped receipt once the file and its row are durable. A bidder sees only its own bids.
 */
@Service
@Transactional
public class BidManagement {

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    static final long MAX_SIZE = 4L * 1024 * 1024 * 1024;
    static final int MAX_MANIFEST = 64 * 1024;

    private final BidStore store;
    private final Lots lots;
    private final OpeningKeys keys;
    private final List<BidderEligibility> gates;
    private final DepositGate deposits;
    private final List<CertificateDirectory> certificates;
    private final DocumentManagement documents;
    private final AccountManagement accounts;
    private final PlatformTrust trust;
    private final PlatformProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Completions completions;

    BidManagement(BidStore store, Lots lots, OpeningKeys keys, List<BidderEligibility> gates, DepositGate deposits,
            List<CertificateDirectory> certificates, DocumentManagement documents, AccountManagement accounts,
            PlatformTrust trust, PlatformProperties properties, ApplicationEventPublisher events, Clock clock,
            Completions completions) {
        this.completions = completions;
        this.store = store;
        this.lots = lots;
        this.keys = keys;
        this.gates = gates;
        this.deposits = deposits;
        this.certificates = certificates;
        this.documents = documents;
        this.accounts = accounts;
        this.trust = trust;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** An upload in progress: where to continue. */
    public record UploadState(UUID uploadId, UUID lotId, long size, long received, boolean complete) {
    }

    public UploadState startUpload(CurrentUser bidder, UUID projectId, UUID lotId, long size, String sha256) {
        UUID member = bidder.requireMember();
        if (size <= 0 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "bid.upload.size", MAX_SIZE);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw ProblemException.invalid("sha256", "bid.upload.sha256");
        }
        Lots.Lot lot = lots.published(projectId, lotId);
        Instant now = clock.instant();
        refuseAfterDeadline(lot, now, member);
        keys.certificate(lotId);
        gate(member, lot, now);
        UUID id = UUID.randomUUID();
        String file = "bids/" + lotId + "/uploads/" + id + ".part";
        try {
            Path path = properties.dataDir().resolve(file);
            Files.createDirectories(path.getParent());
            Files.createFile(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.insertUpload(new BidStore.UploadRow(id, lotId, projectId, member, bidder.accountId(), size, sha256, 0, file,
                null), now);
        return new UploadState(id, lotId, size, 0, false);
    }

    @Transactional(readOnly = true)
    public UploadState uploadState(CurrentUser bidder, UUID uploadId) {
        BidStore.UploadRow u = ownUpload(bidder, store.upload(uploadId), uploadId);
        return new UploadState(u.id(), u.lot(), u.expectedSize(), u.received(), u.completedBid() != null);
    }

    /** For the short transactions around an append's streaming (field-injected to keep the constructor stable). */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.PlatformTransactionManager transactions;

    /** Appends to one upload run one at a time on this node; the row's compare-and-set guards across nodes. */
    private final java.util.concurrent.ConcurrentHashMap<UUID, java.util.concurrent.locks.ReentrantLock> appending =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Appends bytes at {@code offset}, which must be exactly what the platform has so far (a resumed upload asks
     * first). Bytes arriving after the deadline are refused. The bytes stream to disk outside any transaction, so a
     * deadline rush of slow uploads does not hold the database's connections; the received count then moves from
     * {@code offset} to the new end in one conditional update (and the hash is checked again at completion).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public UploadState append(CurrentUser bidder, UUID uploadId, long offset, InputStream body) {
        var lock = appending.computeIfAbsent(uploadId, id -> new java.util.concurrent.locks.ReentrantLock());
        try {
            if (!lock.tryLock(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw ProblemException.conflict("upload-busy", "uploadId", "bid.upload.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.conflict("upload-busy", "uploadId", "bid.upload.busy");
        }
        try {
            return appendLocked(bidder, uploadId, offset, body);
        } finally {
            lock.unlock();
            if (!lock.hasQueuedThreads()) {
                appending.remove(uploadId, lock);
            }
        }
    }

    private record Appending(BidStore.UploadRow upload, Lots.Lot lot) {
    }

    private UploadState appendLocked(CurrentUser bidder, UUID uploadId, long offset, InputStream body) {
        // Each database step runs in its own short transaction: with Spring's transaction synchronisation a query made
        // directly in this (non-transactional) method would keep its connection bound until the method returns.
        org.springframework.transaction.support.TransactionTemplate tx = shortTransactions();
        Appending checked = tx.execute(status -> {
            BidStore.UploadRow u = ownUpload(bidder, store.upload(uploadId), uploadId);
            if (u.completedBid() != null) {
                throw ProblemException.conflict("upload-complete", "uploadId", "bid.upload.complete");
            }
            if (offset != u.received()) {
                throw offsetMismatch(offset, u.received());
            }
            Lots.Lot lot = lots.published(u.project(), u.lot());
            refuseAfterDeadline(lot, clock.instant(), u.member());
            return new Appending(u, lot);
        });
        BidStore.UploadRow u = checked.upload();
        Path path = properties.dataDir().resolve(u.file());
        long written = 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.position(offset);
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (offset + written + n > u.expectedSize()) {
                    throw ProblemException.invalid("body", "bid.upload.too-long", u.expectedSize());
                }
                out.write(buffer, 0, n);
                written += n;
            }
            out.flush();
            channel.force(false);
        } catch (IOException e) {
            // A dropped connection keeps what arrived; the client resumes from the stored offset.
            try {
                written = Files.size(path) - offset;
            } catch (IOException ignored) {
                written = 0;
            }
        }
        Instant arrived = clock.instant();
        long received = offset + Math.max(0, written);
        return tx.execute(status -> {
            refuseAfterDeadline(checked.lot(), arrived, u.member());
            if (!store.advanceReceived(uploadId, offset, received, received == u.expectedSize() ? arrived : null)) {
                throw offsetMismatch(offset, store.upload(uploadId).map(BidStore.UploadRow::received).orElse(offset));
            }
            return new UploadState(uploadId, u.lot(), u.expectedSize(), received, false);
        });
    }

    private static ProblemException offsetMismatch(long offset, long received) {
        return new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "offset-mismatch", "offset",
                "bid.upload.offset", Map.of("expectedOffset", received), offset, received);
    }

    /**
     * Completes an upload with the bidder's signed submission manifest (a CMS SignedData, base64, whose content is the
     * JSON {@code {"lot":…,"sha256":…,"size":…,"clientTime":…,"fingerprint":{…}}}) and returns the receipt.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Receipt complete(CurrentUser bidder, UUID uploadId, String manifestBase64, String clientIp) {
        org.springframework.transaction.support.TransactionTemplate tx = shortTransactions();
        // 1. The slow checks (hash the file, inspect the envelope, verify the manifest) hold no lock and no connection:
        //    once every byte has arrived the file no longer changes (an append needs the stored offset, which is its end).
        BidStore.UploadRow seen = tx.execute(status -> ownUpload(bidder, store.upload(uploadId), uploadId));
        if (seen.completedBid() != null) {
            completions.finish(seen.completedBid()); // a retry after a crash finishes what the first call left
            return tx.execute(status -> receipt(bidder, seen.completedBid()));
        }
        // the deadline checked before the slow steps too (and again under the lock): an expired upload has no bytes left
        tx.executeWithoutResult(status -> refuseAfterDeadline(lots.published(seen.project(), seen.lot()), clock.instant(),
                seen.member()));
        if (seen.received() != seen.expectedSize()) {
            throw ProblemException.rule("upload-incomplete", "uploadId", "bid.upload.incomplete", seen.received(),
                    seen.expectedSize());
        }
        Path part = properties.dataDir().resolve(seen.file());
        String actual = sha256(part);
        if (!actual.equals(seen.expectedSha256())) {
            throw ProblemException.rule("hash-mismatch", "sha256", "bid.upload.hash-mismatch", actual);
        }
        X509Certificate openingCertificate = tx.execute(status -> keys.certificate(seen.lot()));
        SealedFiles.Inspection inspection = SealedFiles.inspect(part, openingCertificate);
        if (inspection.kind() == SealedFiles.Kind.NOT_SEALED) {
            throw ProblemException.rule("not-sealed", "body", "bid.not-sealed");
        }
        if (!inspection.addressedTo()) {
            throw ProblemException.rule("wrong-opening-key", "body", "bid.wrong-opening-key");
        }
        Manifest manifest = tx.execute(status -> manifest(seen.member(), manifestBase64));
        if (!seen.lot().toString().equals(manifest.fields().get("lot")) || !actual.equals(manifest.fields().get("sha256"))
                || !(manifest.fields().get("size") instanceof Number n && n.longValue() == seen.expectedSize())) {
            throw ProblemException.rule("manifest-mismatch", "manifest", "bid.manifest-mismatch");
        }
        // the machine fingerprint as the bidder signed it (JSON), or none: never the text "null"
        Object signedFingerprint = manifest.fields().get("fingerprint");
        String fingerprint = signedFingerprint == null ? null : JSON.writeValueAsString(signedFingerprint);

        // 2. Under the upload's row lock, in one short transaction: the rules of the moment — the completion is the
        //    instant the bid exists, and it must come before the deadline by the platform clock, as must the RFC 3161
        //    time in its receipt —, the signed and time-stamped JSON receipt, the row. The sealed file stays where it
        //    is until the row has committed (3.): a crash at any instant leaves either nothing done or a committed bid
        //    whose remaining steps a retry, the start-up or the opening finishes.
        BidStore.BidRow accepted = tx.execute(status -> {
            BidStore.UploadRow u = ownUpload(bidder, store.lockUpload(uploadId), uploadId);
            if (u.completedBid() != null) {
                return store.bid(u.completedBid()).orElseThrow();
            }
            if (u.received() != u.expectedSize() || !u.file().equals(seen.file())) {
                throw ProblemException.rule("upload-incomplete", "uploadId", "bid.upload.incomplete", u.received(),
                        u.expectedSize());
            }
            Lots.Lot lot = lots.published(u.project(), u.lot());
            Instant completedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored
            refuseAfterDeadline(lot, completedAt, u.member());
            Instant lastByte = store.lastByte(uploadId).orElseThrow();
            gate(u.member(), lot, completedAt);
            UUID bidId = UUID.randomUUID();
            String file = "bids/" + u.lot() + "/" + bidId + ".sealed";
            Optional<BidStore.BidRow> previous = store.liveBidOf(u.lot(), u.member());
            Timestamp stamp = trust.timestamps().stamp(DigestAlgorithm.SHA256, HexFormat.of().parseHex(actual));
            refuseAfterDeadline(lot, stamp.time(), u.member());
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("type", "sunbid-bid-receipt/1");
            statement.put("bid", bidId.toString());
            statement.put("project", u.project().toString());
            statement.put("lot", u.lot().toString());
            statement.put("member", u.member().toString());
            statement.put("sha256", actual);
            statement.put("size", u.expectedSize());
            statement.put("receivedAt", completedAt.toString());
            statement.put("completedAt", completedAt.toString());
            statement.put("lastByteAt", lastByte.toString());
            statement.put("deadline", lot.bidDeadline().toString());
            statement.put("timestampSerial", stamp.serialNumber().toString(16));
            previous.ifPresent(p -> statement.put("replaces", p.id().toString()));
            String statementJson = JSON.writeValueAsString(statement);
            byte[] signature = new CmsSigner(trust.documentSigner()).sign(statementJson.getBytes(StandardCharsets.UTF_8),
                    true);
            previous.ifPresent(p -> {
                store.markReplaced(p.id(), bidId);
                events.publishEvent(new BidEvents.BidReplaced(p.id(), bidId, u.lot(), u.member(), completedAt));
            });
            BidStore.BidRow row = new BidStore.BidRow(bidId, u.lot(), u.project(), u.member(), "RECEIVED", actual,
                    u.expectedSize(), file, manifest.signed(), completedAt, statementJson, signature, stamp.token(), null,
                    null, null);
            store.insertBid(row, clientIp, fingerprint, lastByte);
            store.completeUpload(uploadId, bidId);
            events.publishEvent(new BidEvents.BidSubmitted(bidId, u.lot(), u.member(), actual, u.expectedSize(), clientIp,
                    fingerprint, completedAt));
            return row;
        });

        // 3. After the commit: the file moved into place and the signed PDF copy of the receipt issued (the slowest
        //    step). Both are idempotent steps of the row; if the PDF fails now it stays due and is issued later.
        completions.finish(accepted.id());
        return tx.execute(status -> toReceipt(store.bid(accepted.id()).orElseThrow()));
    }

    private org.springframework.transaction.support.TransactionTemplate shortTransactions() {
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }

    /**
     * Withdraws a live bid before the deadline; {@code signatureBase64} is a detached CMS signature over
     * {@code sunbid-withdraw:<bid id>}. Answers a withdrawal receipt signed and timestamped like a submission receipt;
     * a repeated withdrawal of the same bid answers the same receipt.
     */
    public WithdrawalReceipt withdraw(CurrentUser bidder, UUID bidId, String signatureBase64) {
        BidStore.BidRow bid = ownBid(bidder, bidId);
        byte[] signature = base64("signature", signatureBase64, MAX_MANIFEST);
        byte[] content = ("sunbid-withdraw:" + bidId).getBytes(StandardCharsets.UTF_8);
        if (verifiedBy(bid.member(), signature, content).isEmpty()) {
            throw ProblemException.rule("bad-signature", "signature", "bid.withdraw.bad-signature");
        }
        Optional<BidStore.WithdrawalRow> earlier = store.withdrawal(bidId);
        if (earlier.isPresent()) {
            return toWithdrawalReceipt(bid, earlier.get());
        }
        Lots.Lot lot = lots.published(bid.project(), bid.lot());
        Instant now = clock.instant();
        refuseAfterDeadline(lot, now, bid.member());
        if (!store.markWithdrawn(bidId, now)) {
            throw ProblemException.conflict("not-live", "bidId", "bid.withdraw.not-live");
        }
        String withdrawalSha256 = HexFormat.of().formatHex(sha256(signature));
        Timestamp stamp = trust.timestamps().stamp(DigestAlgorithm.SHA256, sha256(signature));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("type", "sunbid-bid-withdrawal-receipt/1");
        statement.put("bid", bidId.toString());
        statement.put("project", bid.project().toString());
        statement.put("lot", bid.lot().toString());
        statement.put("member", bid.member().toString());
        statement.put("sha256", bid.sha256());
        statement.put("withdrawalSha256", withdrawalSha256);
        statement.put("withdrawnAt", now.toString());
        statement.put("timestampSerial", stamp.serialNumber().toString(16));
        String statementJson = JSON.writeValueAsString(statement);
        byte[] platformSignature = new CmsSigner(trust.documentSigner()).sign(statementJson.getBytes(StandardCharsets.UTF_8),
                true);
        var pdf = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.BID_WITHDRAWAL_RECEIPT, bidId,
                bid.member(), Visibility.OWNER, PlatformDocuments.bidWithdrawalReceipt(
                        new PlatformDocuments.BidWithdrawalReceipt(lot.transactionCode(), lot.projectName(), lot.lotName(),
                                bidderName(bid.member()), bidId, bid.sha256(), withdrawalSha256, now, stamp.time(),
                                stamp.serialNumber().toString(16)))));
        BidStore.WithdrawalRow row = new BidStore.WithdrawalRow(bidId, signature, statementJson, platformSignature,
                stamp.token(), pdf.id(), now);
        store.insertWithdrawal(row);
        events.publishEvent(new BidEvents.BidWithdrawn(bidId, bid.lot(), bid.member(), now));
        return toWithdrawalReceipt(bid, row);
    }

    /** A withdrawn bid's receipt, to download again (404 for anyone but its bidder, and for a bid not withdrawn). */
    @Transactional(readOnly = true)
    public WithdrawalReceipt withdrawalReceipt(CurrentUser bidder, UUID bidId) {
        BidStore.BidRow bid = ownBid(bidder, bidId);
        return store.withdrawal(bidId).map(w -> toWithdrawalReceipt(bid, w))
                .orElseThrow(() -> ProblemException.notFound("withdrawal receipt", bidId));
    }

    private static WithdrawalReceipt toWithdrawalReceipt(BidStore.BidRow bid, BidStore.WithdrawalRow w) {
        return new WithdrawalReceipt(bid.id(), bid.lot(), w.withdrawnAt(), w.statement(),
                Base64.getEncoder().encodeToString(w.signature()), Base64.getEncoder().encodeToString(w.timestamp()),
                w.receiptDocument());
    }

    private String bidderName(UUID member) {
        return accounts.accountsOfMember(member).stream().findFirst().map(AccountManagement.AccountView::displayName)
                .orElse(member.toString());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<BidView> mine(CurrentUser bidder, UUID lotId) {
        return store.bidsOf(bidder.requireMember(), lotId).stream().map(BidStore.BidRow::view).toList();
    }

    @Transactional(readOnly = true)
    public Receipt receipt(CurrentUser bidder, UUID bidId) {
        return toReceipt(ownBid(bidder, bidId));
    }

    /** Whether the deposit feature holds the bidder's deposit for the lot. */
    @Transactional(readOnly = true)
    public boolean depositSecured(UUID lotId, UUID member) {
        return deposits.secured(org.sunbid.project.LotId.of(lotId), org.sunbid.member.MemberId.of(member));
    }

    private Receipt toReceipt(BidStore.BidRow row) {
        return new Receipt(row.id(), row.lot(), row.sha256(), row.size(), row.receivedAt(), row.receipt(),
                Base64.getEncoder().encodeToString(row.receiptSignature()),
                Base64.getEncoder().encodeToString(row.receiptTimestamp()), row.receiptDocument());
    }

    private BidStore.BidRow ownBid(CurrentUser bidder, UUID bidId) {
        UUID member = bidder.requireMember();
        return store.bid(bidId).filter(b -> b.member().equals(member))
                .orElseThrow(() -> ProblemException.notFound("bid", bidId));
    }

    private static BidStore.UploadRow ownUpload(CurrentUser bidder, Optional<BidStore.UploadRow> upload, UUID id) {
        UUID member = bidder.requireMember();
        return upload.filter(u -> u.member().equals(member)).orElseThrow(() -> ProblemException.notFound("upload", id));
    }

    /** The deadline is one instant: at it and after it nothing is accepted, whatever arrived earlier. */
    private void refuseAfterDeadline(Lots.Lot lot, Instant now, UUID member) {
        if (!now.isBefore(lot.bidDeadline())) {
            throw refused(member, lot, "deadline-passed", "bid.deadline-passed");
        }
    }

    private void gate(UUID member, Lots.Lot lot, Instant now) {
        List<UUID> others = store.otherLiveBidders(lot.lotId(), member);
        for (BidderEligibility g : gates) {
            Optional<BidderEligibility.Refusal> refusal = g.check(member, lot.projectId(), lot.lotId(), others);
            if (refusal.isPresent()) {
                throw refused(member, lot, refusal.get().rule(), refusal.get().messageKey());
            }
        }
        if (!depositSecured(lot.lotId(), member)) {
            throw refused(member, lot, "deposit-not-secured", "bid.deposit-not-secured");
        }
    }

    /** The refusal is logged in a transaction of its own: the refused request's transaction rolls back. */
    private ProblemException refused(UUID member, Lots.Lot lot, String rule, String key) {
        Instant at = clock.instant();
        shortTransactions().executeWithoutResult(status -> events.publishEvent(new BidEvents.BidRefused(lot.lotId(), member,
                rule, at)));
        return ProblemException.rule(rule, "lotId", key);
    }

    private record Manifest(byte[] signed, Map<String, Object> fields) {
    }

    private Manifest manifest(UUID member, String base64) {
        byte[] signed = base64("manifest", base64, MAX_MANIFEST);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Optional<X509Certificate> signer = Optional.empty();
        for (X509Certificate candidate : registered(member)) {
            content.reset();
            SignatureCheck check = CmsVerifier.verify(new ByteArrayInputStream(signed), null, content,
                    VerifyOptions.expecting(candidate));
            if (check instanceof SignatureCheck.Valid) {
                signer = Optional.of(candidate);
                break;
            }
        }
        if (signer.isEmpty()) {
            throw ProblemException.rule("bad-signature", "manifest", "bid.manifest.bad-signature");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.readValue(content.toString(StandardCharsets.UTF_8), Map.class);
            return new Manifest(signed, fields);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("manifest", "bid.manifest.not-json");
        }
    }

    private Optional<X509Certificate> verifiedBy(UUID member, byte[] signature, byte[] content) {
        for (X509Certificate candidate : registered(member)) {
            if (CmsVerifier.verify(signature, content, VerifyOptions.expecting(candidate)) instanceof SignatureCheck.Valid) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    List<X509Certificate> registered(UUID member) {
        return certificates.stream().flatMap(d -> d.certificatesOf(member).stream()).toList();
    }

    private static byte[] base64(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max * 4 / 3 + 8) {
            throw ProblemException.invalid(field, "bid.base64", max);
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "bid.base64", max);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
