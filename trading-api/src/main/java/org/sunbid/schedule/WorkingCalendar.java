package org.sunbid.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.sunbid.schedule.internal.CalendarDays;

/**
 * Working days of mainland China: public holidays and adjusted working days (调休) kept as data, weekends otherwise.
 * Government procurement periods count working days; tender periods (招标投标法) count calendar days.
 * Years without data fall back to the plain Monday–Friday week; {@link #covers(int)} tells which years have data.
 */
@Service
public class WorkingCalendar {

    /** One day as the calendar sees it. */
    public record Day(LocalDate date, boolean workingDay, Optional<String> name, boolean provisional) {
    }

    private final CalendarDays store;
    private volatile Map<LocalDate, CalendarDays.Day> days;
    private volatile Map<Integer, CalendarDays.Year> years;

    WorkingCalendar(CalendarDays store) {
        this.store = store;
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDays.Day listed = days().get(date);
        if (listed != null) {
            return !listed.holiday();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public Day day(LocalDate date) {
        CalendarDays.Day listed = days().get(date);
        return new Day(date, isWorkingDay(date), Optional.ofNullable(listed).map(CalendarDays.Day::name),
                provisional(date.getYear()) || (listed != null && listed.provisional()));
    }

    /**
     * The date {@code n} working days after {@code start} (start itself not counted); a negative {@code n} counts
     * back. {@code n = 0} returns {@code start}.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        int step = n >= 0 ? 1 : -1;
        LocalDate date = start;
        for (int left = Math.abs(n); left > 0;) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** The date {@code n} calendar days after {@code start} (tender periods). */
    public LocalDate addCalendarDays(LocalDate start, int n) {
        return start.plusDays(n);
    }

    /** Working days in (from, to]: the days after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The first working day on or after {@code date} (a deadline falling on a holiday moves to it). */
    public LocalDate nextWorkingDayFrom(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Whether holiday data exists for the year. */
    public boolean covers(int year) {
        return years().containsKey(year);
    }

    /** Whether the year's data is provisional (not yet published by the State Council) or missing. */
    public boolean provisional(int year) {
        CalendarDays.Year y = years().get(year);
        return y == null || y.provisional();
    }

    /** Every listed holiday and adjusted working day of the year, in date order. */
    public List<Day> listed(int year) {
        return days().keySet().stream().filter(d -> d.getYear() == year).sorted().map(this::day).toList();
    }

    public long calendarDaysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    private Map<LocalDate, CalendarDays.Day> days() {
        Map<LocalDate, CalendarDays.Day> d = days;
        if (d == null) {
            d = store.days();
            days = d;
        }
        return d;
    }

    private Map<Integer, CalendarDays.Year> years() {
        Map<Integer, CalendarDays.Year> y = years;
        if (y == null) {
            y = store.years();
            years = y;
        }
        return y;
    }
}
