package org.sunbid.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Shrinks periods for test projects (demos, end-to-end tests) so that days pass in minutes. A real project's
 * periods are never touched: the flag is the only way in, and a factor of 1 turns acceleration off.
 */
public final class TimeAccelerator {

    private final long factor;

    /** @param factor how many times faster a test project's time runs, e.g. 1440 for one day per minute */
    public TimeAccelerator(long factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("acceleration factor must be at least 1, was " + factor);
        }
        this.factor = factor;
    }

    /** The factor that makes one {@code realPeriod} last {@code acceleratedPeriod}, e.g. one day per minute. */
    public static TimeAccelerator of(Duration realPeriod, Duration acceleratedPeriod) {
        if (acceleratedPeriod.isZero() || acceleratedPeriod.isNegative() || acceleratedPeriod.compareTo(realPeriod) > 0) {
            throw new IllegalArgumentException("accelerated period must be positive and not longer than the real one");
        }
        return new TimeAccelerator(realPeriod.toMillis() / acceleratedPeriod.toMillis());
    }

    public long factor() {
        return factor;
    }

    /** {@code base + period}, with the period divided by the factor if and only if this is a test project. */
    public Instant scale(Instant base, Duration period, boolean testProject) {
        return base.plus(scale(period, testProject));
    }

    /** The period itself for a real project; divided by the factor (at least one millisecond) for a test project. */
    public Duration scale(Duration period, boolean testProject) {
        Objects.requireNonNull(period, "period");
        if (!testProject || factor == 1 || period.isZero()) {
            return period;
        }
        long millis = period.toMillis() / factor;
        return Duration.ofMillis(millis == 0 ? Long.signum(period.toMillis()) : millis);
    }
}
