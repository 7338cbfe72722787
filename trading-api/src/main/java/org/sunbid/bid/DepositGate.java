package org.sunbid.bid;

import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Port of the bid gate answered by the deposit feature: whether one bidder's deposit for one lot is secured, and
 * the opening record's deposit column. Nothing else about deposits (who paid into a lot) reaches bidding.
 */
public interface DepositGate {

    boolean secured(LotId lot, MemberId member);

    /** The deposit column of the opening record for one bidder, e.g. {@code 已缴纳 100000.00 元}. */
    String openingColumn(LotId lot, MemberId member);
}
