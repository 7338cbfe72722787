package org.sunbid.bid.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.bid.BidderEligibility;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** The member registry's part of the bid gate: only approved members bid, and never beside a related company. */
@Component
class MemberEligibility implements BidderEligibility {

    private final MemberManagement members;

    MemberEligibility(MemberManagement members) {
        this.members = members;
    }

    @Override
    public Optional<Refusal> check(MemberId member, ProjectId project, LotId lot, List<MemberId> otherBidders) {
        if (!members.isApproved(member)) {
            return Optional.of(new Refusal("member-not-approved", "bid.gate.not-approved"));
        }
        boolean related = members.relatedMembers(member).stream().map(MemberViews.RelatedMember::id).map(MemberId::of)
                .anyMatch(otherBidders::contains);
        return related ? Optional.of(new Refusal("related-bidder", "bid.gate.related")) : Optional.empty();
    }
}
