package org.sunbid.bid.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.SignedDocument;
import org.sunbid.signing.archive.ArchiveEntry;

/**
 * Sealed bidding's part of a project's archive: each bid's receipt (statement, platform signature, RFC 3161 token),
 * the signed PDF receipts and the signed opening record. The sealed files themselves stay in the bid store.
 */
@Component
class BidArchiveSources implements ArchiveSources {

    private final BidStore store;
    private final DocumentManagement documents;
    private final Lots lots;

    BidArchiveSources(BidStore store, DocumentManagement documents, Lots lots) {
        this.store = store;
        this.documents = documents;
        this.lots = lots;
    }

    /** Every lot of the project must have ended its opening: opened (record issued) or failed (流标). */
    @Override
    public Optional<String> notArchivableYet(UUID projectId) {
        java.util.Map<UUID, String> status = new java.util.HashMap<>();
        for (BidStore.SessionRow session : store.sessionsOfProject(projectId)) {
            status.put(session.lot(), session.status());
        }
        List<UUID> lotIds = lots.projectIfExists(projectId)
                .map(p -> p.lots().stream().map(l -> l.id()).toList())
                .orElseGet(() -> List.copyOf(status.keySet()));
        for (UUID lot : lotIds) {
            String s = status.get(lot);
            // ended: opened, or failed for any reason (FAILED_TOO_FEW_BIDS, …)
            if (s == null || !(s.equals("OPENED") || s.startsWith("FAILED"))) {
                return Optional.of("opening-not-yet");
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ArchiveEntry> entriesFor(UUID projectId) {
        List<ArchiveEntry> entries = new ArrayList<>();
        for (BidStore.BidRow bid : store.bidsOfProject(projectId)) {
            String base = "bids/" + bid.lot() + "/" + bid.id();
            byte[] statement = bid.receipt().getBytes(StandardCharsets.UTF_8);
            entries.add(new ArchiveEntry(base + "/receipt.json", "receipt", bid.receivedAt(), () -> new ByteArrayInputStream(statement)));
            entries.add(new ArchiveEntry(base + "/receipt.json.p7s", "receipt-signature", bid.receivedAt(),
                    () -> new ByteArrayInputStream(bid.receiptSignature())));
            entries.add(new ArchiveEntry(base + "/sealed-file.tsr", "receipt-timestamp", bid.receivedAt(),
                    () -> new ByteArrayInputStream(bid.receiptTimestamp())));
            if (bid.receiptDocument() != null) {
                pdf(entries, base + "/receipt.pdf", bid.receiptDocument());
            }
        }
        for (BidStore.SessionRow session : store.sessionsOfProject(projectId)) {
            if (session.record() != null) {
                pdf(entries, "openings/" + session.lot() + "/opening-record.pdf", session.record());
            }
        }
        return entries;
    }

    private void pdf(List<ArchiveEntry> entries, String path, UUID documentId) {
        Optional<SignedDocument> document = documents.find(documentId);
        Optional<byte[]> bytes = documents.pdfFor(documentId, null).or(() -> documents.pdfForPlatform(documentId));
        if (document.isPresent() && bytes.isPresent()) {
            byte[] pdf = bytes.get();
            entries.add(new ArchiveEntry(path, document.get().kind().name().toLowerCase(), document.get().issuedAt(),
                    () -> new ByteArrayInputStream(pdf)));
        }
    }
}
