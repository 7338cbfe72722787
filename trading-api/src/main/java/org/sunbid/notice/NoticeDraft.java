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

    /** A lot as shown in a notice. */
    public record NoticeLot(UUID id, int number, String name, BigDecimal estimate, BigDecimal deposit) {
    }
}
