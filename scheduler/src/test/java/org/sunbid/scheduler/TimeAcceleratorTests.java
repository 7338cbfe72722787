package org.sunbid.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimeAcceleratorTests {

    private final TimeAccelerator oneDayPerMinute = TimeAccelerator.of(Duration.ofDays(1), Duration.ofMinutes(1));
    private final Instant base = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void runsATestProjectsDaysInMinutes() {
        assertThat(oneDayPerMinute.factor()).isEqualTo(1440);
        assertThat(oneDayPerMinute.scale(base, Duration.ofDays(20), true)).isEqualTo(base.plus(Duration.ofMinutes(20)));
        assertThat(oneDayPerMinute.scale(Duration.ofHours(1), true)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void neverTouchesARealProjectsPeriods() {
        assertThat(oneDayPerMinute.scale(base, Duration.ofDays(20), false)).isEqualTo(base.plus(Duration.ofDays(20)));
    }

    @Test
    void keepsAnyNonZeroPeriodNonZero() {
        assertThat(new TimeAccelerator(1_000_000).scale(Duration.ofMillis(3), true)).isEqualTo(Duration.ofMillis(1));
        assertThat(oneDayPerMinute.scale(Duration.ZERO, true)).isZero();
    }

    @Test
    void refusesFactorsThatWouldSlowTimeOrStopIt() {
        assertThatThrownBy(() -> new TimeAccelerator(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeAccelerator.of(Duration.ofMinutes(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
