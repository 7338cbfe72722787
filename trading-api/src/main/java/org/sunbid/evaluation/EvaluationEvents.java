package org.sunbid.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Past-tense events of evaluation, for the supervision log and the award. Scores stay out of them. */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    public record EvaluationPlanSet(UUID lot, UUID project, String method, UUID by, Instant at) {
    }

    public record EvaluationSessionOpened(UUID lot, UUID project, int bids, int members, Instant deadline, Instant at) {
    }

    public record MemberCheckedIn(UUID lot, UUID member, Instant at) {
    }

    /** A member declared a conflict against the lot's bidders and was replaced; their conclusions are void. */
    public record ConflictDeclared(UUID lot, UUID member, String reason, Instant at) {
    }

    public record ChairElected(UUID lot, UUID chair, Instant at) {
    }

    public record ComplianceReviewed(UUID lot, UUID member, int votes, Instant at) {
    }

    public record ScoreSheetSubmitted(UUID lot, UUID bid, UUID member, String contentSha256, Instant at) {
    }

    public record EvaluationExtended(UUID lot, int requests, int members, Instant deadline, Instant at) {
    }

    public record EvaluationReportDrawn(UUID lot, UUID project, String pdfSha256, Instant at) {
    }

    public record EvaluationReportSigned(UUID lot, UUID member, int version, String pdfSha256, Instant at) {
    }

    /**
     * The report carries every member's signature and the platform's. {@code candidateBids} lists up to three bids in
     * rank order; empty means every bid was rejected and the lot fails.
     */
    public record EvaluationConcluded(UUID lot, UUID project, List<UUID> candidateBids, String reportSha256,
            Instant at) {
        public EvaluationConcluded {
            candidateBids = List.copyOf(candidateBids);
        }
    }

    /** A member asked a bidder to clarify its bid; the question's text stays with the committee, its hash is logged. */
    public record ClarificationRequested(UUID lot, UUID clarification, UUID bid, UUID member, String questionSha256,
            Instant answerDue, Instant at) {
    }

    /** The bidder's signed answer arrived before the deadline. */
    public record ClarificationAnswered(UUID lot, UUID clarification, UUID bidder, String answerSha256, Instant at) {
    }
}
