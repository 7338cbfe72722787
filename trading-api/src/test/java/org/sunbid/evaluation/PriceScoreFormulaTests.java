package org.sunbid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Size;

class PriceScoreFormulaTests {

    private static final BigDecimal MAX = new BigDecimal("40");

    @Test
    void benchmarkDeviationGivesFullPointsAtTheBenchmarkAndDeductsPerPercent() {
        var formula = new PriceScoreFormula.BenchmarkDeviation(new BigDecimal("0.05"), BigDecimal.ONE,
                new BigDecimal("0.5"));
        List<BigDecimal> prices = List.of(new BigDecimal("900000"), new BigDecimal("1000000"),
                new BigDecimal("1100000"));
        // mean 1,000,000; benchmark 950,000
        assertThat(formula.benchmark(prices)).isEqualByComparingTo("950000");
        // 900,000 is 5.263% below: 40 − 0.5 × 5.263 = 37.37
        assertThat(formula.score(new BigDecimal("900000"), prices, MAX)).isEqualByComparingTo("37.37");
        // 1,000,000 is 5.263% above: 40 − 5.263 = 34.74
        assertThat(formula.score(new BigDecimal("1000000"), prices, MAX)).isEqualByComparingTo("34.74");
        // 1,100,000 is 15.789% above: 40 − 15.79 = 24.21
        assertThat(formula.score(new BigDecimal("1100000"), prices, MAX)).isEqualByComparingTo("24.21");
    }

    @Test
    void benchmarkDeviationNeverGoesBelowZero() {
        var formula = new PriceScoreFormula.BenchmarkDeviation(BigDecimal.ZERO, new BigDecimal("5"), BigDecimal.ONE);
        List<BigDecimal> prices = List.of(new BigDecimal("100"), new BigDecimal("300"));
        assertThat(formula.score(new BigDecimal("300"), prices, MAX)).isEqualByComparingTo("0.00");
    }

    @Test
    void lowestPriceRatioGivesTheLowestFullPoints() {
        var formula = new PriceScoreFormula.LowestPriceRatio();
        List<BigDecimal> prices = List.of(new BigDecimal("800"), new BigDecimal("1000"));
        assertThat(formula.score(new BigDecimal("800"), prices, MAX)).isEqualByComparingTo("40.00");
        assertThat(formula.score(new BigDecimal("1000"), prices, MAX)).isEqualByComparingTo("32.00");
    }

    @Test
    void refusesAPriceThatIsNotAmongTheValidOnes() {
        assertThatThrownBy(() -> new PriceScoreFormula.LowestPriceRatio().score(new BigDecimal("5"),
                List.of(new BigDecimal("10")), MAX)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnreasonableDiscount() {
        assertThatThrownBy(() -> new PriceScoreFormula.BenchmarkDeviation(new BigDecimal("0.5"), BigDecimal.ONE,
                BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void bothFormulasStayWithinZeroAndMaxAndFavourLowerPricesForLowestRatio(
            @ForAll @Size(min = 1, max = 20) List<@BigRange(min = "1000", max = "9999999") BigDecimal> raw) {
        List<BigDecimal> prices = raw.stream().map(p -> p.setScale(2, java.math.RoundingMode.DOWN)).toList();
        var ratio = new PriceScoreFormula.LowestPriceRatio();
        var deviation = new PriceScoreFormula.BenchmarkDeviation(new BigDecimal("0.03"), BigDecimal.ONE,
                new BigDecimal("0.5"));
        for (BigDecimal p : prices) {
            assertThat(ratio.score(p, prices, MAX)).isBetween(BigDecimal.ZERO, MAX);
            assertThat(deviation.score(p, prices, MAX)).isBetween(BigDecimal.ZERO, MAX);
        }
        List<BigDecimal> sorted = prices.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(ratio.score(sorted.get(i), prices, MAX)).isLessThanOrEqualTo(
                    ratio.score(sorted.get(i - 1), prices, MAX));
        }
    }
}
