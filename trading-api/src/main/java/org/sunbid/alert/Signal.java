package org.sunbid.alert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One collusion signal on a lot: its kind, the bidders it links (two or more), what shows it, and its weight. */
public record Signal(SignalKind kind, List<UUID> bidders, Map<String, Object> evidence, int weight) {

    public Signal {
        Objects.requireNonNull(kind, "kind");
        bidders = bidders.stream().distinct().sorted().toList();
        if (bidders.size() < 2) {
            throw new IllegalArgumentException("a signal links at least two bidders");
        }
        evidence = Map.copyOf(evidence);
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
    }
}
