package org.sunbid.evaluation;

import java.util.List;

import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;

/**
 * Port: the collusion alerts (围标串标预警) the supervision alert rules raise on a lot's bids, shown in the pre-check.
 * Implemented by the feature that owns the alert rules; while no bean implements it, the pre-check says the alerts
 * were not available rather than that there were none.
 */
public interface CollusionAlerts {

    List<Alert> alertsFor(LotId lot);

    /** One alert: the bids it links and why (same machine fingerprint, same deposit account, …). */
    record Alert(List<BidId> bids, String rule, String detail) {
        public Alert {
            bids = List.copyOf(bids);
        }
    }
}
