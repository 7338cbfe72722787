package org.sunbid.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port features use to act on time. A job is identified by (kind, subject); each has at most one pending
 * due time. Calls join the caller's transaction, so a rolled-back change schedules nothing.
 */
public interface JobScheduler {

    /**
     * Ensures the job (kind, subject) is due at {@code at}, moving it if it was pending at another time. Scheduling a
     * due time that already fired changes nothing and returns that history row (deduplication).
     *
     * @throws UnknownJobKindException if no {@link ScheduledTask} handles {@code kind}
     * @throws IllegalArgumentException if the subject is blank or too long
     */
    FiringRecord schedule(String kind, String subject, Instant at);

    /**
     * Moves the pending job (kind, subject) to {@code at}.
     *
     * @throws java.util.NoSuchElementException if nothing is pending for it
     */
    FiringRecord reschedule(String kind, String subject, Instant at);

    /**
     * Runs a {@link FiringStatus#FAILED} firing again now (staff fixed the cause), with a fresh set of retries. The
     * handler is told the original due time.
     *
     * @throws java.util.NoSuchElementException if there is no such firing
     * @throws IllegalStateException if the firing is not failed, or the job has another pending due time
     */
    FiringRecord retry(long firingId);

    /** Cancels the pending job (kind, subject); false if nothing was pending. */
    boolean cancel(String kind, String subject);

    /** The pending (or retrying) firing of the job, if any. */
    Optional<FiringRecord> pending(String kind, String subject);

    /** The most recent firings in the given states, newest due time first. */
    List<FiringRecord> firings(Set<FiringStatus> statuses, int limit);

    /** The job kinds that have a handler. */
    Set<String> kinds();
}
