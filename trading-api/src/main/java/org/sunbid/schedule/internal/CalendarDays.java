package org.sunbid.schedule.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code schedule_calendar_day} and {@code schedule_calendar_year} tables. */
@Repository
public class CalendarDays {

    /** A listed day: a holiday or an adjusted working day. */
    public record Day(LocalDate day, boolean holiday, String name, boolean provisional) {
    }

    /** A year the calendar covers, and whether its data is still provisional. */
    public record Year(int year, boolean provisional, String source) {
    }

    private final JdbcClient jdbc;

    CalendarDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<LocalDate, Day> days() {
        return jdbc.sql("SELECT day, kind, name, provisional FROM schedule_calendar_day")
                .query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), "HOLIDAY".equals(rs.getString("kind")),
                        rs.getString("name"), rs.getBoolean("provisional")))
                .stream().collect(Collectors.toUnmodifiableMap(Day::day, d -> d));
    }

    public Map<Integer, Year> years() {
        return jdbc.sql("SELECT year, provisional, source FROM schedule_calendar_year")
                .query((rs, n) -> new Year(rs.getInt("year"), rs.getBoolean("provisional"), rs.getString("source")))
                .stream().collect(Collectors.toUnmodifiableMap(Year::year, y -> y));
    }
}
