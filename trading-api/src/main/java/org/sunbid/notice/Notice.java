package org.sunbid.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published notice; it never changes. {@code seq} orders all notices for the changes feed. {@code test}: the notice
 * of a test project (its title and body say so too).
 */
public record Notice(UUID id, String publicId, long seq, NoticeKind kind, UUID projectId, String transactionCode,
        String projectName, String projectType, String procedure, String title, String body, String regionCode,
        List<String> classificationCodes, BigDecimal amount, String tenderee, String agency, String winner,
        Instant bidDeadline, Instant openingAt, List<NoticeDraft.NoticeLot> lots, UUID correctsId,
        Instant publishedAt, boolean test) {

    /** The stable permalink path of this notice. */
    public String permalink() {
        return "/api/public/notices/" + publicId;
    }

    /** The OCDS open contracting id of the project. */
    public String ocid() {
        return NoticeManagement.OCID_PREFIX + transactionCode;
    }
}
