package org.sunbid.bid.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.DocumentSubject;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;
import org.sunbid.identity.AccountManagement;
import org.sunbid.member.MemberManagement;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;

/**
 * The recoverable steps of a bid's completion. The completion commits the bid's row first (its receipt, signed and
 * time-stamped, is then the bid); moving the sealed file into place and issuing the receipt's signed PDF follow, each
 * idempotent and driven by the row ({@code file_placed}, {@code receipt_document}) — a small outbox, written in the
 * bid's own transaction. The completion places the file before it answers; the PDF is issued after the answer by
 * {@link ReceiptPdfs}. Whatever a crash interrupted is finished by the bidder's retried completion, at start-up, at the
 * deadline and before the opening.
 * Files the database does not know (a crash between creating a file and committing its row) are swept.
 */
@Component
public class Completions {

    private static final Logger log = LoggerFactory.getLogger(Completions.class);
    /** A file younger than this may belong to a transaction still running: never swept. */
    static final Duration SWEEP_GRACE = Duration.ofMinutes(10);

    private final Bids bidRows;
    private final Uploads uploads;
    private final Lots lots;
    private final DocumentManagement documents;
    private final AccountManagement accounts;
    private final MemberManagement members;
    private final PlatformProperties properties;
    private final Clock clock;
    private final UploadDigests digests;
    private final Object issuing = new Object();

    Completions(Bids bidRows, Uploads uploads, Lots lots, DocumentManagement documents, AccountManagement accounts,
            MemberManagement members, PlatformProperties properties, Clock clock, UploadDigests digests) {
        this.bidRows = bidRows;
        this.uploads = uploads;
        this.lots = lots;
        this.documents = documents;
        this.accounts = accounts;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
        this.digests = digests;
    }

    /**
     * Finishes the bid's completion: its file placed, its receipt PDF issued. Idempotent; called outside any
     * transaction (start-up, deadline, opening). A PDF that cannot be issued now stays due (logged) and is issued on the
     * next pass.
     */
    public void finish(UUID bidId) {
        place(bidId);
        issueReceiptIfDue(bidId);
    }

    /** Moves the bid's sealed file into place unless that is done. Idempotent; called after the bid's commit. */
    public void place(UUID bidId) {
        Optional<Bids.Unfinished> u = bidRows.unfinishedBid(bidId);
        if (u.isPresent() && !u.get().placed()) {
            place(u.get());
        }
    }

    /**
     * Issues the receipt's signed PDF unless it is issued. Idempotent and serialised (the worker that issues PDFs after
     * the response, and the start-up, deadline and opening passes, may ask for the same bid); a failure is logged and
     * the PDF stays due. Returns whether the bid's PDF is issued now.
     */
    public boolean issueReceiptIfDue(UUID bidId) {
        synchronized (issuing) {
            Optional<Bids.Unfinished> u = bidRows.unfinishedBid(bidId);
            if (u.isEmpty() || u.get().receiptIssued()) {
                return true;
            }
            try {
                issueReceipt(bidId);
                return true;
            } catch (RuntimeException e) {
                log.error("bid {} accepted, but its receipt PDF could not be issued yet; it stays due", bidId, e);
                return false;
            }
        }
    }

    /** Finishes every bid with a step left (of one lot, or of all lots when {@code lot} is null). */
    public int finishAll(UUID lot) {
        List<Bids.Unfinished> due = bidRows.unfinished(lot);
        due.forEach(b -> finish(b.bid()));
        return due.size();
    }

    private void place(Bids.Unfinished bid) {
        Path target = properties.dataDir().resolve(bid.file());
        Path part = bid.partFile() == null ? null : properties.dataDir().resolve(bid.partFile());
        try {
            if (!Files.exists(target)) {
                if (part == null || !Files.exists(part)) {
                    throw new IllegalStateException("bid %s: neither its sealed file nor its upload is on disk".formatted(
                            bid.bid()));
                }
                Files.createDirectories(target.getParent());
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(target.getParent());
            } else if (part != null) {
                Files.deleteIfExists(part); // moved before a crash; a copy cannot be left behind
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bidRows.markPlaced(bid.bid());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException directoryNotSyncable) {
            // some file systems cannot fsync a directory; the file itself was forced at each append
        }
    }

    /** Issues the receipt PDF unless an earlier attempt issued it and crashed before recording its id. */
    private void issueReceipt(UUID bidId) {
        Bids.BidRow row = bidRows.bid(bidId).orElseThrow();
        Optional<SignedDocument> earlier = documents.forSubject(DocumentSubject.of(bidId)).stream()
                .filter(d -> d.kind() == DocumentKind.BID_RECEIPT).findFirst();
        UUID document = earlier.map(SignedDocument::id).orElseGet(() -> {
            Lots.Lot lot = lots.anyState(row.project(), row.lot());
            var stamp = ((TimestampCheck.Valid) TimestampVerifier.verifyWithoutTrust(row.receiptTimestamp(),
                    java.util.HexFormat.of().parseHex(row.sha256()))).timestamp();
            var company = members.details(MemberId.of(row.member())).company();
            String bidderName = company != null ? company.name() : accounts.accountsOfMember(MemberId.of(row.member())).stream()
                    .findFirst().map(AccountManagement.AccountView::displayName).orElse(row.member().toString());
            String uscc = company == null ? "" : company.uscc();
            return documents.issue(new DocumentManagement.IssueRequest(DocumentKind.BID_RECEIPT, row.id(), row.member(),
                    Visibility.OWNER, PlatformDocuments.bidReceipt(new PlatformDocuments.BidReceipt(lot.transactionCode(),
                            lot.projectName(), lot.lotName(), bidderName, uscc, row.id(), row.sha256(), row.size(),
                            row.receivedAt(), stamp.time(), stamp.serialNumber().toString(16))))).id();
        });
        bidRows.setReceiptDocument(bidId, document);
    }

    /** Uploads of the lot not completed by its deadline expire and their partial files go. */
    public int expireUploads(UUID lot) {
        List<Uploads.UploadRow> expired = uploads.expireOpenUploads(lot, clock.instant());
        for (Uploads.UploadRow u : expired) {
            digests.forget(u.id());
            deleteQuietly(properties.dataDir().resolve(u.file()));
        }
        return expired.size();
    }

    /** Deletes files under {@code bids/} that no row knows (older than the grace period); returns what went. */
    public List<Path> sweepOrphans() {
        Path root = properties.dataDir().resolve("bids");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Set<String> known = bidRows.knownFiles();
        FileTime before = FileTime.from(clock.instant().minus(SWEEP_GRACE));
        List<Path> swept = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = properties.dataDir().relativize(f).toString().replace('\\', '/');
                boolean bidOrUpload = name.endsWith(".part") || name.endsWith(".sealed");
                if (bidOrUpload && !known.contains(name) && Files.getLastModifiedTime(f).compareTo(before) < 0) {
                    deleteQuietly(f);
                    swept.add(f);
                }
            }
        } catch (IOException e) {
            log.warn("sweeping orphan bid files stopped early", e);
        }
        if (!swept.isEmpty()) {
            log.info("swept {} orphan bid file(s): {}", swept.size(), swept);
        }
        return swept;
    }

    /** At start-up: finish what a crash interrupted, then sweep what no row knows. */
    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        try {
            int finished = finishAll(null);
            if (finished > 0) {
                log.info("finished {} bid completion(s) interrupted before the last stop", finished);
            }
            sweepOrphans();
        } catch (RuntimeException e) {
            log.error("recovering interrupted bid completions failed; the next retry or opening finishes them", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}", p, e);
        }
    }
}
