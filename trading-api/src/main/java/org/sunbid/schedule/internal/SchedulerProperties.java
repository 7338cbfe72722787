package org.sunbid.schedule.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.sunbid.scheduler.BookkeepingCommit;
import org.sunbid.scheduler.SchedulerSettings;

/**
 * {@code sunbid.scheduler.*}: how the clustered Quartz scheduler runs on this node.
 *
 * @param enabled        start firing jobs on this node (scheduling still works when off)
 * @param testProjectDay how long one day lasts for a project flagged as a test project (1 day → 1 minute)
 * @param bookkeeping    how Quartz's own bookkeeping transactions commit (see {@link BookkeepingCommit})
 * @param completionGroup the most job completions recorded in one transaction under Quartz's cluster lock
 * @param completeInBackground workers hand their completions to a writer thread instead of waiting for the commit
 */
@ConfigurationProperties("sunbid.scheduler")
public record SchedulerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sunbid") String name,
        @DefaultValue("true") boolean clustered, @DefaultValue("10") int threads, @DefaultValue("10") int batchSize,
        @DefaultValue("500ms") Duration batchWindow,
        @DefaultValue("5s") Duration idleWait, @DefaultValue("7500ms") Duration clusterCheckin,
        @DefaultValue("60s") Duration misfireThreshold, @DefaultValue({ "10s", "60s", "5m" }) List<Duration> retryBackoff,
        @DefaultValue("1m") Duration testProjectDay, @DefaultValue("ASYNCHRONOUS") BookkeepingCommit bookkeeping,
        @DefaultValue("100") int completionGroup, @DefaultValue("false") boolean completeInBackground) {

    SchedulerSettings settings() {
        return new SchedulerSettings(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin, misfireThreshold,
                retryBackoff, bookkeeping, completionGroup, completeInBackground);
    }
}
