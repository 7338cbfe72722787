package org.sunbid.evaluation.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.evaluation.Clarification;
import org.sunbid.evaluation.EvaluationReports;
import org.sunbid.expert.Committees;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;

/**
 * A project's evaluation evidence in its archive package, per lot: the final signed report, every score sheet exactly as
 * signed with its detached CMS signature (verifiable with {@code openssl cms -verify -binary -content}), each
 * clarification request with the bidder's signed answer, and the committee's signed draw record from the expert draw.
 */
@Component
class EvaluationArchiveSources implements ArchiveSources {

    private final EvaluationStore store;
    private final EvaluationReports reports;
    private final ObjectProvider<Committees> committees;
    private final ClarificationStore clarifications;

    EvaluationArchiveSources(EvaluationStore store, EvaluationReports reports, ObjectProvider<Committees> committees,
            ClarificationStore clarifications) {
        this.store = store;
        this.reports = reports;
        this.committees = committees;
        this.clarifications = clarifications;
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId project) {
        UUID projectId = project.value();
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
            for (Clarification q : clarifications.ofLot(lot)) {
                String name = base + "clarifications/" + q.id();
                byte[] question = ("{\"bid\":\"%s\",\"askedBy\":\"%s\",\"askedAt\":\"%s\",\"answerDue\":\"%s\","
                        + "\"question\":%s}").formatted(q.bid().value(), q.askedBy().value(), q.askedAt(), q.answerDue(),
                        EvaluationStore.JSON.writeValueAsString(q.question())).getBytes(StandardCharsets.UTF_8);
                entries.add(new ArchiveEntry(name + "-question.json", "clarification-question", q.askedAt(),
                        () -> new ByteArrayInputStream(question)));
                q.answer().ifPresent(a -> {
                    byte[] content = a.content().getBytes(StandardCharsets.UTF_8);
                    entries.add(new ArchiveEntry(name + "-answer.json", "clarification-answer", a.at(),
                            () -> new ByteArrayInputStream(content)));
                    entries.add(new ArchiveEntry(name + "-answer.p7s", "clarification-answer-signature", a.at(),
                            () -> new ByteArrayInputStream(a.signature())));
                });
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
