package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;

/**
 * A compliant bid's aggregated assessment: for comprehensive scoring its price points and the mean score of the
 * members (with its technical part for tie-breaks); for lowest evaluated price its evaluated price. Outlier flags name
 * the members whose total lies more than the plan's distance from the mean of all members' totals.
 */
public record BidAssessment(BidId bid, String bidderName, BigDecimal price, Instant receivedAt, BigDecimal pricePoints,
        BigDecimal score, BigDecimal technicalScore, BigDecimal evaluatedPrice, List<Outlier> outliers) {

    public BidAssessment {
        outliers = List.copyOf(outliers);
    }

    /** A member's total that strays from the mean. */
    public record Outlier(MemberId member, BigDecimal total, BigDecimal mean) {
    }
}
