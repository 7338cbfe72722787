package org.sunbid.alert.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sunbid.alert.internal.engine.LotEvidence;
import org.sunbid.alert.internal.engine.SignalEngine;
import org.sunbid.opening.OpenedPackages;
import org.sunbid.platform.id.LotId;

/** Gathers an opened lot's evidence and runs the signal engine with the configured thresholds. */
@Component
@EnableConfigurationProperties(AlertSettings.class)
public class AlertEngine {

    /** The lot's project and its assessment. */
    public record Result(UUID projectId, SignalEngine.Assessment assessment) {
    }

    private final OpenedPackages bids;
    private final EvidenceCollector collector;
    private final SignalEngine engine;

    AlertEngine(OpenedPackages bids, EvidenceCollector collector, AlertSettings settings) {
        this.bids = bids;
        this.collector = collector;
        this.engine = new SignalEngine(settings.thresholds());
    }

    public boolean opened(UUID lotId) {
        return !bids.of(LotId.of(lotId)).isEmpty();
    }

    /** Each opened bid's bidder and price, in opening order (the price chart). */
    public List<Map.Entry<UUID, java.math.BigDecimal>> prices(UUID lotId) {
        return bids.of(LotId.of(lotId)).stream().filter(b -> b.price() != null)
                .<Map.Entry<UUID, java.math.BigDecimal>>map(b -> Map.entry(b.member(), b.price())).toList();
    }

    public Optional<Result> run(UUID lotId) {
        List<OpenedPackages.OpenedBid> opened = bids.of(LotId.of(lotId));
        LotEvidence evidence = collector.collect(lotId, opened);
        if (evidence == null) {
            return Optional.empty();
        }
        return Optional.of(new Result(opened.get(0).project(), engine.assess(evidence)));
    }
}
