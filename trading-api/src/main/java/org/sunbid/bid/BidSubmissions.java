package org.sunbid.bid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.BidderSignatures;
import org.sunbid.bid.internal.Bids;
import org.sunbid.bid.internal.CompletionGate;
import org.sunbid.bid.internal.Completions;
import org.sunbid.bid.internal.Lots;
import org.sunbid.bid.internal.ReceiptPdfs;
import org.sunbid.bid.internal.SubmissionRules;
import org.sunbid.bid.internal.UploadDigests;
import org.sunbid.bid.internal.Uploads;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.seal.SealedFiles;
import org.sunbid.signing.timestamp.Timestamp;

/**
 * Sealed submission: resumable streamed uploads, the gate, the platform's deadline, and an instant signed and
 * timestamped receipt once the file and its row are durable. A completion while the bidder has a live bid on the lot
 * replaces it.
 */
@Service
@Transactional
public class BidSubmissions {

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    static final long MAX_SIZE = 4L * 1024 * 1024 * 1024;
    static final int MAX_MANIFEST = 64 * 1024;

    private final Bids bidRows;
    private final Uploads uploads;
    private final Lots lots;
    private final OpeningKeys keys;
    private final SubmissionRules rules;
    private final BidderSignatures signatures;
    private final PlatformTrust trust;
    private final PlatformProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Completions completions;
    private final ReceiptPdfs receiptPdfs;
    private final CompletionGate gate;
    private final UploadDigests digests;

    BidSubmissions(Bids bidRows, Uploads uploads, Lots lots, OpeningKeys keys, SubmissionRules rules,
            BidderSignatures signatures, PlatformTrust trust, PlatformProperties properties,
            ApplicationEventPublisher events, Clock clock, Completions completions, ReceiptPdfs receiptPdfs,
            CompletionGate gate, UploadDigests digests) {
        this.bidRows = bidRows;
        this.uploads = uploads;
        this.lots = lots;
        this.keys = keys;
        this.rules = rules;
        this.signatures = signatures;
        this.trust = trust;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.completions = completions;
        this.receiptPdfs = receiptPdfs;
        this.gate = gate;
        this.digests = digests;
    }

    /** An upload in progress: where to continue. */
    public record UploadState(UUID uploadId, UUID lotId, long size, long received, boolean complete) {
    }

    public UploadState startUpload(CurrentUser bidder, ProjectId project, LotId lot, long size, String sha256) {
        UUID projectId = project.value();
        UUID lotId = lot.value();
        UUID member = bidder.requireMember();
        if (size <= 0 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "bid.upload.size", MAX_SIZE);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw ProblemException.invalid("sha256", "bid.upload.sha256");
        }
        Lots.Lot published = lots.published(projectId, lotId);
        Instant now = clock.instant();
        rules.refuseAfterDeadline(published, now, member);
        keys.certificate(lot);
        rules.gate(member, published);
        UUID id = UUID.randomUUID();
        String file = "bids/" + lotId + "/uploads/" + id + ".part";
        try {
            Path path = properties.dataDir().resolve(file);
            Files.createDirectories(path.getParent());
            Files.createFile(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.insertUpload(new Uploads.UploadRow(id, lotId, projectId, member, bidder.accountId(), size, sha256, 0, file,
                null), now);
        return new UploadState(id, lotId, size, 0, false);
    }

    @Transactional(readOnly = true)
    public UploadState uploadState(CurrentUser bidder, UploadId upload) {
        UUID uploadId = upload.value();
        Uploads.UploadRow u = ownUpload(bidder, uploads.upload(uploadId), uploadId);
        return new UploadState(u.id(), u.lot(), u.expectedSize(), u.received(), u.completedBid() != null);
    }

    /** Appends to one upload run one at a time on this node; the row's compare-and-set guards across nodes. */
    private final java.util.concurrent.ConcurrentHashMap<UUID, java.util.concurrent.locks.ReentrantLock> appending =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Appends bytes at {@code offset}, which must be exactly what the platform has so far (a resumed upload asks
     * first). Bytes arriving after the deadline are refused. The bytes stream to disk outside any transaction, so a
     * deadline rush of slow uploads does not hold the database's connections; the received count then moves from
     * {@code offset} to the new end in one conditional update. The bytes go into the upload's running SHA-256 as they
     * are written ({@link UploadDigests}), which the completion uses when it is provably of the stored bytes.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public UploadState append(CurrentUser bidder, UploadId upload, long offset, InputStream body) {
        UUID uploadId = upload.value();
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

    private record Appending(Uploads.UploadRow upload, Lots.Lot lot) {
    }

    private UploadState appendLocked(CurrentUser bidder, UUID uploadId, long offset, InputStream body) {
        // Each database step runs in its own short transaction: with Spring's transaction synchronisation a query made
        // directly in this (non-transactional) method would keep its connection bound until the method returns.
        org.springframework.transaction.support.TransactionTemplate tx = rules.newTransaction();
        Appending checked = tx.execute(status -> {
            Uploads.UploadRow u = ownUpload(bidder, uploads.upload(uploadId), uploadId);
            if (u.completedBid() != null) {
                throw ProblemException.conflict("upload-complete", "uploadId", "bid.upload.complete");
            }
            if (offset != u.received()) {
                throw offsetMismatch(offset, u.received());
            }
            Lots.Lot lot = lots.published(u.project(), u.lot());
            rules.refuseAfterDeadline(lot, clock.instant(), u.member());
            return new Appending(u, lot);
        });
        Uploads.UploadRow u = checked.upload();
        Path path = properties.dataDir().resolve(u.file());
        // The file is locked while this append writes and commits its count (other nodes sharing the storage wait), and
        // the stored offset is read again under that lock: bytes are only ever written where the row says the upload
        // ends, one writer at a time, so the running digest covers exactly the stored bytes.
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE); var fileLock = channel.lock()) {
            tx.executeWithoutResult(status -> {
                Uploads.UploadRow now = uploads.upload(uploadId).orElseThrow();
                if (now.completedBid() != null) {
                    throw ProblemException.conflict("upload-complete", "uploadId", "bid.upload.complete");
                }
                if (now.received() != offset) {
                    throw offsetMismatch(offset, now.received());
                }
            });
            UploadDigests.Chunk digest = digests.begin(uploadId, offset, path);
            long written = write(channel, offset, u.expectedSize(), body, digest);
            Instant arrived = clock.instant();
            long received = offset + Math.max(0, written);
            UploadState state = tx.execute(status -> {
                rules.refuseAfterDeadline(checked.lot(), arrived, u.member());
                if (!uploads.advanceReceived(uploadId, offset, received, received == u.expectedSize() ? arrived : null)) {
                    throw offsetMismatch(offset, uploads.upload(uploadId).map(Uploads.UploadRow::received).orElse(offset));
                }
                return new UploadState(uploadId, u.lot(), u.expectedSize(), received, false);
            });
            digests.keep(digest, received, u.expectedSize(), path);
            return state;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // another append to this upload on this node (past the per-upload lock in a race): the client retries
            throw ProblemException.conflict("upload-busy", "uploadId", "bid.upload.busy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the body to the file at {@code offset}, each buffer into the running digest once written; returns how many
     * bytes the file holds beyond {@code offset}. A dropped connection keeps what arrived (the client resumes from the
     * stored offset), but then the digest is not kept.
     */
    private static long write(FileChannel channel, long offset, long expectedSize, InputStream body,
            UploadDigests.Chunk digest) throws IOException {
        long written = 0;
        try {
            if (channel.size() > offset) {
                channel.truncate(offset);
            }
            channel.position(offset);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (offset + written + n > expectedSize) {
                    digest.fail();
                    throw ProblemException.invalid("body", "bid.upload.too-long", expectedSize);
                }
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                digest.written(buffer, 0, n);
                written += n;
            }
            channel.force(false);
            return written;
        } catch (IOException e) {
            digest.fail();
            return Math.max(0, channel.size() - offset);
        }
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
    public Receipt complete(CurrentUser bidder, UploadId upload, String manifestBase64, String clientIp) {
        // a few completions at once, the others in turn (a rush must queue, not exhaust the connection pool)
        return gate.run(() -> completeNow(bidder, upload, manifestBase64, clientIp));
    }

    private Receipt completeNow(CurrentUser bidder, UploadId upload, String manifestBase64, String clientIp) {
        UUID uploadId = upload.value();
        org.springframework.transaction.support.TransactionTemplate tx = rules.newTransaction();
        // 1. The slow checks (hash the file, inspect the envelope, verify the manifest) hold no lock and no connection:
        //    once every byte has arrived the file no longer changes (an append needs the stored offset, which is its end).
        Uploads.UploadRow seen = tx.execute(status -> ownUpload(bidder, uploads.upload(uploadId), uploadId));
        if (seen.completedBid() != null) {
            completions.place(seen.completedBid()); // a retry after a crash finishes what the first call left
            receiptPdfs.issueLater(seen.completedBid());
            return tx.execute(status -> bidRows.bidOf(seen.completedBid(), bidder.requireMember())
                    .orElseThrow(() -> ProblemException.notFound("bid", seen.completedBid())).toReceipt());
        }
        // the deadline checked before the slow steps too (and again under the lock): an expired upload has no bytes left
        tx.executeWithoutResult(status -> rules.refuseAfterDeadline(lots.published(seen.project(), seen.lot()), clock.instant(),
                seen.member()));
        if (seen.received() != seen.expectedSize()) {
            throw ProblemException.rule("upload-incomplete", "uploadId", "bid.upload.incomplete", seen.received(),
                    seen.expectedSize());
        }
        Path part = properties.dataDir().resolve(seen.file());
        // kept while the bytes arrived if this node can prove it is of exactly the stored bytes; else the file is read
        String actual = digests.sha256(uploadId, part, seen.expectedSize()).orElseGet(() -> sha256(part));
        if (!actual.equals(seen.expectedSha256())) {
            throw ProblemException.rule("hash-mismatch", "sha256", "bid.upload.hash-mismatch", actual);
        }
        X509Certificate openingCertificate = tx.execute(status -> keys.certificate(LotId.of(seen.lot())));
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
        Bids.BidRow accepted = tx.execute(status -> {
            Uploads.UploadRow u = ownUpload(bidder, uploads.lockUpload(uploadId), uploadId);
            if (u.completedBid() != null) {
                return bidRows.bid(u.completedBid()).orElseThrow();
            }
            if (u.received() != u.expectedSize() || !u.file().equals(seen.file())) {
                throw ProblemException.rule("upload-incomplete", "uploadId", "bid.upload.incomplete", u.received(),
                        u.expectedSize());
            }
            Lots.Lot lot = lots.published(u.project(), u.lot());
            Instant completedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored
            rules.refuseAfterDeadline(lot, completedAt, u.member());
            Instant lastByte = uploads.lastByte(uploadId).orElseThrow();
            rules.gate(u.member(), lot);
            UUID bidId = UUID.randomUUID();
            String file = "bids/" + u.lot() + "/" + bidId + ".sealed";
            Optional<Bid> previous = bidRows.lockLive(LotId.of(u.lot()), MemberId.of(u.member()));
            Timestamp stamp = trust.timestamps().stamp(DigestAlgorithm.SHA256, HexFormat.of().parseHex(actual));
            rules.refuseAfterDeadline(lot, stamp.time(), u.member());
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
            previous.ifPresent(p -> statement.put("replaces", p.id().value().toString()));
            String statementJson = JSON.writeValueAsString(statement);
            byte[] signature = new CmsSigner(trust.documentSigner()).sign(statementJson.getBytes(StandardCharsets.UTF_8),
                    true);
            previous.ifPresent(p -> {
                p.replaceBy(BidId.of(bidId));
                bidRows.save(p);
                events.publishEvent(new BidEvents.BidReplaced(p.id().value(), bidId, u.lot(), u.member(), completedAt));
            });
            Bids.BidRow row = new Bids.BidRow(bidId, u.lot(), u.project(), u.member(), Bid.Status.RECEIVED, actual,
                    u.expectedSize(), file, manifest.signed(), completedAt, statementJson, signature, stamp.token(), null,
                    null, null);
            bidRows.insertBid(row, clientIp, fingerprint, lastByte);
            uploads.completeUpload(uploadId, bidId);
            events.publishEvent(new BidEvents.BidSubmitted(bidId, u.lot(), u.member(), actual, u.expectedSize(), clientIp,
                    fingerprint, completedAt));
            return row;
        });

        // 3. After the commit: the file moved into place. The signed PDF copy of the receipt (the slowest step, and
        //    not what proves the bid: the signed JSON and its RFC 3161 token do) is issued after the answer; the row
        //    keeps it due until then, so a crash cannot lose it (GET /api/bids/{id}/receipt.pdf answers 202 meanwhile).
        completions.place(accepted.id());
        digests.forget(uploadId);
        receiptPdfs.issueLater(accepted.id());
        return tx.execute(status -> bidRows.bid(accepted.id()).orElseThrow().toReceipt());
    }

    private record Manifest(byte[] signed, Map<String, Object> fields) {
    }

    private Manifest manifest(UUID member, String base64) {
        byte[] signed = BidderSignatures.base64("manifest", base64, MAX_MANIFEST);
        byte[] content = signatures.signedContent(member, signed).orElseThrow(() ->
                ProblemException.rule("bad-signature", "manifest", "bid.manifest.bad-signature"));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.readValue(new String(content, StandardCharsets.UTF_8), Map.class);
            return new Manifest(signed, fields);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("manifest", "bid.manifest.not-json");
        }
    }

    /** The file's SHA-256 in hex. */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Uploads.UploadRow ownUpload(CurrentUser bidder, Optional<Uploads.UploadRow> upload, UUID id) {
        UUID member = bidder.requireMember();
        return upload.filter(u -> u.member().equals(member)).orElseThrow(() -> ProblemException.notFound("upload", id));
    }
}
