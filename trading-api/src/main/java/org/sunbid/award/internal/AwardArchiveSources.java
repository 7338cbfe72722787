package org.sunbid.award.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.DocumentSubject;
import org.sunbid.document.SignedDocument;
import org.sunbid.platform.BlobStore;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;

/**
 * A project's award evidence in its archive package, per lot: signed objections and answers, the tenderee's signed
 * decision, the award and result letters and the written report (platform-signed PDFs), and the contract.
 */
@Component
class AwardArchiveSources implements ArchiveSources {

    private final AwardStore store;
    private final DocumentManagement documents;
    private final BlobStore blobs;

    AwardArchiveSources(AwardStore store, DocumentManagement documents, BlobStore blobs) {
        this.store = store;
        this.documents = documents;
        this.blobs = blobs;
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId project) {
        UUID projectId = project.value();
        List<ArchiveEntry> entries = new ArrayList<>();
        for (AwardStore.AwardRow row : store.ofProject(projectId)) {
            String base = "award/" + row.lot().value() + "/";
            for (AwardStore.Evidence e : store.evidence(row.lot())) {
                String name = base + e.kind().toLowerCase().replace('_', '-') + "-" + e.id();
                if (e.fileSha256() != null) {
                    entries.add(new ArchiveEntry(name + ".pdf", e.kind().toLowerCase(), e.createdAt(), () -> blobs
                            .open(e.fileSha256()).orElseThrow(() -> new IOException("blob missing " + e.fileSha256()))));
                    continue;
                }
                byte[] text = e.content().getBytes(StandardCharsets.UTF_8);
                entries.add(new ArchiveEntry(name + ".txt", e.kind().toLowerCase(), e.createdAt(),
                        () -> new ByteArrayInputStream(text)));
                if (e.signature() != null) {
                    entries.add(new ArchiveEntry(name + ".p7s", e.kind().toLowerCase() + "-signature", e.createdAt(),
                            () -> new ByteArrayInputStream(e.signature())));
                }
            }
            for (SignedDocument d : documents.forSubject(DocumentSubject.of(row.lot()))) {
                byte[] pdf = documents.pdfForPlatform(DocumentId.of(d.id())).orElseThrow();
                entries.add(new ArchiveEntry(base + d.kind().name().toLowerCase().replace('_', '-') + "-" + d.id()
                        + ".pdf", d.kind().name().toLowerCase(), d.issuedAt(), () -> new ByteArrayInputStream(pdf)));
            }
        }
        return entries;
    }
}
