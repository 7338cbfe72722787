package org.sunbid.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A project as its owner and the centre see it. {@code suspended} is true while an objection waits for its answer or a
 * regulator suspended the procedure over a complaint.
 * Confidential reference prices are never part of it. {@code testProject} marks a demo or end-to-end test project, whose
 * statutory periods run through the scheduler's time accelerator.
 */
public record ProjectView(UUID id, String transactionCode, String name, ProjectType type, Procedure procedure,
        BigDecimal estimatedValue, String fundingSource, String approvalReference, String regionCode,
        List<String> classificationCodes, UUID tendereeMemberId, String tendereeName, UUID agencyMemberId,
        String agencyName, String evaluationMethod, Instant documentsOnSaleFrom, Instant documentsOnSaleUntil,
        Instant bidDeadline, Instant openingAt, String openingPlace, ProjectStatus status, String returnReason,
        Instant publishedAt, boolean suspended, List<LotView> lots, boolean testProject) {

    public record LotView(UUID id, int number, String name, BigDecimal estimate, BigDecimal deposit,
            boolean hasConfidentialReferencePrice) {
    }

    public boolean ownedBy(UUID memberId) {
        return memberId != null && (memberId.equals(tendereeMemberId) || memberId.equals(agencyMemberId));
    }
}
