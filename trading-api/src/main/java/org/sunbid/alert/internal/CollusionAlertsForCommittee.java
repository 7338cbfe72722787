package org.sunbid.alert.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.alert.AlertManagement;
import org.sunbid.alert.Signal;
import org.sunbid.evaluation.CollusionAlerts;
import org.sunbid.opening.OpenedPackages;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;

/**
 * Evaluation's {@link CollusionAlerts} port: the committee's pre-check lists the signals of the lot's alert (when its
 * score reached the alert threshold), each on the bids of the bidders it links. A lot not assessed yet (the background
 * run after the opening still going) is assessed now, so "checked" never means "not looked at".
 */
@Component
class CollusionAlertsForCommittee implements CollusionAlerts {

    private final Alerts alerts;
    private final OpenedPackages opened;
    private final ObjectProvider<AlertManagement> management;

    CollusionAlertsForCommittee(Alerts alerts, OpenedPackages opened, ObjectProvider<AlertManagement> management) {
        this.alerts = alerts;
        this.opened = opened;
        this.management = management;
    }

    @Override
    public List<CollusionAlerts.Alert> alertsFor(LotId lot) {
        if (alerts.assessment(lot.value()).isEmpty()) {
            management.getObject().assess(lot);
        }
        Optional<org.sunbid.alert.internal.Alert> alert = alerts.ofLot(lot.value());
        if (alert.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<BidId>> bidsOf = new HashMap<>();
        opened.of(lot).forEach(b -> bidsOf.computeIfAbsent(b.member(), k -> new ArrayList<>())
                .add(BidId.of(b.bid())));
        return alert.get().signals().stream().map(s -> new CollusionAlerts.Alert(
                s.bidders().stream().flatMap(m -> bidsOf.getOrDefault(m, List.of()).stream()).toList(),
                s.kind().name(), detail(s))).filter(a -> !a.bids().isEmpty()).toList();
    }

    /** The kind's Chinese label and the evidence, e.g. {@code 相同网卡MAC地址 (mac=00:1a:…)}. */
    static String detail(Signal s) {
        String evidence = s.evidence().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        String text = s.kind().label() + " (" + evidence + ")";
        return text.length() > 500 ? text.substring(0, 499) + "…" : text;
    }
}
