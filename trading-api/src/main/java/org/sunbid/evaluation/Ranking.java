package org.sunbid.evaluation;

import java.util.Comparator;
import java.util.List;

/**
 * Orders assessed bids and keeps the first {@link EvaluationPlan#CANDIDATES} as ranked candidates (评标委员会和评标方法暂行
 * 规定 art. 45: one to three candidates, in order).
 *
 * <p>Tie-break, documented in docs/evaluation.md: comprehensive scoring ranks by score (high first), then price (low
 * first), then technical score (high first, 财政部令第87号 art. 65), then the earlier receipt; lowest evaluated price
 * ranks by evaluated price (low first), then price (low first), then the earlier receipt. The receipt time is the
 * platform's RFC 3161-stamped instant, so the order is total and replayable.
 */
public final class Ranking {

    private Ranking() {
    }

    public static final Comparator<BidAssessment> COMPREHENSIVE = Comparator
            .comparing(BidAssessment::score, Comparator.reverseOrder())
            .thenComparing(BidAssessment::price)
            .thenComparing(BidAssessment::technicalScore, Comparator.reverseOrder())
            .thenComparing(BidAssessment::receivedAt);

    public static final Comparator<BidAssessment> LOWEST_PRICE = Comparator
            .comparing(BidAssessment::evaluatedPrice)
            .thenComparing(BidAssessment::price)
            .thenComparing(BidAssessment::receivedAt);

    public static List<BidAssessment> rank(EvaluationMethod method, List<BidAssessment> assessed) {
        Comparator<BidAssessment> order = method == EvaluationMethod.COMPREHENSIVE_SCORING ? COMPREHENSIVE : LOWEST_PRICE;
        return assessed.stream().sorted(order).toList();
    }

    public static List<BidAssessment> candidates(EvaluationMethod method, List<BidAssessment> assessed) {
        return rank(method, assessed).stream().limit(EvaluationPlan.CANDIDATES).toList();
    }
}
