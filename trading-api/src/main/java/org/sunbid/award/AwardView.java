package org.sunbid.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lot's award as its tenderee, its bidders and the centre see it; {@code objectors} names the bidder behind each
 * objection (by objection id), so pages show names, not member ids.
 */
public record AwardView(UUID lot, UUID project, String projectName, String lotName, String stage, boolean stateFunded, List<Candidate> candidates,
        Instant publicityFrom, Instant publicityUntil, boolean suspended, List<Objection> objections, UUID winnerBid,
        String winner, Instant decidedAt, Instant contractAt, boolean contractLate, Instant completedAt,
        List<UUID> documents, java.util.Map<UUID, String> objectors) {
}
