package org.sunbid.opening.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.notice.NoticeBids;
import org.sunbid.opening.OpenedBids;
import org.sunbid.platform.id.LotId;

/** Tells the notice feature's OCDS releases the bids an opening record read out (bidder, price, receipt time). */
@Component
class OpenedBidsForNotices implements NoticeBids {

    private final OpenedBids opened;

    OpenedBidsForNotices(OpenedBids opened) {
        this.opened = opened;
    }

    @Override
    public List<OpenedBid> openedBids(LotId lot) {
        return opened.recorded(lot).stream()
                .map(b -> new OpenedBid(b.bid().value(), b.bidderName(), b.price(), b.receivedAt())).toList();
    }
}
