package org.sunbid.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Past-tense events of the award, for the supervision log and for features that follow the award (deposits refund
 * on {@link ContractSigned} and {@link LotFailed}; the archive builds on {@link ProjectCompleted}).
 */
public final class AwardEvents {

    private AwardEvents() {
    }

    public record CandidatesPublicized(UUID project, UUID lot, List<UUID> candidateBids, Instant until, Instant at) {
    }

    public record ObjectionRaised(UUID objection, UUID lot, UUID member, Instant at) {
    }

    public record ObjectionAnswered(UUID objection, UUID lot, Instant at) {
    }

    public record AwardDecided(UUID project, UUID lot, UUID winnerBid, UUID winner, BigDecimal price, Instant at) {
    }

    public record AwardNoticePublished(UUID project, UUID lot, UUID winner, List<UUID> otherBidders, Instant at) {
    }

    public record ContractSigned(UUID project, UUID lot, UUID winner, String contractSha256, boolean late,
            Instant at) {
    }

    /** The lot failed at evaluation (every bid rejected) and is marked for re-tender. */
    public record LotFailed(UUID project, UUID lot, String reason, Instant at) {
    }

    public record ProjectCompleted(UUID project, Instant at) {
    }

    public record ContractReminderDue(UUID project, UUID lot, Instant dueAt, Instant at) {
    }

    public record ContractOverdue(UUID project, UUID lot, Instant dueAt, Instant at) {
    }

    public record WrittenReportFiled(UUID project, UUID lot, String pdfSha256, Instant at) {
    }
}
