package org.sunbid.bid;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.Bids;
import org.sunbid.bid.internal.SubmissionRules;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * A bidder's own bids and their receipts (a bidder sees only its own; anyone else's is a 404), and whether a deposit
 * is secured. Submission is {@link BidSubmissions}, withdrawal {@link BidWithdrawals}.
 */
@Service
@Transactional(readOnly = true)
public class BidManagement {

    private final Bids bidRows;
    private final SubmissionRules rules;

    BidManagement(Bids bidRows, SubmissionRules rules) {
        this.bidRows = bidRows;
        this.rules = rules;
    }

    public List<BidView> mine(CurrentUser bidder, LotId lot) {
        return bidRows.bidsOf(bidder.requireMember(), lot == null ? null : lot.value()).stream().map(Bids.BidRow::view).toList();
    }

    public Receipt receipt(CurrentUser bidder, BidId bid) {
        return bidRows.bidOf(bid.value(), bidder.requireMember()).orElseThrow(() -> ProblemException.notFound("bid", bid))
                .toReceipt();
    }

    /** Whether the deposit feature holds the bidder's deposit for the lot. */
    public boolean depositSecured(LotId lot, MemberId member) {
        return rules.depositSecured(lot.value(), member.value());
    }
}
