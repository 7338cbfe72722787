package org.sunbid.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.DocumentSubject;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.signing.pdf.PdfFacts;

/**
 * The text of a notice's attachments for the index: the public signed documents of its project and lots issued up
 * to its publication (as the notice page lists them), read with PDFBox the first time the notice is indexed (right
 * after publication, by the outbox) and kept in {@code search_attachment_text}, so a rebuild does not parse the PDFs
 * again. A PDF that cannot be read is logged and left out; it never stops indexing.
 */
@Component
public class AttachmentTexts {

    private static final Logger log = LoggerFactory.getLogger(AttachmentTexts.class);
    /** Characters kept per document and per notice: enough for the words of a record, bounded for the index. */
    static final int MAX_PER_DOCUMENT = 50_000;
    static final int MAX_PER_NOTICE = 100_000;

    private final JdbcClient jdbc;
    private final DocumentManagement documents;
    private final Clock clock;

    AttachmentTexts(JdbcClient jdbc, DocumentManagement documents, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.clock = clock;
    }

    /** The stored text, or the text extracted now (and stored). */
    public String of(Notice notice) {
        Optional<String> stored = jdbc.sql("select text from search_attachment_text where notice_id = :n")
                .param("n", notice.id()).query(String.class).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        List<SignedDocument> attached = attachments(notice);
        StringBuilder text = new StringBuilder();
        for (SignedDocument d : attached) {
            if (text.length() >= MAX_PER_NOTICE) {
                break;
            }
            documents.pdfFor(DocumentId.of(d.id()), null).flatMap(pdf -> extract(d.id(), pdf))
                    .ifPresent(t -> text.append(t, 0, Math.min(t.length(), MAX_PER_NOTICE - text.length())).append('\n'));
        }
        String value = text.toString().strip();
        jdbc.sql("""
                insert into search_attachment_text (notice_id, text, documents, extracted_at) values (:n, :t, :d, :at)
                on conflict (notice_id) do nothing
                """).param("n", notice.id()).param("t", value).param("d", attached.size())
                .param("at", Timestamp.from(clock.instant())).update();
        return value;
    }

    /** The texts of a batch of notices (a rebuild): one query for those stored, extraction for the others. */
    public Map<UUID, String> of(List<Notice> batch) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> texts = new HashMap<>();
        jdbc.sql("select notice_id, text from search_attachment_text where notice_id in (:ids)")
                .param("ids", batch.stream().map(Notice::id).toList())
                .query((rs, i) -> texts.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Notice n : batch) {
            texts.computeIfAbsent(n.id(), id -> of(n));
        }
        return texts;
    }

    private List<SignedDocument> attachments(Notice notice) {
        List<UUID> subjects = new ArrayList<>();
        if (notice.projectId() != null) {
            subjects.add(notice.projectId());
        }
        notice.lots().stream().map(NoticeDraft.NoticeLot::id).forEach(subjects::add);
        return subjects.stream().distinct().flatMap(s -> documents.forSubject(DocumentSubject.of(s)).stream())
                .filter(d -> d.visibility() == Visibility.PUBLIC && !d.issuedAt().isAfter(notice.publishedAt()))
                .toList();
    }

    private static Optional<String> extract(UUID document, byte[] pdf) {
        Path file = null;
        try {
            file = Files.createTempFile("sunbid-attachment", ".pdf");
            Files.write(file, pdf);
            return Optional.of(PdfFacts.read(file, MAX_PER_DOCUMENT).text());
        } catch (IOException | RuntimeException e) {
            log.warn("Attachment {} left out of the search index: its text could not be read ({})", document, e.toString());
            return Optional.empty();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
    }
}
