package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/** One scoring criterion of comprehensive scoring: a key, a name, its category and the points it weighs (its maximum). */
public record Criterion(String key, String name, Category category, BigDecimal maxPoints) {

    /** What a criterion judges; price points are computed by the platform from the price formula, never by members. */
    public enum Category {
        PRICE, TECHNICAL, BUSINESS
    }

    public Criterion {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[a-z][a-zA-Z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("criterion key must be a short identifier: " + key);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("criterion " + key + " needs a name");
        }
        Objects.requireNonNull(category, "category");
        if (maxPoints == null || maxPoints.signum() <= 0) {
            throw new IllegalArgumentException("criterion " + key + " needs positive points");
        }
    }
}
