package org.sunbid.opening.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.SealedBids;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Who takes part in a lot's opening: bidders whose bid is still in it (live, or ended by the opening itself) and the
 * custodians named for its key; staff, regulators and the project's own tenderee or agent follow it. Anyone else
 * gets a 404, as if the opening did not exist.
 */
@Component
public class OpeningAccess {

    private final SealedBids bids;
    private final BidDecryptions decryptions;
    private final OpeningKeys keys;
    private final OpeningLots lots;

    OpeningAccess(SealedBids bids, BidDecryptions decryptions, OpeningKeys keys, OpeningLots lots) {
        this.bids = bids;
        this.decryptions = decryptions;
        this.keys = keys;
        this.lots = lots;
    }

    public boolean isBidderOf(LotId lot, MemberId member) {
        return bids.hasLiveOrRevokedBid(lot, member) || decryptions.anyOf(lot, member);
    }

    public boolean isCustodianOf(LotId lot, UUID account) {
        return keys.isCustodianOf(lot, AccountId.of(account));
    }

    /** The caller's company, a bidder of the lot; a 404 otherwise. */
    public MemberId requireBidderOf(CurrentUser bidder, LotId lot) {
        MemberId member = MemberId.of(bidder.requireMember());
        if (!isBidderOf(lot, member)) {
            throw ProblemException.notFound("opening", lot.value());
        }
        return member;
    }

    /** The hall is shown to its participants and followers only. */
    public void requireFollower(CurrentUser viewer, OpeningLots.Lot lot) {
        boolean allowed = switch (viewer.role()) {
            case STAFF, REGULATOR, ADMIN -> true;
            case BIDDER -> viewer.memberId().map(m -> isBidderOf(lot.lot(), MemberId.of(m))).orElse(false);
            case CUSTODIAN -> isCustodianOf(lot.lot(), viewer.accountId());
            case TENDEREE, AGENT -> lots.project(lot.project()).ownedBy(viewer.memberId().orElse(null));
            default -> false;
        };
        if (!allowed) {
            throw ProblemException.notFound("opening", lot.lot().value());
        }
    }
}
