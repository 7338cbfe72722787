package org.sunbid.alert.internal.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.sunbid.alert.SignalKind;

/**
 * The tunable limits of the signals (documented in docs/alerts.md). {@code alertScore}: a lot whose score reaches
 * it raises an alert. Addresses in {@code ignoredIps} (the centre's own gateway, loopback) never link bidders.
 */
public record Thresholds(double textJaccard, int shingleLength, int minimumDistinctShingles, int minHashBands,
        int minHashRows, double progressionTolerance, double underMaximumShare, int underMaximumMinimumBids,
        Duration pdfTimeWindow, int rotationMinimumLots, int alertScore, Set<String> ignoredIps,
        Map<SignalKind, Integer> weights) {

    /** Seconds, so the record stays free of java.time parsing at the edge. */
    public record Duration(long seconds) {
    }

    public Thresholds {
        if (textJaccard <= 0 || textJaccard > 1) {
            throw new IllegalArgumentException("textJaccard must be in (0, 1]");
        }
        if (shingleLength < 2 || minHashBands < 1 || minHashRows < 1) {
            throw new IllegalArgumentException("shingle length ≥ 2, bands and rows ≥ 1");
        }
        ignoredIps = Set.copyOf(ignoredIps);
        Map<SignalKind, Integer> all = new EnumMap<>(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            all.put(k, weights.getOrDefault(k, k.defaultWeight()));
        }
        weights = Map.copyOf(all);
    }

    public static Thresholds defaults() {
        return new Thresholds(0.8, 5, 200, 16, 8, 0.002, 0.005, 3, new Duration(60), 3, 25,
                Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1"), Map.of());
    }

    public int weight(SignalKind kind) {
        return weights.get(kind);
    }

    public Thresholds withTextJaccard(double j) {
        return new Thresholds(j, shingleLength, minimumDistinctShingles, minHashBands, minHashRows, progressionTolerance,
                underMaximumShare, underMaximumMinimumBids, pdfTimeWindow, rotationMinimumLots, alertScore, ignoredIps,
                weights);
    }
}
