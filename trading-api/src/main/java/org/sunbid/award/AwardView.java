package org.sunbid.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lot's award as its tenderee, its bidders and the centre see it. */
public record AwardView(UUID lot, UUID project, String stage, boolean stateFunded, List<Candidate> candidates,
        Instant publicityFrom, Instant publicityUntil, boolean suspended, List<Objection> objections, UUID winnerBid,
        String winner, Instant decidedAt, Instant contractAt, boolean contractLate, Instant completedAt,
        List<UUID> documents) {
}
