package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;

/**
 * One member's signed scores for one bid. For comprehensive scoring {@code values} hold the points of each technical
 * and business criterion; for lowest evaluated price it holds one {@code adjustment} in CNY (价格折算, may be zero).
 * {@code signedSha256} is the hash of the signed sheet content the member's CMS signature covers.
 */
public record ScoreSheet(BidId bid, MemberId member, Map<String, BigDecimal> values, String comment,
        String signedSha256) {

    public static final String ADJUSTMENT = "adjustment";

    public ScoreSheet {
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(member, "member");
        values = Map.copyOf(new TreeMap<>(Objects.requireNonNull(values, "values")));
        comment = comment == null ? "" : comment;
    }

    /** Refuses an incomplete sheet, unknown keys and values outside each criterion's range. */
    public void check(EvaluationPlan plan, BigDecimal price) {
        if (plan.method() == EvaluationMethod.LOWEST_EVALUATED_PRICE) {
            requireKeys(java.util.Set.of(ADJUSTMENT));
            BigDecimal limit = price.multiply(plan.maxAdjustmentPercent()).divide(BigDecimal.valueOf(100),
                    PriceScoreFormula.MC);
            BigDecimal adjustment = values.get(ADJUSTMENT);
            if (adjustment.abs().compareTo(limit) > 0 || adjustment.scale() > 2) {
                throw ProblemException.rule("score-out-of-range", "values." + ADJUSTMENT, "evaluation.refused",
                        "adjustment must lie within ±%s%% of the price, in fen".formatted(plan.maxAdjustmentPercent()));
            }
            return;
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        plan.memberCriteria().forEach(c -> keys.add(c.key()));
        requireKeys(keys);
        for (Criterion c : plan.memberCriteria()) {
            BigDecimal v = values.get(c.key());
            if (v.signum() < 0 || v.compareTo(c.maxPoints()) > 0 || v.stripTrailingZeros().scale() > 2) {
                throw ProblemException.rule("score-out-of-range", "values." + c.key(), "evaluation.refused",
                        "%s must lie between 0 and %s".formatted(c.key(), c.maxPoints().toPlainString()));
            }
        }
    }

    private void requireKeys(java.util.Set<String> expected) {
        for (String key : expected) {
            if (values.get(key) == null) {
                throw ProblemException.rule("score-sheet-incomplete", "values." + key, "evaluation.refused",
                        key + " is missing");
            }
        }
        for (String key : values.keySet()) {
            if (!expected.contains(key)) {
                throw ProblemException.rule("score-sheet-unknown-criterion", "values." + key, "evaluation.refused",
                        key + " is not scored");
            }
        }
    }

    /** Sum of the member's points (comprehensive scoring), or the adjustment (lowest evaluated price). */
    public BigDecimal total() {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
