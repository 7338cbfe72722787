package org.sunbid.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ObjectionId;
import org.sunbid.project.Procedure;

class AwardTests {

    private static final Instant REPORT = Instant.parse("2026-12-03T02:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private final Candidate first = candidate(1, "900000.00");
    private final Candidate second = candidate(2, "950000.00");
    private final Candidate third = candidate(3, "990000.00");

    private static Candidate candidate(int rank, String price) {
        return new Candidate(rank, BidId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()), "候选人" + rank,
                new BigDecimal(price), new BigDecimal(90 - rank), null);
    }

    private static void refused(ThrowingCallable act, String rule) {
        assertThatThrownBy(act).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(rule));
    }

    private Award award(boolean stateFunded) {
        var period = PublicityRules.statutory().publicity(Procedure.OPEN, REPORT, REPORT.plus(DAY), null);
        return new Award(LotId.of(UUID.randomUUID()), stateFunded, List.of(first, second, third), period);
    }

    private static Instant afterPublicity() {
        return REPORT.plus(DAY).plus(Duration.ofDays(3));
    }

    @Test
    void publicityStartsWithinThreeDaysOfTheReportAndLastsAtLeastTheProcedureMinimum() {
        PublicityRules rules = new PublicityRules(Map.of(Procedure.OPEN, 5));
        refused(() -> rules.publicity(Procedure.OPEN, REPORT, REPORT.plus(Duration.ofDays(3)).plusSeconds(1), null),
                "publicity-late");
        refused(() -> rules.publicity(Procedure.OPEN, REPORT, REPORT, 4), "publicity-too-short");
        assertThat(rules.publicity(Procedure.OPEN, REPORT, REPORT, null).until()).isEqualTo(REPORT.plus(
                Duration.ofDays(5)));
        assertThat(rules.publicity(Procedure.INVITED, REPORT, REPORT, null).until()).isEqualTo(REPORT.plus(
                Duration.ofDays(3)));
        assertThatThrownBy(() -> new PublicityRules(Map.of(Procedure.OPEN, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTestProjectsPublicityRunsOnTheAcceleratedDayButItsDeadlineToPublishDoesNot() {
        Duration day = Duration.ofSeconds(6);
        var period = PublicityRules.statutory().publicity(Procedure.OPEN, REPORT, REPORT.plus(Duration.ofHours(1)),
                null, day);
        assertThat(Duration.between(period.from(), period.until())).isEqualTo(Duration.ofSeconds(18));
        refused(() -> PublicityRules.statutory().publicity(Procedure.OPEN, REPORT, REPORT.plus(Duration.ofDays(3))
                .plusSeconds(1), null, day), "publicity-late");
        refused(() -> PublicityRules.statutory().publicity(Procedure.OPEN, REPORT, REPORT, 2, day),
                "publicity-too-short");
    }

    @Test
    void anOpenObjectionSuspendsTheAwardUntilAnswered() {
        Award award = award(true);
        Objection o = award.object(second.bidder(), "第一名业绩造假", "ab", REPORT.plus(DAY).plus(Duration.ofHours(2)));
        assertThat(o.answerDue()).isEqualTo(o.raisedAt().plus(Duration.ofDays(3)));
        assertThat(award.suspended()).isTrue();
        refused(() -> award.decide(first.bid(), List.of(), "s", afterPublicity()), "award-suspended-by-objection");
        award.answer(ObjectionId.of(o.id()), "经核查业绩真实", afterPublicity());
        refused(() -> award.answer(ObjectionId.of(o.id()), "again", afterPublicity()), "objection-already-answered");
        assertThat(award.suspended()).isFalse();
        assertThat(award.decide(first.bid(), List.of(), "s", afterPublicity()).winner()).isEqualTo(first.bid());
    }

    @Test
    void refusesObjectionsOutsideThePublicity() {
        Award award = award(false);
        refused(() -> award.object(second.bidder(), "x", "ab", afterPublicity()), "objection-outside-publicity");
    }

    @Test
    void refusesTheDecisionDuringPublicityAndForNonCandidates() {
        Award award = award(false);
        refused(() -> award.decide(first.bid(), List.of(), "s", REPORT.plus(DAY)), "publicity-not-ended");
        refused(() -> award.decide(BidId.of(UUID.randomUUID()), List.of(), "s", afterPublicity()),
                "award-to-non-candidate");
        assertThat(award.decision()).isEmpty();
    }

    @Test
    void stateFundedAwardsToTheFirstRankedUnlessItIsPassedOverForAReason() {
        Award award = award(true);
        refused(() -> award.decide(second.bid(), List.of(), "s", afterPublicity()), "state-funded-first-ranked");
        award.decide(second.bid(), List.of(new Award.Skipped(first.bid(), Award.PassOver.GAVE_UP)), "s",
                afterPublicity());
        assertThat(award.winner()).isEqualTo(second);
        refused(() -> award.decide(first.bid(), List.of(), "s", afterPublicity()), "award-already-decided");
    }

    @Test
    void privatelyFundedMayAwardAnyCandidate() {
        Award award = award(false);
        award.decide(third.bid(), List.of(), "s", afterPublicity());
        assertThat(award.winner()).isEqualTo(third);
    }

    @Test
    void theContractCompletesTheAwardOnceAndIsMarkedLateAfterThirtyDays() {
        Award award = award(false);
        refused(() -> award.contract("h", "f", afterPublicity()), "award-not-decided");
        award.decide(first.bid(), List.of(), "s", afterPublicity());
        var contract = award.contract("h", "f", afterPublicity().plus(Duration.ofDays(31)));
        assertThat(contract.late()).isTrue();
        assertThat(award.stage()).isEqualTo(Award.Stage.CONTRACTED);
        refused(() -> award.contract("h2", "f2", afterPublicity().plus(Duration.ofDays(32))), "project-complete");
    }

    @Test
    void aSnapshotRestoresTheSameAward() {
        Award award = award(true);
        award.object(second.bidder(), "异议", "ab", REPORT.plus(DAY));
        assertThat(Award.restore(award.snapshot()).snapshot()).isEqualTo(award.snapshot());
    }
}
