package org.sunbid.alert;

import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Port for the evaluation committee: whether an account sits on a lot's committee, so it sees that lot's alerts (as
 * information for its evaluation, not a verdict). The adapter over {@code expert.Committees} answers once that API
 * has an implementation; until then no committee account sees alerts.
 */
public interface CommitteeSeats {

    boolean seated(LotId lot, MemberId member);
}
