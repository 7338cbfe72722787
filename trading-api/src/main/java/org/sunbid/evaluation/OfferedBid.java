package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;

/** An opened, valid bid as evaluation sees it: its bidder, price, receipt time and itemised prices. */
public record OfferedBid(BidId bid, MemberId bidder, String bidderName, BigDecimal price, Instant receivedAt,
        List<PricedItem> items) {

    /** One itemised price of the bid form's optional {@code items} list (分项报价). */
    public record PricedItem(String name, BigDecimal amount) {
    }

    public OfferedBid {
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(receivedAt, "receivedAt");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
