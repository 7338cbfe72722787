package org.sunbid.scheduler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Quartz scheduler runs.
 *
 * @param name             the scheduler name shared by every node of one cluster (Quartz {@code SCHED_NAME})
 * @param clustered        share jobs with other nodes through the database (on in production)
 * @param threads          worker threads per node
 * @param batchSize        triggers acquired per scan ({@code batchTriggerAcquisitionMaxCount})
 * @param batchWindow      how far ahead of its due time a trigger may be acquired in a batch; the job still never
 *                         runs before its due time (the worker waits), so this only trades idle threads for throughput
 * @param idleWait         how long an idle node waits before looking for due triggers again (at least 1 s)
 * @param clusterCheckin   how often a node checks in; a node silent for longer is presumed dead and its work recovered
 * @param misfireThreshold how late a trigger may be before it counts as misfired (it then fires at once)
 * @param retryBackoff     delays before the 2nd, 3rd, ... attempt of a failing handler; its size is the number of retries
 * @param bookkeeping      how Quartz's own bookkeeping transactions commit (handlers and scheduling are always synchronous)
 * @param completionGroup  the most job completions recorded in one transaction under Quartz's cluster lock (1: one
 *                         transaction per job, as Quartz does by itself)
 * @param completeInBackground a worker thread queues its job's completion for a writer thread and goes back to the
 *                         pool at once, instead of waiting until the completion is committed under the cluster lock
 */
public record SchedulerSettings(String name, boolean clustered, int threads, int batchSize, Duration batchWindow,
        Duration idleWait, Duration clusterCheckin, Duration misfireThreshold, List<Duration> retryBackoff,
        BookkeepingCommit bookkeeping, int completionGroup, boolean completeInBackground) {

    /** Completions recorded together by default: more than the threads of any node, so every finished job joins. */
    public static final int DEFAULT_COMPLETION_GROUP = 100;

    public SchedulerSettings {
        Objects.requireNonNull(name, "name");
        if (threads < 1 || batchSize < 1 || completionGroup < 1) {
            throw new IllegalArgumentException("threads, batchSize and completionGroup must be at least 1");
        }
        if (batchWindow.isNegative()) {
            throw new IllegalArgumentException("batchWindow must not be negative");
        }
        retryBackoff = List.copyOf(retryBackoff);
        Objects.requireNonNull(bookkeeping, "bookkeeping");
    }

    public SchedulerSettings(String name, boolean clustered, int threads, int batchSize, Duration batchWindow,
            Duration idleWait, Duration clusterCheckin, Duration misfireThreshold, List<Duration> retryBackoff,
            BookkeepingCommit bookkeeping, int completionGroup) {
        this(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin, misfireThreshold, retryBackoff,
                bookkeeping, completionGroup, false);
    }

    public SchedulerSettings(String name, boolean clustered, int threads, int batchSize, Duration batchWindow,
            Duration idleWait, Duration clusterCheckin, Duration misfireThreshold, List<Duration> retryBackoff,
            BookkeepingCommit bookkeeping) {
        this(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin, misfireThreshold, retryBackoff,
                bookkeeping, DEFAULT_COMPLETION_GROUP);
    }

    public SchedulerSettings(String name, boolean clustered, int threads, int batchSize, Duration batchWindow,
            Duration idleWait, Duration clusterCheckin, Duration misfireThreshold, List<Duration> retryBackoff) {
        this(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin, misfireThreshold, retryBackoff,
                BookkeepingCommit.ASYNCHRONOUS);
    }

    /** Production defaults: clustered, 10 threads, 3 retries after 10 s, 60 s and 5 min. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings("sunbid", true, 10, 10, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(7500),
                Duration.ofSeconds(60), List.of(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5)),
                BookkeepingCommit.ASYNCHRONOUS);
    }

    public SchedulerSettings withName(String newName) {
        return new SchedulerSettings(newName, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin, misfireThreshold,
                retryBackoff, bookkeeping, completionGroup, completeInBackground);
    }

    public SchedulerSettings withRetryBackoff(List<Duration> backoff) {
        return new SchedulerSettings(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin, misfireThreshold,
                backoff, bookkeeping, completionGroup, completeInBackground);
    }

    public SchedulerSettings withThreads(int newThreads, int newBatchSize) {
        return new SchedulerSettings(name, clustered, newThreads, newBatchSize, batchWindow, idleWait, clusterCheckin,
                misfireThreshold, retryBackoff, bookkeeping, completionGroup, completeInBackground);
    }

    public SchedulerSettings withBookkeeping(BookkeepingCommit commit) {
        return new SchedulerSettings(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin,
                misfireThreshold, retryBackoff, commit, completionGroup, completeInBackground);
    }

    public SchedulerSettings withClusterCheckin(Duration checkin) {
        return new SchedulerSettings(name, clustered, threads, batchSize, batchWindow, idleWait, checkin, misfireThreshold,
                retryBackoff, bookkeeping, completionGroup, completeInBackground);
    }

    public SchedulerSettings withCompletionGroup(int group) {
        return new SchedulerSettings(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin,
                misfireThreshold, retryBackoff, bookkeeping, group, completeInBackground);
    }

    public SchedulerSettings withCompleteInBackground(boolean background) {
        return new SchedulerSettings(name, clustered, threads, batchSize, batchWindow, idleWait, clusterCheckin,
                misfireThreshold, retryBackoff, bookkeeping, completionGroup, background);
    }
}
