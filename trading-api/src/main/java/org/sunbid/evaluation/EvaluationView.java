package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as one caller may see it. Members of the committee see bids, the pre-check, compliance results once the
 * review is complete, their own sheets and others' once they scored that bid; staff see progress only (nulls where
 * members see content); nobody else sees the session.
 */
public record EvaluationView(UUID lot, UUID project, String projectName, String lotName, String method, EvaluationSession.Phase phase, Instant openedAt,
        Instant deadline, boolean extended, String chair, List<SeatView> seats, List<BidView> bids,
        List<PreCheckFinding> preCheck, String collusionAlerts, List<ComplianceResult> compliance,
        List<SheetView> sheets, List<RankedView> ranking, String outcome, int reportSignatures, Instant concludedAt,
        List<EvaluationSession.Voided> voided, PlanView plan, UUID me) {

    /**
     * One seat with its progress: whether the member checked in, voted on every bid's compliance, how many sheets it
     * submitted, whether it signed the report. Counts only, never scores, so staff may watch the session.
     */
    public record SeatView(UUID member, String name, String role, boolean checkedIn, Boolean conflict, boolean active,
            boolean chair, boolean signedReport, boolean reviewed, int sheetsSubmitted) {
    }

    /** What members need to fill the forms: the compliance criteria and the criteria they score (never the price). */
    public record PlanView(List<String> complianceCriteria, List<Criterion> scored, Criterion price,
            String priceFormula, BigDecimal maxAdjustmentPercent) {
    }

    public record BidView(UUID bid, String bidder, BigDecimal price) {
    }

    public record SheetView(UUID bid, UUID member, String memberName, java.util.Map<String, BigDecimal> values,
            String comment, String contentSha256) {
    }

    public record RankedView(int rank, UUID bid, String bidder, BigDecimal price, BigDecimal score,
            BigDecimal evaluatedPrice, boolean candidate, List<BidAssessment.Outlier> outliers) {
    }
}
