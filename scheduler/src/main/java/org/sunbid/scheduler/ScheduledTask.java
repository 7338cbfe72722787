package org.sunbid.scheduler;

/**
 * A handler for one job kind, discovered as a Spring bean. It must be idempotent: it runs inside the transaction
 * that marks its firing as done, so database work either commits together with that mark or not at all.
 */
public interface ScheduledTask {

    /** The job kind this handler runs, e.g. {@code close-submissions}. */
    String kind();

    /** Acts on the firing; throwing makes the scheduler retry with back-off and finally report the firing failed. */
    void run(Firing firing) throws Exception;
}
