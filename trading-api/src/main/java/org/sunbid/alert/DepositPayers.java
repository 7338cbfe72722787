package org.sunbid.alert;

import java.util.Map;
import java.util.Set;

import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Port answered by the deposit feature (DepositPayersAdapter): the bank accounts each bidder's deposit, or its
 * guarantee fee, was paid from on a lot. Without an implementation the same-money signal has no data and is not shown.
 */
public interface DepositPayers {

    /** Payer account numbers per bidder (member id) of the lot; bidders without a recorded payment are absent. */
    Map<MemberId, Set<String>> payerAccounts(LotId lot);
}
