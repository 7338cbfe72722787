package org.sunbid.alert.internal;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.alert.CommitteeSeats;
import org.sunbid.expert.Committees;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** The committee port over the expert feature's {@link Committees}; nobody is seated while that has no implementation. */
@Component
class CommitteeSeatsFromExperts implements CommitteeSeats {

    private final ObjectProvider<Committees> committees;

    CommitteeSeatsFromExperts(ObjectProvider<Committees> committees) {
        this.committees = committees;
    }

    @Override
    public boolean seated(LotId lot, MemberId member) {
        Committees c = committees.getIfAvailable();
        return c != null && member != null
                && c.seated(lot).stream().anyMatch(m -> m.member().equals(member));
    }
}
