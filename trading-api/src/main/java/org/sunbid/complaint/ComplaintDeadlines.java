package org.sunbid.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The statutory periods of a complaint (《招标投标法实施条例》第六十条、第六十一条), on a working calendar:
 * <ul>
 * <li>filing: within 10 days of the day the complainant knew or should have known (calendar days; a last day that is
 * a rest day or holiday moves to the next working day, as periods do under 《民法典》第二百零三条);</li>
 * <li>acceptance: the regulator decides whether to accept within 3 working days of receipt;</li>
 * <li>decision: within 30 working days of acceptance; working days spent on tests, appraisals or expert reviews
 * (recorded pauses) are not counted.</li>
 * </ul>
 * Plain Java: the calendar is a predicate, {@code schedule.WorkingCalendar::isWorkingDay} in the platform.
 */
public final class ComplaintDeadlines {

    public static final int FILING_DAYS = 10;
    public static final int ACCEPTANCE_WORKING_DAYS = 3;
    public static final int DECISION_WORKING_DAYS = 30;

    /** A pause for a test, appraisal or expert review, both days included; {@code to} null while it lasts. */
    public record Pause(LocalDate from, LocalDate to, String reason) {
        public Pause {
            Objects.requireNonNull(from, "from");
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("a pause cannot end before it starts");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a pause needs its reason");
            }
        }
    }

    private final Predicate<LocalDate> workingDay;

    public ComplaintDeadlines(Predicate<LocalDate> workingDay) {
        this.workingDay = workingDay;
    }

    /** The last day to file a complaint about an event known on {@code knownOn}. */
    public LocalDate filingDeadline(LocalDate knownOn) {
        LocalDate last = knownOn.plusDays(FILING_DAYS);
        while (!workingDay.test(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** Whether a complaint filed on {@code filedOn} about an event known on {@code knownOn} is in time. */
    public boolean inTime(LocalDate knownOn, LocalDate filedOn) {
        return !filedOn.isBefore(knownOn) && !filedOn.isAfter(filingDeadline(knownOn));
    }

    /** The last day for the regulator to accept or refuse a complaint received on {@code receivedOn}. */
    public LocalDate acceptanceDue(LocalDate receivedOn) {
        return addWorkingDays(receivedOn, ACCEPTANCE_WORKING_DAYS);
    }

    /** The last day for the written decision on a complaint accepted on {@code acceptedOn}, pauses not counted. */
    public LocalDate decisionDue(LocalDate acceptedOn, List<Pause> pauses, LocalDate today) {
        LocalDate due = addWorkingDays(acceptedOn, DECISION_WORKING_DAYS);
        // each paused working day before the (moving) due date pushes it one working day further
        LocalDate day = acceptedOn;
        while (day.isBefore(due)) {
            day = day.plusDays(1);
            if (workingDay.test(day) && paused(day, pauses, today)) {
                due = addWorkingDays(due, 1);
            }
        }
        return due;
    }

    private static boolean paused(LocalDate day, List<Pause> pauses, LocalDate today) {
        for (Pause p : pauses) {
            LocalDate end = p.to() == null ? today : p.to();
            if (!day.isBefore(p.from()) && !day.isAfter(end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code due} has passed on {@code today} (the due day itself is still in time). */
    public static boolean overdue(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }

    private LocalDate addWorkingDays(LocalDate start, int n) {
        LocalDate date = start;
        for (int left = n; left > 0;) {
            date = date.plusDays(1);
            if (workingDay.test(date)) {
                left--;
            }
        }
        return date;
    }
}
