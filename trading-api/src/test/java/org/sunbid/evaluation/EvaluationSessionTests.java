package org.sunbid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sunbid.evaluation.EvaluationFixtures.T0;
import static org.sunbid.evaluation.EvaluationFixtures.adjustment;
import static org.sunbid.evaluation.EvaluationFixtures.bid;
import static org.sunbid.evaluation.EvaluationFixtures.committee;
import static org.sunbid.evaluation.EvaluationFixtures.comprehensivePlan;
import static org.sunbid.evaluation.EvaluationFixtures.lowestPricePlan;
import static org.sunbid.evaluation.EvaluationFixtures.open;
import static org.sunbid.evaluation.EvaluationFixtures.reviewAll;
import static org.sunbid.evaluation.EvaluationFixtures.seatAll;
import static org.sunbid.evaluation.EvaluationFixtures.sheet;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.sunbid.expert.Committees.CommitteeMember;
import org.sunbid.expert.Committees.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

class EvaluationSessionTests {

    private final OfferedBid a = bid("甲建设", "1000000.00", 1);
    private final OfferedBid b = bid("乙建设", "950000.00", 2);
    private final OfferedBid c = bid("丙建设", "1100000.00", 3);
    private final OfferedBid d = bid("丁建设", "700000.00", 4);

    private static void refused(ThrowingCallable act, String rule) {
        assertThatThrownBy(act).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(rule));
    }

    private static MemberId m(EvaluationSession s, int i) {
        return s.active().get(i).member();
    }

    @Test
    void refusesToOpenWithoutACommittee() {
        refused(() -> open(comprehensivePlan(), List.of(a), List.of()), "committee-not-seated");
    }

    @Test
    void staysInCheckInUntilEveryoneDeclaredAndAChairIsElectedByMajority() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a, b), committee(5));
        for (var seat : s.active()) {
            s.checkIn(seat.member(), T0);
            s.declare(seat.member(), false, null, T0);
        }
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.CHECK_IN);
        s.voteChair(m(s, 0), m(s, 1));
        s.voteChair(m(s, 1), m(s, 1));
        assertThat(s.chair()).isEmpty();
        s.voteChair(m(s, 2), m(s, 1));
        assertThat(s.chair()).contains(m(s, 1));
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.COMPLIANCE);
    }

    @Test
    void refusesToDeclareBeforeCheckingInAndOutsidersEntirely() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a), committee(3));
        refused(() -> s.declare(m(s, 0), false, null, T0), "not-checked-in");
        refused(() -> s.checkIn(MemberId.of(java.util.UUID.randomUUID()), T0), "not-a-committee-member");
    }

    @Test
    void aConflictRemovesTheMemberVoidsTheirConclusionsAndTheReplacementMustCatchUp() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a, b), committee(3));
        seatAll(s);
        MemberId leaving = m(s, 2);
        s.review(new ComplianceVote(leaving, a.bid(), "qualification", true, null));
        s.declare(leaving, true, "曾在甲建设任职", T0.plusSeconds(60));
        assertThat(s.votes()).noneMatch(v -> v.member().equals(leaving));
        assertThat(s.voided()).singleElement().satisfies(v -> assertThat(v.member()).isEqualTo(leaving));
        assertThat(s.active()).hasSize(2);
        refused(() -> s.review(new ComplianceVote(leaving, a.bid(), "qualification", true, null)),
                "not-a-committee-member");

        CommitteeMember replacement = new CommitteeMember(MemberId.of(java.util.UUID.randomUUID()), "专家4",
                Role.DRAWN_EXPERT);
        s.seat(List.of(replacement));
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.CHECK_IN);
        s.checkIn(replacement.member(), T0);
        s.declare(replacement.member(), false, null, T0);
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.COMPLIANCE);
    }

    @Test
    void aChairWhoDeclaresAConflictLosesTheChair() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a), committee(3));
        seatAll(s);
        MemberId chair = s.chair().orElseThrow();
        s.declare(chair, true, "近亲属在投标人处任职", T0);
        assertThat(s.chair()).isEmpty();
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.CHECK_IN);
    }

    @Test
    void majorityDecidesComplianceAndATieFails() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a, b), committee(3));
        seatAll(s);
        for (int i = 0; i < 3; i++) {
            boolean passA = i < 2; // 2 of 3 pass bid a
            for (String crit : s.plan().complianceCriteria()) {
                s.review(new ComplianceVote(m(s, i), a.bid(), crit, passA, passA ? null : "未提供业绩"));
                boolean passB = i == 0; // 1 of 3 pass bid b
                s.review(new ComplianceVote(m(s, i), b.bid(), crit, passB, passB ? null : "报价超过最高限价"));
            }
        }
        var results = s.complianceResults();
        assertThat(results.get(0).passed()).isTrue();
        assertThat(results.get(0).dissent()).hasSize(2).allMatch(d -> d.member().equals(m(s, 2)));
        assertThat(results.get(1).passed()).isFalse();
        assertThat(results.get(1).reasons()).anyMatch(r -> r.contains("报价超过最高限价"));
        assertThat(s.compliantBids()).containsExactly(a);
        assertThat(ComplianceResult.decide(a.bid(), List.of("q"), List.of(
                new ComplianceVote(m(s, 0), a.bid(), "q", true, null),
                new ComplianceVote(m(s, 1), a.bid(), "q", false, "x"))).passed()).isFalse();
    }

    @Test
    void aFailNeedsAReason() {
        refused(() -> new ComplianceVote(MemberId.of(java.util.UUID.randomUUID()), a.bid(), "q", false, " "),
                "compliance-fail-needs-reason");
    }

    @Test
    void refusesSheetsBeforeComplianceEndsForFailedBidsOutOfRangeOrTwice() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a, b), committee(3));
        seatAll(s);
        refused(() -> s.submit(sheet(m(s, 0), a.bid(), "30", "10")), "scoring-not-open");
        reviewAll(s, List.of(b.bid()));
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.SCORING);
        refused(() -> s.submit(sheet(m(s, 0), b.bid(), "30", "10")), "bid-failed-compliance");
        refused(() -> s.submit(sheet(m(s, 0), a.bid(), "41", "10")), "score-out-of-range");
        refused(() -> s.submit(sheet(m(s, 0), a.bid(), "-1", "10")), "score-out-of-range");
        refused(() -> s.submit(new ScoreSheet(a.bid(), m(s, 0), Map.of("technical", java.math.BigDecimal.ONE), "",
                "00")), "score-sheet-incomplete");
        refused(() -> s.submit(new ScoreSheet(a.bid(), m(s, 0), Map.of("technical", java.math.BigDecimal.ONE,
                "business", java.math.BigDecimal.ONE, "price", java.math.BigDecimal.TEN), "", "00")),
                "score-sheet-unknown-criterion");
        assertThat(s.sheets()).isEmpty();
        s.submit(sheet(m(s, 0), a.bid(), "30", "10"));
        refused(() -> s.submit(sheet(m(s, 0), a.bid(), "31", "10")), "score-sheet-already-submitted");
    }

    @Test
    void aMemberSeesOthersSheetsOnlyAfterSubmittingTheirOwn() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a), committee(3));
        seatAll(s);
        reviewAll(s, List.of());
        s.submit(sheet(m(s, 0), a.bid(), "30", "10"));
        assertThat(s.sheetsVisibleTo(m(s, 1), a.bid())).isEmpty();
        s.submit(sheet(m(s, 1), a.bid(), "20", "10"));
        assertThat(s.sheetsVisibleTo(m(s, 1), a.bid())).hasSize(2);
    }

    @Test
    void ranksUpToThreeCandidatesAndFlagsOutliers() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a, b, c, d), committee(3));
        seatAll(s);
        reviewAll(s, List.of());
        for (int i = 0; i < 3; i++) {
            s.submit(sheet(m(s, i), a.bid(), "35", "18"));
            s.submit(sheet(m(s, i), b.bid(), i == 2 ? "5" : "30", "15"));
            s.submit(sheet(m(s, i), c.bid(), "38", "19"));
            s.submit(sheet(m(s, i), d.bid(), "20", "10"));
        }
        assertThat(s.scoringComplete()).isTrue();
        var outcome = (EvaluationOutcome.Candidates) s.drawReport(T0.plusSeconds(3600));
        assertThat(outcome.ranked()).hasSize(3);
        assertThat(outcome.assessed()).hasSize(4);
        for (int i = 1; i < outcome.assessed().size(); i++) {
            assertThat(outcome.assessed().get(i).score()).isLessThanOrEqualTo(outcome.assessed().get(i - 1).score());
        }
        BidAssessment assessedB = outcome.assessed().stream().filter(x -> x.bid().equals(b.bid())).findFirst()
                .orElseThrow();
        assertThat(assessedB.outliers()).singleElement().satisfies(o -> assertThat(o.member()).isEqualTo(m(s, 2)));
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.REPORT_SIGNING);
        refused(() -> s.submit(sheet(m(s, 0), a.bid(), "30", "10")), "report-already-drawn");
        refused(() -> s.declare(m(s, 0), true, "x", T0), "report-already-drawn");
    }

    @Test
    void lowestEvaluatedPriceRanksByPricePlusMeanAdjustment() {
        EvaluationSession s = open(lowestPricePlan(), List.of(a, b, c, d), committee(3));
        seatAll(s);
        reviewAll(s, List.of(d.bid()));
        for (int i = 0; i < 3; i++) {
            s.submit(adjustment(m(s, i), a.bid(), "0"));
            s.submit(adjustment(m(s, i), b.bid(), "90000")); // 950,000 + 90,000 = 1,040,000
            s.submit(adjustment(m(s, i), c.bid(), "-50000")); // 1,100,000 − 50,000 = 1,050,000
        }
        refused(() -> s.submit(adjustment(m(s, 0), d.bid(), "0")), "bid-failed-compliance");
        var outcome = (EvaluationOutcome.Candidates) s.drawReport(T0);
        assertThat(outcome.ranked()).extracting(BidAssessment::bid).containsExactly(a.bid(), b.bid(), c.bid());
        assertThat(outcome.ranked().get(1).evaluatedPrice()).isEqualByComparingTo("1040000.00");
    }

    @Test
    void refusesAdjustmentsBeyondTheConfiguredShareOfThePrice() {
        EvaluationSession s = open(lowestPricePlan(), List.of(a), committee(3));
        seatAll(s);
        reviewAll(s, List.of());
        refused(() -> s.submit(adjustment(m(s, 0), a.bid(), "100000.01")), "score-out-of-range");
        s.submit(adjustment(m(s, 0), a.bid(), "100000.00"));
    }

    @Test
    void whenEveryBidFailsComplianceTheLotFailsWithoutScoring() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a, b), committee(3));
        seatAll(s);
        reviewAll(s, List.of(a.bid(), b.bid()));
        assertThat(s.drawReport(T0)).isInstanceOf(EvaluationOutcome.AllRejected.class);
    }

    @Test
    void refusesToDrawTheReportBeforeEverySheetIsIn() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a), committee(3));
        seatAll(s);
        refused(() -> s.drawReport(T0), "compliance-incomplete");
        reviewAll(s, List.of());
        s.submit(sheet(m(s, 0), a.bid(), "30", "10"));
        refused(() -> s.drawReport(T0), "scoring-incomplete");
    }

    @Test
    void extendsOnlyWhenMoreThanAThirdAsk() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a), committee(6));
        seatAll(s);
        Duration hour = Duration.ofHours(1);
        var before = s.deadline();
        assertThat(s.requestExtension(m(s, 0), hour, T0)).isFalse();
        assertThat(s.requestExtension(m(s, 1), hour, T0)).isFalse(); // 2 of 6 is exactly a third
        assertThat(s.requestExtension(m(s, 2), hour, T0)).isTrue();
        assertThat(s.deadline()).isEqualTo(before.plus(hour));
        assertThat(s.requestExtension(m(s, 3), hour, T0)).isFalse();
        assertThat(s.deadline()).isEqualTo(before.plus(hour));
    }

    @Test
    void everyActiveMemberSignsTheReportOnceBeforeThePlatform() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a), committee(3));
        seatAll(s);
        reviewAll(s, List.of());
        refused(() -> s.reportSignedBy(m(s, 0)), "report-not-drawn");
        for (int i = 0; i < 3; i++) {
            s.submit(sheet(m(s, i), a.bid(), "30", "10"));
        }
        s.drawReport(T0);
        s.reportSignedBy(m(s, 0));
        refused(() -> s.reportSignedBy(m(s, 0)), "report-already-signed");
        refused(() -> s.concluded(T0), "report-not-signed-by-all");
        s.reportSignedBy(m(s, 1));
        s.reportSignedBy(m(s, 2));
        s.concluded(T0);
        assertThat(s.phase()).isEqualTo(EvaluationSession.Phase.CONCLUDED);
    }

    @Test
    void aSnapshotRestoresTheSameSession() {
        EvaluationSession s = open(comprehensivePlan(), List.of(a, b), committee(3));
        seatAll(s);
        reviewAll(s, List.of(b.bid()));
        s.submit(sheet(m(s, 0), a.bid(), "30", "10"));
        EvaluationSession copy = EvaluationSession.restore(s.snapshot());
        assertThat(copy.snapshot()).isEqualTo(s.snapshot());
        assertThat(copy.phase()).isEqualTo(EvaluationSession.Phase.SCORING);
    }
}
