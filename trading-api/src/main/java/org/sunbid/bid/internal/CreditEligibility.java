package org.sunbid.bid.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.bid.BidderEligibility;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditCheck;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectType;

/**
 * The credit feature's part of the bid gate: a member banned for the tender's scope (construction, procurement, or
 * all tenders) may not bid. Other project types are covered only by bans of scope ALL.
 */
@Component
class CreditEligibility implements BidderEligibility {

    private final CreditCheck credit;
    private final Lots lots;
    private final java.time.Clock clock;

    CreditEligibility(CreditCheck credit, Lots lots, java.time.Clock clock) {
        this.credit = credit;
        this.lots = lots;
        this.clock = clock;
    }

    static BanScope scopeOf(ProjectType type) {
        if (type == ProjectType.CONSTRUCTION) {
            return BanScope.CONSTRUCTION;
        }
        return type == ProjectType.GOVERNMENT_PROCUREMENT ? BanScope.PROCUREMENT : BanScope.ALL;
    }

    @Override
    public Optional<Refusal> check(MemberId member, ProjectId project, LotId lot, List<MemberId> otherBidders) {
        BanScope scope;
        try {
            scope = scopeOf(lots.project(project.value()).type());
        } catch (ProblemException unknownProject) {
            scope = BanScope.ALL;
        }
        return credit.eligible(member, scope, clock.instant()) ? Optional.empty()
                : Optional.of(new Refusal("member-banned", "credit.gate.bid-banned"));
    }
}
