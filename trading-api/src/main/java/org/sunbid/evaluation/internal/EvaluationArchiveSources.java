package org.sunbid.evaluation.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.evaluation.EvaluationReports;
import org.sunbid.expert.Committees;
import org.sunbid.project.LotId;
import org.sunbid.signing.archive.ArchiveEntry;

/**
 * A project's evaluation evidence in its archive package, per lot: the final signed report, every score sheet exactly as
 * signed with its detached CMS signature (verifiable with {@code openssl cms -verify -binary -content}), and the
 * committee's signed draw record from the expert draw.
 */
@Component
class EvaluationArchiveSources implements ArchiveSources {

    private final EvaluationStore store;
    private final EvaluationReports reports;
    private final ObjectProvider<Committees> committees;

    EvaluationArchiveSources(EvaluationStore store, EvaluationReports reports, ObjectProvider<Committees> committees) {
        this.store = store;
        this.reports = reports;
        this.committees = committees;
    }

    @Override
    public List<ArchiveEntry> entriesFor(UUID projectId) {
        List<ArchiveEntry> entries = new ArrayList<>();
        for (LotId lot : store.lotsOfProject(projectId)) {
            String base = "evaluation/" + lot.value() + "/";
            var session = store.find(lot).orElseThrow();
            reports.finalPdf(lot).ifPresent(pdf -> entries.add(new ArchiveEntry(base + "evaluation-report.pdf",
                    "evaluation-report", session.concludedAt().orElseThrow(), () -> new ByteArrayInputStream(pdf))));
            for (EvaluationStore.SheetRow sheet : store.sheets(lot)) {
                String name = base + "score-sheets/" + sheet.bid() + "-" + sheet.member();
                byte[] content = sheet.content().getBytes(StandardCharsets.UTF_8);
                entries.add(new ArchiveEntry(name + ".json", "score-sheet", sheet.submittedAt(),
                        () -> new ByteArrayInputStream(content)));
                entries.add(new ArchiveEntry(name + ".p7s", "score-sheet-signature", sheet.submittedAt(),
                        () -> new ByteArrayInputStream(sheet.signature())));
            }
            Committees c = committees.getIfAvailable();
            if (c != null) {
                c.drawRecord(lot).ifPresent(record -> entries.add(new ArchiveEntry(base + "draw-record.json",
                        "expert-draw-record", session.openedAt(),
                        () -> new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8)))));
            }
        }
        return entries;
    }
}
