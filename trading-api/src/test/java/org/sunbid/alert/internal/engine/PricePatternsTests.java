package org.sunbid.alert.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Regular price differences: arithmetic and geometric runs within tolerance, crowding under the maximum. */
class PricePatternsTests {

    static List<BigDecimal> prices(String... p) {
        return java.util.Arrays.stream(p).map(BigDecimal::new).toList();
    }

    @Test
    void findsAnArithmeticRunInAnyOrderWithinTolerance() {
        var runs = PricePatterns.arithmetic(prices("1040000", "990000", "1000000", "1020000", "1060010"), 0.002, 3);
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.members()).containsExactly(2, 3, 0, 4);
            assertThat(r.step().doubleValue()).isCloseTo(20002.5, org.assertj.core.data.Offset.offset(1.0));
        });
    }

    @Test
    void differencesOutsideToleranceAreNoProgression() {
        assertThat(PricePatterns.arithmetic(prices("1000000", "1020000", "1040500"), 0.002, 3)).isEmpty();
        assertThat(PricePatterns.arithmetic(prices("1000000", "1000000", "1000000"), 0.002, 3)).isEmpty();
    }

    @Test
    void findsAGeometricRun() {
        var runs = PricePatterns.geometric(prices("1102500", "1000000", "1050000", "900000"), 0.002, 3);
        assertThat(runs).singleElement().satisfies(r -> assertThat(r.members()).containsExactly(1, 2, 0));
        assertThat(PricePatterns.arithmetic(prices("1102500", "1000000", "1050000"), 0.002, 3)).isEmpty();
    }

    @Test
    void pricesJustUnderTheMaximumAreFoundButNotThoseAboveIt() {
        var under = PricePatterns.underMaximum(prices("4990000", "5000001", "4975000", "4974999"),
                new BigDecimal("5000000"), 0.005);
        assertThat(under).containsExactly(0, 2);
    }

    @Test
    void randomHonestPricesRarelyFormARunOfFour() {
        SplittableRandom random = new SplittableRandom(42);
        int hits = 0;
        for (int lot = 0; lot < 500; lot++) {
            List<BigDecimal> p = random.doubles(10, 800_000, 1_000_000).mapToObj(d -> BigDecimal.valueOf(Math.round(d)))
                    .toList();
            hits += PricePatterns.arithmetic(p, 0.002, 4).isEmpty() ? 0 : 1;
        }
        assertThat(hits).isLessThanOrEqualTo(2);
    }
}
