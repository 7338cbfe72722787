package org.sunbid.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FiringTests {

    private final Instant due = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void tellsTheHandlerHowLateItRuns() {
        assertThat(new Firing("open-bids", "lot-1", due, due.plusSeconds(3600), 1, "n1").lateness())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void reportsNoLatenessForAnEarlyStart() {
        assertThat(new Firing("open-bids", "lot-1", due, due.minusMillis(5), 1, "n1").lateness()).isZero();
    }

    @Test
    void refusesAttemptZero() {
        assertThatThrownBy(() -> new Firing("open-bids", "lot-1", due, due, 0, "n1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configuresAClusteredPostgreSqlJobStoreThatAcquiresUnderTheLock() {
        var p = QuartzJobScheduler.quartzProperties(SchedulerSettings.defaults().withThreads(4, 8));
        assertThat(p.getProperty("org.quartz.jobStore.isClustered")).isEqualTo("true");
        assertThat(p.getProperty("org.quartz.scheduler.instanceId")).isEqualTo("AUTO");
        assertThat(p.getProperty("org.quartz.jobStore.driverDelegateClass"))
                .isEqualTo("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        assertThat(p.getProperty("org.quartz.jobStore.acquireTriggersWithinLock")).isEqualTo("true");
        assertThat(p.getProperty("org.quartz.threadPool.threadCount")).isEqualTo("4");
        assertThat(p.getProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount")).isEqualTo("8");
    }
}
