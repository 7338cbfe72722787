package org.sunbid.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a feature hands to {@link NoticeManagement#publish(NoticeDraft)}: the notice text plus a snapshot of the
 * project it belongs to, so notices stay readable on their own. {@code idempotencyKey} makes a repeated publish a
 * no-op that returns the notice already published.
 */
public record NoticeDraft(String idempotencyKey, NoticeKind kind, UUID projectId, String transactionCode,
        String projectName, String projectType, String procedure, String title, String body, String regionCode,
        List<String> classificationCodes, BigDecimal amount, String tenderee, String agency, String winner,
        Instant bidDeadline, Instant openingAt, List<NoticeLot> lots, UUID correctsId) {

    public NoticeDraft {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(transactionCode, "transactionCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(tenderee, "tenderee");
        classificationCodes = List.copyOf(classificationCodes == null ? List.of() : classificationCodes);
        lots = List.copyOf(lots == null ? List.of() : lots);
        if (title.isBlank()) {
            throw new IllegalArgumentException("A notice needs a title");
        }
    }

    /** Put before the title of every notice of a test project. */
    public static final String TEST_TITLE = "【测试】";
    /** Put before the body of every notice of a test project. */
    public static final String TEST_NOTE = "【测试项目】本公告属于平台上的测试项目，不是真实的招标或交易。"
            + "This notice belongs to a test project on the platform: it is not a real tender.\n\n";

    /** This draft as the notice of a test project: title and body say so (once). */
    public NoticeDraft markedAsTest() {
        return new NoticeDraft(idempotencyKey, kind, projectId, transactionCode, projectName, projectType, procedure,
                title.startsWith(TEST_TITLE) ? title : TEST_TITLE + title,
                body.startsWith(TEST_NOTE) ? body : TEST_NOTE + body, regionCode, classificationCodes, amount, tenderee,
                agency, winner, bidDeadline, openingAt, lots, correctsId);
    }

    /** A lot as shown in a notice. */
    public record NoticeLot(UUID id, int number, String name, BigDecimal estimate, BigDecimal deposit) {
    }
}
