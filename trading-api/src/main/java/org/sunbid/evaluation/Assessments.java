package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the sheets of the active members into one assessment per compliant bid. Comprehensive scoring: a member's total
 * is the platform's price points plus the member's criterion points, and the bid's score is the mean of the members'
 * totals; lowest evaluated price: the evaluated price is the price plus the mean of the members' adjustments. Means
 * are rounded half up to two decimals.
 */
final class Assessments {

    private Assessments() {
    }

    static List<BidAssessment> assess(EvaluationPlan plan, List<OfferedBid> compliant, Collection<ScoreSheet> sheets) {
        List<BigDecimal> validPrices = compliant.stream().map(OfferedBid::price).toList();
        List<BidAssessment> out = new ArrayList<>();
        for (OfferedBid bid : compliant) {
            List<ScoreSheet> own = sheets.stream().filter(s -> s.bid().equals(bid.bid())).toList();
            if (own.isEmpty()) {
                throw new IllegalStateException("bid %s has no score sheets".formatted(bid.bid()));
            }
            if (plan.method() == EvaluationMethod.LOWEST_EVALUATED_PRICE) {
                BigDecimal adjustment = mean(own.stream().map(s -> s.values().get(ScoreSheet.ADJUSTMENT)).toList());
                BigDecimal evaluated = bid.price().add(adjustment).setScale(2, RoundingMode.HALF_UP);
                List<BidAssessment.Outlier> outliers = outliers(own.stream()
                        .map(s -> new Total(s, bid.price().add(s.values().get(ScoreSheet.ADJUSTMENT)))).toList(),
                        bid.price().multiply(plan.outlierDistance()).divide(BigDecimal.valueOf(100),
                                PriceScoreFormula.MC));
                out.add(new BidAssessment(bid.bid(), bid.bidderName(), bid.price(), bid.receivedAt(), null, null, null,
                        evaluated, outliers));
            } else {
                Criterion price = plan.priceCriterion().orElseThrow();
                BigDecimal pricePoints = plan.priceFormula().score(bid.price(), validPrices, price.maxPoints());
                List<Total> totals = own.stream().map(s -> new Total(s, pricePoints.add(s.total()))).toList();
                BigDecimal score = mean(totals.stream().map(Total::value).toList());
                BigDecimal technical = mean(own.stream().map(s -> plan.memberCriteria().stream()
                        .filter(c -> c.category() == Criterion.Category.TECHNICAL)
                        .map(c -> s.values().get(c.key())).reduce(BigDecimal.ZERO, BigDecimal::add)).toList());
                out.add(new BidAssessment(bid.bid(), bid.bidderName(), bid.price(), bid.receivedAt(), pricePoints, score,
                        technical, null, outliers(totals, plan.outlierDistance())));
            }
        }
        return out;
    }

    private record Total(ScoreSheet sheet, BigDecimal value) {
    }

    /** Members whose total lies more than {@code distance} from the mean of all totals for the bid. */
    private static List<BidAssessment.Outlier> outliers(List<Total> totals, BigDecimal distance) {
        BigDecimal mean = mean(totals.stream().map(Total::value).toList());
        return totals.stream().filter(t -> t.value().subtract(mean).abs().compareTo(distance) > 0)
                .map(t -> new BidAssessment.Outlier(t.sheet().member(), t.value(), mean)).toList();
    }

    static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
