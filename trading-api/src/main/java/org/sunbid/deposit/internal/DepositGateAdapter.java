package org.sunbid.deposit.internal;

import org.springframework.stereotype.Component;
import org.sunbid.bid.DepositGate;
import org.sunbid.deposit.DepositManagement;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** The deposit feature answers the bid gate's port from its ledger. */
@Component
class DepositGateAdapter implements DepositGate {

    private final DepositManagement deposits;

    DepositGateAdapter(DepositManagement deposits) {
        this.deposits = deposits;
    }

    @Override
    public boolean secured(LotId lot, MemberId member) {
        return deposits.secured(lot, member);
    }

    @Override
    public String openingColumn(LotId lot, MemberId member) {
        return deposits.openingColumn(lot, member);
    }
}
