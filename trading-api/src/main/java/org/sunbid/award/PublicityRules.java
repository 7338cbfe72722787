package org.sunbid.award;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.sunbid.platform.ProblemException;
import org.sunbid.project.Procedure;

/**
 * Statutory periods of the award (招标投标法实施条例 arts. 54, 55; 招标投标法 arts. 46, 47): candidates are publicised within
 * 3 days of receiving the report, for at least the procedure's minimum (3 days unless configured longer); an
 * objection is answered within 3 days; the contract is signed within 30 days of the award letter (reminder at day 20,
 * regulator alert at day 31); the written report goes to the regulator within 15 days of the award. A day is 24
 * hours of the platform clock, so test projects run them on the accelerated clock.
 */
public record PublicityRules(Map<Procedure, Integer> publicityDays) {

    public static final Duration PUBLISH_WITHIN = Duration.ofDays(3);
    public static final int MIN_PUBLICITY_DAYS = 3;
    public static final Duration ANSWER_WITHIN = Duration.ofDays(3);
    public static final Duration CONTRACT_WITHIN = Duration.ofDays(30);
    public static final Duration CONTRACT_REMINDER_AT = Duration.ofDays(20);
    public static final Duration CONTRACT_ALERT_AT = Duration.ofDays(31);
    public static final Duration WRITTEN_REPORT_WITHIN = Duration.ofDays(15);

    public PublicityRules {
        publicityDays = Map.copyOf(Objects.requireNonNull(publicityDays, "publicityDays"));
        publicityDays.forEach((p, d) -> {
            if (d < MIN_PUBLICITY_DAYS) {
                throw new IllegalArgumentException(
                        "publicity for %s must last at least %d days, not %d".formatted(p, MIN_PUBLICITY_DAYS, d));
            }
        });
    }

    public static PublicityRules statutory() {
        return new PublicityRules(Map.of());
    }

    public int daysFor(Procedure procedure) {
        return publicityDays.getOrDefault(procedure, MIN_PUBLICITY_DAYS);
    }

    /** The publicity period of statutory days starting now, a day lasting 24 hours (see {@link #publicity(Procedure, Instant, Instant, Integer, Duration)}). */
    public Period publicity(Procedure procedure, Instant reportAt, Instant now, Integer requestedDays) {
        return publicity(procedure, reportAt, now, requestedDays, Duration.ofDays(1));
    }

    /**
     * The publicity period starting now, of {@code requestedDays} (or the procedure's minimum) days lasting {@code day}
     * each — shorter only for test projects on the accelerated clock; refused (rule {@code publicity-late}) when the
     * report is over 3 days old (real days even for test projects: a deadline that passes in a second would fail a
     * demo on a busy machine, while a longer one changes nothing for a test project).
     */
    public Period publicity(Procedure procedure, Instant reportAt, Instant now, Integer requestedDays, Duration day) {
        if (now.isAfter(reportAt.plus(PUBLISH_WITHIN))) {
            throw ProblemException.rule("publicity-late", null, "award.refused",
                    "candidates must be publicised within 3 days of the evaluation report (实施条例 art. 54)");
        }
        int days = requestedDays == null ? daysFor(procedure) : requestedDays;
        if (days < daysFor(procedure)) {
            throw ProblemException.rule("publicity-too-short", "days", "award.refused",
                    "publicity must last at least %d days for %s (实施条例 art. 54)".formatted(daysFor(procedure),
                            procedure));
        }
        return new Period(now, now.plus(day.multipliedBy(days)));
    }

    /** A half-open interval of the platform clock. */
    public record Period(Instant from, Instant until) {
        public boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }
}
