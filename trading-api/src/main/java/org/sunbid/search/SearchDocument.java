package org.sunbid.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sunbid.notice.Notice;

/**
 * One notice as the search engines see it. {@code body} is the notice's running text (snippets come from it only);
 * {@code facts} the values of its "label：value" lines without their labels (searchable, never shown as a snippet);
 * {@code attachments} text extracted from its attachments (searchable, ranked below title and body). {@code test}: the
 * notice of a test project.
 */
public record SearchDocument(String id, String publicId, String kind, String projectType, String regionCode,
        List<String> classificationCodes, BigDecimal amount, Instant publishedAt, String tenderee, String agency,
        String winner, String title, String body, boolean test, String projectId, String facts, String attachments,
        Instant bidDeadline, Instant openingAt) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(title, "title");
        classificationCodes = List.copyOf(classificationCodes == null ? List.of() : classificationCodes);
        body = body == null ? "" : body;
        facts = facts == null ? "" : facts;
        attachments = attachments == null ? "" : attachments;
    }

    /** A document without project, facts, attachments or dates (tests and tools). */
    public SearchDocument(String id, String publicId, String kind, String projectType, String regionCode,
            List<String> classificationCodes, BigDecimal amount, Instant publishedAt, String tenderee, String agency,
            String winner, String title, String body, boolean test) {
        this(id, publicId, kind, projectType, regionCode, classificationCodes, amount, publishedAt, tenderee, agency,
                winner, title, body, test, null, null, null, null, null);
    }

    /** How a notice is indexed: its running text as the body, the values of its labelled lines as facts. */
    public static SearchDocument of(Notice n) {
        return of(n, "");
    }

    /** A notice with the text extracted from its attachments. */
    public static SearchDocument of(Notice n, String attachmentText) {
        NoticeText.Parts parts = NoticeText.split(n.body());
        String facts = String.join(" ", parts.values(), nullToEmpty(n.transactionCode()), nullToEmpty(n.projectName()))
                .strip();
        return new SearchDocument(n.id().toString(), n.publicId(), n.kind().name(), n.projectType(), n.regionCode(),
                n.classificationCodes(), n.amount(), n.publishedAt(), n.tenderee(), n.agency(), n.winner(), n.title(),
                parts.prose(), n.test(), n.projectId() == null ? null : n.projectId().toString(), facts, attachmentText,
                n.bidDeadline(), n.openingAt());
    }

    /** The same notice with the text of its attachments. */
    public SearchDocument withAttachments(String text) {
        return new SearchDocument(id, publicId, kind, projectType, regionCode, classificationCodes, amount, publishedAt,
                tenderee, agency, winner, title, body, test, projectId, facts, text, bidDeadline, openingAt);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
