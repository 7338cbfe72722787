package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine pre-check (清标) over the opened bids of a lot: arithmetic of itemised prices against the total (to the
 * fen), items required by the plan but not priced, and prices more than {@code belowCostPercent} under the mean of all
 * opened prices (评标委员会和评标方法暂行规定 art. 21: possible below-cost bids, for the committee to question).
 */
public final class PreCheck {

    private PreCheck() {
    }

    public static List<PreCheckFinding> run(EvaluationPlan plan, List<OfferedBid> bids) {
        List<PreCheckFinding> findings = new ArrayList<>();
        BigDecimal mean = bids.isEmpty() ? BigDecimal.ZERO
                : bids.stream().map(OfferedBid::price).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(bids.size()), PriceScoreFormula.MC);
        BigDecimal floor = mean.multiply(BigDecimal.ONE.subtract(
                plan.belowCostPercent().divide(BigDecimal.valueOf(100), PriceScoreFormula.MC)), PriceScoreFormula.MC);
        for (OfferedBid bid : bids) {
            if (!bid.items().isEmpty()) {
                BigDecimal sum = bid.items().stream().map(OfferedBid.PricedItem::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(bid.price()) != 0) {
                    findings.add(new PreCheckFinding(bid.bid(), PreCheckFinding.Kind.ARITHMETIC_MISMATCH,
                            "items add up to %s, total is %s".formatted(sum.toPlainString(),
                                    bid.price().toPlainString())));
                }
            }
            Set<String> priced = bid.items().stream().map(OfferedBid.PricedItem::name).collect(Collectors.toSet());
            for (String required : plan.requiredItems()) {
                if (!priced.contains(required)) {
                    findings.add(new PreCheckFinding(bid.bid(), PreCheckFinding.Kind.MISSING_ITEM, required));
                }
            }
            if (bids.size() > 1 && bid.price().compareTo(floor) < 0) {
                BigDecimal under = BigDecimal.ONE.subtract(bid.price().divide(mean, PriceScoreFormula.MC))
                        .multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP);
                findings.add(new PreCheckFinding(bid.bid(), PreCheckFinding.Kind.BELOW_COST,
                        "%s%% under the mean %s".formatted(under.toPlainString(),
                                mean.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())));
            }
        }
        return findings;
    }
}
