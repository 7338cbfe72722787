package org.sunbid.bid.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.bid.BidderEligibility;
import org.sunbid.member.MemberId;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;

/** The member registry's part of the bid gate: only approved members bid, and never beside a related company. */
@Component
class MemberEligibility implements BidderEligibility {

    private final MemberManagement members;

    MemberEligibility(MemberManagement members) {
        this.members = members;
    }

    @Override
    public Optional<Refusal> check(UUID member, UUID project, UUID lot, List<UUID> otherBidders) {
        if (!members.isApproved(MemberId.of(member))) {
            return Optional.of(new Refusal("member-not-approved", "bid.gate.not-approved"));
        }
        boolean related = members.relatedMembers(MemberId.of(member)).stream().map(MemberViews.RelatedMember::id)
                .anyMatch(otherBidders::contains);
        return related ? Optional.of(new Refusal("related-bidder", "bid.gate.related")) : Optional.empty();
    }
}
