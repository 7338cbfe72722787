package org.sunbid.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.schedule.WorkingCalendar;
import org.sunbid.support.PlatformTest;

/** Complaint periods on the platform's working calendar (V36): across the 2026 National Day holiday and its 调休 Saturday. */
@PlatformTest
class ComplaintCalendarIntegrationTests {

    @Autowired
    WorkingCalendar calendar;

    ComplaintDeadlines deadlines() {
        return new ComplaintDeadlines(calendar::isWorkingDay);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void acceptanceOverNationalDayEndsOnTheAdjustedWorkingSaturday() {
        assertThat(calendar.isWorkingDay(day("2026-10-10"))).as("调休 Saturday").isTrue();
        // received Wednesday 30 Sep: 1–7 Oct are holidays; Thu 8, Fri 9, Sat 10 (worked) are the three working days
        assertThat(deadlines().acceptanceDue(day("2026-09-30"))).isEqualTo(day("2026-10-10"));
    }

    @Test
    void filingPeriodEndingInTheHolidayRunsToTheFirstWorkingDayAfterIt() {
        assertThat(deadlines().filingDeadline(day("2026-09-24"))).isEqualTo(day("2026-10-08"));
        assertThat(deadlines().inTime(day("2026-09-24"), day("2026-10-09"))).isFalse();
    }

    @Test
    void decisionPeriodSkipsTheHolidayAndAPauseForExperts() {
        LocalDate accepted = day("2026-09-28");
        assertThat(deadlines().decisionDue(accepted, List.of(), accepted)).isEqualTo(day("2026-11-13"));
        var experts = new ComplaintDeadlines.Pause(day("2026-10-19"), day("2026-10-23"), "专家评审");
        assertThat(deadlines().decisionDue(accepted, List.of(experts), accepted)).isEqualTo(day("2026-11-20"));
    }
}
