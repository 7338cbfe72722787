package org.sunbid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;

class PreCheckTests {

    private static OfferedBid bid(String price, OfferedBid.PricedItem... items) {
        return new OfferedBid(BidId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()), "x", new BigDecimal(price),
                EvaluationFixtures.T0, List.of(items));
    }

    private static OfferedBid.PricedItem item(String name, String amount) {
        return new OfferedBid.PricedItem(name, new BigDecimal(amount));
    }

    private static EvaluationPlan plan(String belowCostPercent, String... required) {
        return new EvaluationPlan(EvaluationMethod.LOWEST_EVALUATED_PRICE, List.of("q"), List.of(), null,
                List.of(required), new BigDecimal(belowCostPercent), null, null);
    }

    @Test
    void findsItemsThatDoNotAddUpToTheFen() {
        OfferedBid right = bid("100.00", item("土建", "60.00"), item("安装", "40.00"));
        OfferedBid wrong = bid("100.00", item("土建", "60.00"), item("安装", "39.99"));
        var findings = PreCheck.run(plan("50"), List.of(right, wrong));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.bid()).isEqualTo(wrong.bid());
            assertThat(f.kind()).isEqualTo(PreCheckFinding.Kind.ARITHMETIC_MISMATCH);
            assertThat(f.detail()).contains("99.99");
        });
    }

    @Test
    void findsRequiredItemsLeftOut() {
        OfferedBid bid = bid("100.00", item("土建", "100.00"));
        var findings = PreCheck.run(plan("50", "土建", "安装"), List.of(bid));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(PreCheckFinding.Kind.MISSING_ITEM);
            assertThat(f.detail()).isEqualTo("安装");
        });
    }

    @Test
    void flagsPricesMoreThanTheConfiguredPercentUnderTheMean() {
        // mean 1000; 20% under → floor 800: 790 is flagged, 800 is not
        OfferedBid low = bid("790.00");
        OfferedBid edge = bid("800.00");
        OfferedBid high = bid("1410.00");
        var findings = PreCheck.run(plan("20"), List.of(low, edge, high));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.bid()).isEqualTo(low.bid());
            assertThat(f.kind()).isEqualTo(PreCheckFinding.Kind.BELOW_COST);
        });
    }
}
