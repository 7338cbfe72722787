package org.sunbid.scheduler;

/**
 * How Quartz's own bookkeeping transactions commit on PostgreSQL: acquiring, firing and completing triggers, the
 * cluster check-in and the misfire and recovery scans (Quartz's non-managed connections). Scheduling, cancelling and
 * every handler's transaction with its firing-history row always commit synchronously, whatever this says.
 */
public enum BookkeepingCommit {

    /** Each bookkeeping commit waits for its WAL flush ({@code synchronous_commit} as the server has it). */
    SYNCHRONOUS,

    /**
     * Each bookkeeping commit is made with {@code SET LOCAL synchronous_commit = off}: it returns before its WAL flush,
     * so the cluster-wide {@code TRIGGER_ACCESS} lock is held for CPU time, not for a disk flush. A crash of the
     * database server can lose the last such commits (at most about three WAL-writer delays); see
     * {@code AsynchronousCommits} for why that fires no job twice and loses none.
     */
    ASYNCHRONOUS
}
