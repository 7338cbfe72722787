package org.sunbid.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.support.PlatformTest;

@PlatformTest
class WorkingCalendarIntegrationTests {

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    MockMvc mvc;

    @Test
    void countsAdjustedWeekendWorkingDaysAndSkipsTheNationalDayWeek() {
        // Sunday 20 September 2026 is worked (调休); Friday 18 + 1 working day is that Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        // Wednesday 30 September + 1 working day skips 1–7 October and lands on Thursday 8 October
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        // Saturday 10 October is worked as well
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void skipsTheNineDaySpringFestivalButCountsTheSaturdaysWorkedAroundIt() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28))).isEqualTo(5);
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 24), -1)).isEqualTo(LocalDate.of(2026, 2, 14));
        // tender periods count calendar days, holidays included
        assertThat(calendar.addCalendarDays(LocalDate.of(2026, 2, 10), 20)).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void keepsEveryOfficial2026HolidayAndMarks2027AsProvisional() {
        assertThat(calendar.listed(2026).stream().filter(d -> !d.workingDay())).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(calendar.listed(2026).stream().filter(WorkingCalendar.Day::workingDay)).hasSize(6);
        assertThat(calendar.provisional(2026)).isFalse();
        assertThat(calendar.provisional(2027)).isTrue();
        assertThat(calendar.day(LocalDate.of(2027, 10, 1))).satisfies(d -> {
            assertThat(d.workingDay()).isFalse();
            assertThat(d.provisional()).isTrue();
        });
        // years without data fall back to the plain week
        assertThat(calendar.covers(2030)).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2030, 1, 4), 1)).isEqualTo(LocalDate.of(2030, 1, 7));
    }

    @Test
    void answersWorkingDayQuestionsPubliclyAndRefusesNonsense() throws Exception {
        mvc.perform(get("/api/public/schedule/calendar/add-working-days").param("from", "2026-04-30").param("n", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.date").value("2026-05-06"))
                .andExpect(jsonPath("$.provisional").value(false));
        mvc.perform(get("/api/public/schedule/calendar/add-working-days").param("from", "2026-04-30").param("n", "9999"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("n"));
        mvc.perform(get("/api/public/schedule/calendar/2026")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].date").value("2026-01-01"));
        mvc.perform(get("/api/public/schedule/calendar/1999")).andExpect(status().isNotFound());
    }
}
