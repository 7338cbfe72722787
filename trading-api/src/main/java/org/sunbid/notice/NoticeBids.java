package org.sunbid.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.id.LotId;

/**
 * The opened bids of a lot, for the OCDS {@code bids} section of the notices published after its opening: a port the
 * opening implements, so that the notice feature never reads bids itself. Nothing is told before a lot's opening record.
 */
public interface NoticeBids {

    /** One bid as the opening record reads it out: bidder by name, price, when the platform received it. */
    record OpenedBid(UUID bid, String bidder, BigDecimal price, Instant receivedAt) {
    }

    /** The lot's opened, priced bids in record order; empty while the lot has no opening record. */
    List<OpenedBid> openedBids(LotId lot);
}
