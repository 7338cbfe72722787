package org.sunbid.opening.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentManagement;
import org.sunbid.opening.OpeningSession;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;

/** The opening's part of a project's archive: every lot's signed opening record, once every lot's opening has ended. */
@Component
class OpeningArchiveSources implements ArchiveSources {

    private final OpeningSessions sessions;
    private final OpeningLots lots;
    private final DocumentManagement documents;

    OpeningArchiveSources(OpeningSessions sessions, OpeningLots lots, DocumentManagement documents) {
        this.sessions = sessions;
        this.lots = lots;
        this.documents = documents;
    }

    /** Every lot of the project must have ended its opening: opened (record issued) or failed (流标). */
    @Override
    public Optional<String> notArchivableYet(ProjectId project) {
        java.util.UUID projectId = project.value();
        Map<LotId, OpeningSession> byLot = new HashMap<>();
        sessions.ofProject(ProjectId.of(projectId)).forEach(s -> byLot.put(s.lot(), s));
        List<LotId> lotIds = lots.projectIfExists(ProjectId.of(projectId))
                .map(p -> p.lots().stream().map(l -> LotId.of(l.id())).toList())
                .orElseGet(() -> List.copyOf(byLot.keySet()));
        for (LotId lot : lotIds) {
            OpeningSession session = byLot.get(lot);
            if (session == null || !session.ended()) {
                return Optional.of("opening-not-yet");
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId project) {
        java.util.UUID projectId = project.value();
        List<ArchiveEntry> entries = new ArrayList<>();
        for (OpeningSession session : sessions.ofProject(ProjectId.of(projectId))) {
            if (session.state() instanceof OpeningSession.Opened opened && opened.record() != null) {
                var document = documents.find(DocumentId.of(opened.record()));
                var pdf = documents.pdfFor(DocumentId.of(opened.record()), null).or(() -> documents.pdfForPlatform(DocumentId.of(opened.record())));
                if (document.isPresent() && pdf.isPresent()) {
                    byte[] bytes = pdf.get();
                    entries.add(new ArchiveEntry("openings/" + session.lot() + "/opening-record.pdf",
                            document.get().kind().name().toLowerCase(), document.get().issuedAt(),
                            () -> new ByteArrayInputStream(bytes)));
                }
            }
        }
        return entries;
    }
}
