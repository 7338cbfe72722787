package org.sunbid.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An alert as regulators and the committee see it: bidders by name, signals with their evidence, the handling steps. */
public record AlertView(UUID id, UUID projectId, String transactionCode, String projectName, UUID lotId, String lotName,
        int score, AlertState state, Instant raisedAt, Instant assessedAt, List<SignalView> signals,
        List<StepView> steps, List<PriceView> prices) {

    /** One opened bid's price, for the price chart beside the price signals. */
    public record PriceView(UUID bidder, String bidderName, java.math.BigDecimal price) {
    }

    public record SignalView(SignalKind kind, String label, List<UUID> bidders, List<String> bidderNames,
            Map<String, Object> evidence, int weight) {
    }

    public record StepView(AlertState from, AlertState to, String by, String reason, List<String> documents, Instant at) {
    }
}
