package org.sunbid.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.id.MemberId;

class CreditScoreTests {

    static final MemberId MEMBER = new MemberId(UUID.randomUUID());
    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    static CreditRecord record(CreditRecord.Kind kind, CreditRecord.Severity severity, LocalDate from) {
        return new CreditRecord(UUID.randomUUID(), MEMBER.value(), kind, severity, "d", "b", "00", "a", from, from, null,
                kind == CreditRecord.Kind.BAD ? from.plusMonths(6) : null, null, null, null, null, Instant.EPOCH);
    }

    static Ban ban(BanScope scope, LocalDate from, LocalDate to) {
        return new Ban(UUID.randomUUID(), MEMBER.value(), null, BanKind.FRAUD, scope, "r", "b", from, to, "a", "00", Instant.EPOCH,
                null, null);
    }

    @Test
    void aMemberWithoutRecordsScoresOneHundred() {
        assertThat(CreditScore.of(MEMBER, DAY, List.of(), List.of()).score()).isEqualTo(100);
    }

    @Test
    void goodRecordsAddFivePointsEachUpToTwenty() {
        var goods = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> record(CreditRecord.Kind.GOOD, null, DAY.minusDays(i))).toList();
        assertThat(CreditScore.of(MEMBER, DAY, goods.subList(0, 2), List.of()).score()).isEqualTo(110);
        assertThat(CreditScore.of(MEMBER, DAY, goods, List.of()).score()).isEqualTo(120);
    }

    @Test
    void badRecordsWeighBySeverityAndFadeWithAge() {
        var recent = record(CreditRecord.Kind.BAD, CreditRecord.Severity.GRAVE, DAY.minusMonths(2));
        var middle = record(CreditRecord.Kind.BAD, CreditRecord.Severity.SERIOUS, DAY.minusMonths(18));
        var ancient = record(CreditRecord.Kind.BAD, CreditRecord.Severity.GRAVE, DAY.minusYears(4));
        // 100 - 30 - 15 * 0.5 - 0 = 62.5 -> 62
        assertThat(CreditScore.of(MEMBER, DAY, List.of(recent, middle, ancient), List.of()).score()).isEqualTo(62);
    }

    @Test
    void aGeneralBanInForceMakesTheScoreZeroButANarrowOneDoesNot() {
        assertThat(CreditScore.of(MEMBER, DAY, List.of(), List.of(ban(BanScope.ALL, DAY.minusDays(1), DAY.plusYears(1))))
                .score()).isZero();
        assertThat(CreditScore.of(MEMBER, DAY, List.of(),
                List.of(ban(BanScope.CONSTRUCTION, DAY.minusDays(1), DAY.plusYears(1)))).score()).isEqualTo(100);
        assertThat(CreditScore.of(MEMBER, DAY, List.of(), List.of(ban(BanScope.ALL, DAY.minusYears(2), DAY)))
                .score()).isEqualTo(100);
    }

    @Test
    void banKindsAllowOnlyTheirStatutoryLengths() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        assertThat(BanKind.BID_RIGGING_OR_BRIBERY.allows(start, start.plusYears(2))).isTrue();
        assertThat(BanKind.BID_RIGGING_OR_BRIBERY.allows(start, start.plusYears(2).plusDays(1))).isFalse();
        assertThat(BanKind.FRAUD.allows(start, start.plusMonths(11))).isFalse();
        assertThat(BanKind.FRAUD.allows(start, start.plusYears(3))).isTrue();
        assertThat(BanKind.ESPECIALLY_SERIOUS.allows(start, start.plusYears(1))).isFalse();
        assertThat(BanKind.ESPECIALLY_SERIOUS.allows(start, start.plusYears(5))).isTrue();
    }
}
