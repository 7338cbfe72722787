package org.sunbid.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.project.Procedure;

class ProjectRulesTests {

    final ProjectRules rules = ProjectRules.defaults();

    @Test
    void openAndInvitedTendersNeedTwentyDaysAndFiveDaysOfSaleOtherProceduresNone() {
        assertThat(rules.minimumBidPeriod(Procedure.OPEN)).contains(Duration.ofDays(20));
        assertThat(rules.minimumBidPeriod(Procedure.INVITED)).contains(Duration.ofDays(20));
        assertThat(rules.minimumSalePeriod(Procedure.OPEN)).contains(Duration.ofDays(5));
        assertThat(rules.minimumBidPeriod(Procedure.SINGLE_SOURCE)).isEmpty();
    }

    @Test
    void periodsCanBeConfiguredPerProcedureWithoutLosingTheDefaults() {
        ProjectRules custom = new ProjectRules(Map.of(Procedure.COMPETITIVE_CONSULTATION, 10), null, 15,
                new BigDecimal("2"), 10, 3, null);
        assertThat(custom.minimumBidPeriod(Procedure.COMPETITIVE_CONSULTATION)).contains(Duration.ofDays(10));
        assertThat(custom.minimumBidPeriod(Procedure.OPEN)).contains(Duration.ofDays(20));
    }

    @Test
    void depositLimitIsTwoPercentOfTheEstimate() {
        assertThat(rules.maximumDeposit(new BigDecimal("10000000.00"))).isEqualByComparingTo("200000.00");
        assertThat(rules.maximumDeposit(new BigDecimal("333.33"))).isEqualByComparingTo("6.6666");
    }

    @Test
    void aLateClarificationPushesTheDeadlineToFifteenDaysAfterItOnAWholeMinute() {
        Instant issued = Instant.parse("2026-03-01T02:00:30Z");
        Instant deadline = Instant.parse("2026-03-10T02:00:00Z");
        assertThat(rules.deadlineAfterClarification(deadline, issued)).isEqualTo(Instant.parse("2026-03-16T02:01:00Z"));
        Instant far = Instant.parse("2026-04-01T02:00:00Z");
        assertThat(rules.deadlineAfterClarification(far, issued)).isEqualTo(far);
        Instant exact = Instant.parse("2026-03-16T02:00:30Z");
        assertThat(rules.deadlineAfterClarification(exact, issued)).isEqualTo(exact);
    }

    @Test
    void objectionsCloseTenDaysBeforeTheDeadline() {
        assertThat(rules.objectionsCloseAt(Instant.parse("2026-03-20T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
    }
}
