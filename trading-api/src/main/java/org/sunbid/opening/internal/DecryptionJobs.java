package org.sunbid.opening.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.schedule.ScheduleManagement;
import org.sunbid.scheduler.JobScheduler;

/**
 * Schedules the clustered {@code decrypt-bids} job of a lot (in the caller's transaction: a rolled-back release
 * schedules nothing). Each attempt is a job of its own ({@code <project>:<lot>:<attempt>}): a node that does not hold
 * the session key hands the lot on to the next attempt, which the scheduler gives to any node.
 */
@Component
public class DecryptionJobs {

    public static final String KIND = "decrypt-bids";

    /** How long a node that cannot decrypt waits before the lot is offered again. */
    static final Duration PASS_ON = Duration.ofSeconds(1);

    private final JobScheduler scheduler;

    DecryptionJobs(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Due at {@code at} — at the latest: Quartz fires by the machine's clock, so a platform clock set ahead of it (an
     * accelerated test project) must not push "now" into the machine's future.
     */
    public void decrypt(ProjectId project, LotId lot, int attempt, Instant at) {
        Instant wall = Instant.now();
        scheduler.schedule(KIND, subject(project, lot, attempt), at.isAfter(wall) ? wall : at);
    }

    /** Offers the lot again a moment later (the session key is held by another live node). */
    public void passOn(ProjectId project, LotId lot, int attempt, Instant now) {
        Instant wall = Instant.now();
        scheduler.schedule(KIND, subject(project, lot, attempt + 1), (now.isAfter(wall) ? wall : now).plus(PASS_ON));
    }

    static String subject(ProjectId project, LotId lot, int attempt) {
        return ScheduleManagement.lotJobSubject(project, lot) + ":" + attempt;
    }
}
