package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sunbid.expert.Committees.CommitteeMember;
import org.sunbid.expert.Committees.Role;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** Named factories for evaluation rules tests: plans, bids, committees and a session run to any phase. */
final class EvaluationFixtures {

    static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    private EvaluationFixtures() {
    }

    static EvaluationPlan comprehensivePlan() {
        return new EvaluationPlan(EvaluationMethod.COMPREHENSIVE_SCORING, List.of("qualification", "responsiveness"),
                List.of(new Criterion("price", "投标报价", Criterion.Category.PRICE, new BigDecimal("40")),
                        new Criterion("technical", "技术方案", Criterion.Category.TECHNICAL, new BigDecimal("40")),
                        new Criterion("business", "商务", Criterion.Category.BUSINESS, new BigDecimal("20"))),
                new PriceScoreFormula.BenchmarkDeviation(new BigDecimal("0.05"), BigDecimal.ONE,
                        new BigDecimal("0.5")),
                List.of(), null, new BigDecimal("10"), null);
    }

    static EvaluationPlan lowestPricePlan() {
        return new EvaluationPlan(EvaluationMethod.LOWEST_EVALUATED_PRICE, List.of("qualification"), List.of(), null,
                List.of(), null, null, null);
    }

    static OfferedBid bid(String bidder, String price, int secondsAfterT0) {
        return new OfferedBid(BidId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()), bidder,
                new BigDecimal(price), T0.minusSeconds(100_000 - secondsAfterT0), List.of());
    }

    static List<CommitteeMember> committee(int size) {
        List<CommitteeMember> members = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            members.add(new CommitteeMember(MemberId.of(UUID.randomUUID()), "专家" + i, Role.DRAWN_EXPERT));
        }
        return members;
    }

    static EvaluationSession open(EvaluationPlan plan, List<OfferedBid> bids, List<CommitteeMember> committee) {
        return EvaluationSession.open(LotId.of(UUID.randomUUID()), plan, bids, committee, T0, Duration.ofHours(8));
    }

    /** Every member checks in, declares no conflict and votes for the first member as chair. */
    static void seatAll(EvaluationSession s) {
        MemberId first = s.active().get(0).member();
        for (EvaluationSession.Seat seat : s.active()) {
            s.checkIn(seat.member(), T0);
            s.declare(seat.member(), false, null, T0);
        }
        for (EvaluationSession.Seat seat : s.active()) {
            s.voteChair(seat.member(), first);
        }
    }

    /** Every active member passes every bid on every criterion, except the given bids, which all fail. */
    static void reviewAll(EvaluationSession s, List<BidId> failing) {
        for (EvaluationSession.Seat seat : s.active()) {
            for (OfferedBid b : s.bids()) {
                for (String c : s.plan().complianceCriteria()) {
                    boolean pass = !failing.contains(b.bid());
                    s.review(new ComplianceVote(seat.member(), b.bid(), c, pass, pass ? null : "资质证书过期"));
                }
            }
        }
    }

    static ScoreSheet sheet(MemberId member, BidId bid, String technical, String business) {
        return new ScoreSheet(bid, member, Map.of("technical", new BigDecimal(technical), "business",
                new BigDecimal(business)), "", "00");
    }

    static ScoreSheet adjustment(MemberId member, BidId bid, String amount) {
        return new ScoreSheet(bid, member, Map.of(ScoreSheet.ADJUSTMENT, new BigDecimal(amount)), "", "00");
    }
}
