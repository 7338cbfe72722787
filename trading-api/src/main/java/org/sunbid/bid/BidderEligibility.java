package org.sunbid.bid;

import java.util.List;
import java.util.Optional;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * Port of the bid gate: features that can refuse a bidder (member registry: approved, related companies; credit:
 * bans; deposits: deposit secured) implement it. A refusal names its rule.
 */
public interface BidderEligibility {

    /** Why {@code member} may not bid on {@code lot} beside {@code otherBidders}, or empty when it may. */
    Optional<Refusal> check(MemberId member, ProjectId project, LotId lot, List<MemberId> otherBidders);

    /** @param rule a stable slug, also the problem type; {@code messageKey} a bundle key */
    record Refusal(String rule, String messageKey) {
    }
}
