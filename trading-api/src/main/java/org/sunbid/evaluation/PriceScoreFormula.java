package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How comprehensive scoring turns a compliant bid's price into points. The platform computes price points from the
 * prices of the bids that passed compliance; members never score price. Points have scale 2, rounded half up.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({ @JsonSubTypes.Type(PriceScoreFormula.BenchmarkDeviation.class),
        @JsonSubTypes.Type(PriceScoreFormula.LowestPriceRatio.class) })
public sealed interface PriceScoreFormula {

    MathContext MC = MathContext.DECIMAL64;
    BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Points for {@code price} among {@code validPrices} (which contain it), at most {@code maxPoints}, never below zero. */
    BigDecimal score(BigDecimal price, Collection<BigDecimal> validPrices, BigDecimal maxPoints);

    /** A stable name for the record and the report. */
    String describe();

    /**
     * 基准价偏差法: benchmark = mean of the valid prices × (1 − k); a price at the benchmark earns full points and each
     * percent of deviation costs {@code pointsPerPercentAbove} above it and {@code pointsPerPercentBelow} below it.
     */
    record BenchmarkDeviation(BigDecimal k, BigDecimal pointsPerPercentAbove, BigDecimal pointsPerPercentBelow)
            implements PriceScoreFormula {

        public BenchmarkDeviation {
            if (k == null || k.signum() < 0 || k.compareTo(new BigDecimal("0.2")) > 0) {
                throw new IllegalArgumentException("k must lie between 0 and 0.2");
            }
            if (pointsPerPercentAbove == null || pointsPerPercentAbove.signum() < 0 || pointsPerPercentBelow == null
                    || pointsPerPercentBelow.signum() < 0) {
                throw new IllegalArgumentException("points per percent must not be negative");
            }
        }

        public BigDecimal benchmark(Collection<BigDecimal> validPrices) {
            BigDecimal sum = validPrices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = sum.divide(BigDecimal.valueOf(validPrices.size()), MC);
            return mean.multiply(BigDecimal.ONE.subtract(k), MC);
        }

        @Override
        public BigDecimal score(BigDecimal price, Collection<BigDecimal> validPrices, BigDecimal maxPoints) {
            requireAmong(price, validPrices);
            BigDecimal benchmark = benchmark(validPrices);
            BigDecimal deviationPercent = price.subtract(benchmark).multiply(HUNDRED).divide(benchmark, MC);
            BigDecimal rate = deviationPercent.signum() > 0 ? pointsPerPercentAbove : pointsPerPercentBelow;
            BigDecimal points = maxPoints.subtract(deviationPercent.abs().multiply(rate, MC));
            return points.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        }

        @Override
        public String describe() {
            return "基准价偏差法 benchmark = mean × (1 − %s); −%s per %% above, −%s per %% below".formatted(
                    k.toPlainString(), pointsPerPercentAbove.toPlainString(), pointsPerPercentBelow.toPlainString());
        }
    }

    /** 低价优先法 (财政部令第87号 art. 55): points = maxPoints × lowest valid price / price. */
    record LowestPriceRatio() implements PriceScoreFormula {

        @Override
        public BigDecimal score(BigDecimal price, Collection<BigDecimal> validPrices, BigDecimal maxPoints) {
            requireAmong(price, validPrices);
            BigDecimal lowest = validPrices.stream().min(BigDecimal::compareTo).orElseThrow();
            return maxPoints.multiply(lowest, MC).divide(price, MC).setScale(2, RoundingMode.HALF_UP);
        }

        @Override
        public String describe() {
            return "低价优先法 points = max × lowest / price";
        }
    }

    private static void requireAmong(BigDecimal price, Collection<BigDecimal> validPrices) {
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0 || validPrices.isEmpty()
                || validPrices.stream().noneMatch(p -> p.compareTo(price) == 0)) {
            throw new IllegalArgumentException("price must be one of the valid prices");
        }
    }
}
