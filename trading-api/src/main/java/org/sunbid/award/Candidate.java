package org.sunbid.award;

import java.math.BigDecimal;
import java.util.Objects;

import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;

/** A ranked candidate (中标候选人) as the evaluation report names it. {@code score} is null under lowest evaluated price. */
public record Candidate(int rank, BidId bid, MemberId bidder, String bidderName, BigDecimal price, BigDecimal score,
        BigDecimal evaluatedPrice) {

    public Candidate {
        if (rank < 1 || rank > 3) {
            throw new IllegalArgumentException("rank must be 1 to 3");
        }
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(price, "price");
    }
}
