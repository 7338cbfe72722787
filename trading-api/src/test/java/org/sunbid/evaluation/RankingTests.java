package org.sunbid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.id.BidId;

class RankingTests {

    private static BidAssessment scored(String name, String score, String price, String technical, int second) {
        return new BidAssessment(BidId.of(UUID.randomUUID()), name, new BigDecimal(price),
                Instant.parse("2026-12-01T00:00:00Z").plusSeconds(second), BigDecimal.ONE, new BigDecimal(score),
                new BigDecimal(technical), null, List.of());
    }

    private static BidAssessment priced(String name, String evaluated, String price, int second) {
        return new BidAssessment(BidId.of(UUID.randomUUID()), name, new BigDecimal(price),
                Instant.parse("2026-12-01T00:00:00Z").plusSeconds(second), null, null, null, new BigDecimal(evaluated),
                List.of());
    }

    @Test
    void comprehensiveTiesGoToTheLowerPriceThenTheBetterTechnicalScoreThenTheEarlierReceipt() {
        var high = scored("高分", "90", "100", "30", 9);
        var tieCheaper = scored("同分低价", "85", "90", "20", 8);
        var tieBetterTech = scored("同分同价技术高", "85", "100", "35", 7);
        var tieEarlier = scored("同分同价技术同早", "85", "100", "30", 1);
        var tieLater = scored("同分同价技术同晚", "85", "100", "30", 2);
        var ranked = Ranking.rank(EvaluationMethod.COMPREHENSIVE_SCORING,
                List.of(tieLater, tieEarlier, tieBetterTech, high, tieCheaper));
        assertThat(ranked).extracting(BidAssessment::bidderName).containsExactly("高分", "同分低价", "同分同价技术高",
                "同分同价技术同早", "同分同价技术同晚");
        assertThat(Ranking.candidates(EvaluationMethod.COMPREHENSIVE_SCORING, ranked)).hasSize(3);
    }

    @Test
    void lowestEvaluatedPriceTiesGoToTheLowerPriceThenTheEarlierReceipt() {
        var ranked = Ranking.rank(EvaluationMethod.LOWEST_EVALUATED_PRICE, List.of(
                priced("晚", "100", "95", 5), priced("早", "100", "95", 1), priced("低价", "100", "90", 9),
                priced("最低", "99", "99", 9)));
        assertThat(ranked).extracting(BidAssessment::bidderName).containsExactly("最低", "低价", "早", "晚");
    }
}
