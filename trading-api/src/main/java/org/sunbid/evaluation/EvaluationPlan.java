package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a lot is evaluated, fixed before its session opens: the method from intake, the compliance criteria
 * (形式、资格、响应性), for comprehensive scoring the weighted criteria (price, technical, business; 100 points in
 * all) and the price formula, the pre-check thresholds, and the outlier distance.
 *
 * @param maxAdjustmentPercent lowest evaluated price only: how far (percent of its price) a member may adjust a bid's
 *                             price for quantified deviations (价格折算), up or down
 */
public record EvaluationPlan(EvaluationMethod method, List<String> complianceCriteria, List<Criterion> criteria,
        PriceScoreFormula priceFormula, List<String> requiredItems, BigDecimal belowCostPercent,
        BigDecimal outlierDistance, BigDecimal maxAdjustmentPercent) {

    public static final BigDecimal TOTAL_POINTS = BigDecimal.valueOf(100);
    public static final int CANDIDATES = 3;

    public EvaluationPlan {
        Objects.requireNonNull(method, "method");
        complianceCriteria = List.copyOf(complianceCriteria);
        if (complianceCriteria.isEmpty() || new HashSet<>(complianceCriteria).size() != complianceCriteria.size()) {
            throw new IllegalArgumentException("complianceCriteria must name at least one criterion, each once");
        }
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        requiredItems = requiredItems == null ? List.of() : List.copyOf(requiredItems);
        belowCostPercent = positiveOr(belowCostPercent, "belowCostPercent", BigDecimal.valueOf(20));
        outlierDistance = positiveOr(outlierDistance, "outlierDistance", BigDecimal.valueOf(10));
        maxAdjustmentPercent = positiveOr(maxAdjustmentPercent, "maxAdjustmentPercent", BigDecimal.valueOf(10));
        if (method == EvaluationMethod.COMPREHENSIVE_SCORING) {
            Objects.requireNonNull(priceFormula, "priceFormula");
            long priceCriteria = criteria.stream().filter(c -> c.category() == Criterion.Category.PRICE).count();
            if (priceCriteria != 1) {
                throw new IllegalArgumentException("criteria need exactly one price criterion");
            }
            if (new HashSet<>(criteria.stream().map(Criterion::key).toList()).size() != criteria.size()) {
                throw new IllegalArgumentException("criteria keys must be unique");
            }
            BigDecimal total = criteria.stream().map(Criterion::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(TOTAL_POINTS) != 0) {
                throw new IllegalArgumentException("criteria weights must add up to 100 points, not " + total);
            }
        } else if (!criteria.isEmpty() || priceFormula != null) {
            throw new IllegalArgumentException("lowest evaluated price takes no scoring criteria or price formula");
        }
    }

    private static BigDecimal positiveOr(BigDecimal value, String name, BigDecimal fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    /** The price criterion of comprehensive scoring. */
    public Optional<Criterion> priceCriterion() {
        return criteria.stream().filter(c -> c.category() == Criterion.Category.PRICE).findFirst();
    }

    /** The criteria members score (technical and business). */
    public List<Criterion> memberCriteria() {
        return criteria.stream().filter(c -> c.category() != Criterion.Category.PRICE).toList();
    }
}
