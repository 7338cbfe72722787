package org.sunbid.bid.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.SignedDocument;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;

/**
 * Sealed bidding's part of a project's archive: each bid's receipt (statement, platform signature, RFC 3161 token) and
 * the signed PDF receipts (the opening record is the opening's part). The sealed files themselves stay in the bid store.
 */
@Component
class BidArchiveSources implements ArchiveSources {

    private final Bids bidRows;
    private final DocumentManagement documents;

    BidArchiveSources(Bids bidRows, DocumentManagement documents) {
        this.bidRows = bidRows;
        this.documents = documents;
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId project) {
        UUID projectId = project.value();
        List<ArchiveEntry> entries = new ArrayList<>();
        for (Bids.BidRow bid : bidRows.bidsOfProject(projectId)) {
            String base = "bids/" + bid.lot() + "/" + bid.id();
            byte[] statement = bid.receipt().getBytes(StandardCharsets.UTF_8);
            entries.add(new ArchiveEntry(base + "/receipt.json", "receipt", bid.receivedAt(), () -> new ByteArrayInputStream(statement)));
            entries.add(new ArchiveEntry(base + "/receipt.json.p7s", "receipt-signature", bid.receivedAt(),
                    () -> new ByteArrayInputStream(bid.receiptSignature())));
            entries.add(new ArchiveEntry(base + "/sealed-file.tsr", "receipt-timestamp", bid.receivedAt(),
                    () -> new ByteArrayInputStream(bid.receiptTimestamp())));
            if (bid.receiptDocument() != null) {
                pdf(documents, entries, base + "/receipt.pdf", bid.receiptDocument());
            }
        }
        return entries;
    }

    static void pdf(DocumentManagement documents, List<ArchiveEntry> entries, String path, UUID documentId) {
        Optional<SignedDocument> document = documents.find(DocumentId.of(documentId));
        Optional<byte[]> bytes = documents.pdfFor(DocumentId.of(documentId), null).or(() -> documents.pdfForPlatform(DocumentId.of(documentId)));
        if (document.isPresent() && bytes.isPresent()) {
            byte[] pdf = bytes.get();
            entries.add(new ArchiveEntry(path, document.get().kind().name().toLowerCase(), document.get().issuedAt(),
                    () -> new ByteArrayInputStream(pdf)));
        }
    }
}
