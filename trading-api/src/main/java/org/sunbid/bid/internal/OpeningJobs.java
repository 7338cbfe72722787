package org.sunbid.bid.internal;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.bid.OpeningManagement;
import org.sunbid.project.ProjectEvents;
import org.sunbid.project.ProjectView;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * The platform opens bids by itself: publishing schedules an {@code open-bids} job per lot at the opening time (moved
 * when the deadline moves), and the job starts the opening session. Idempotent: a second firing changes nothing.
 */
@Component
class OpeningJobs implements ScheduledTask {

    static final String KIND = "open-bids";

    private final JobScheduler scheduler;
    private final Lots lots;
    private final OpeningManagement openings;

    OpeningJobs(JobScheduler scheduler, Lots lots, OpeningManagement openings) {
        this.scheduler = scheduler;
        this.lots = lots;
        this.openings = openings;
    }

    /** The one key per-lot jobs are filed and moved under. */
    static String subject(UUID project, UUID lot) {
        return org.sunbid.schedule.ScheduleManagement.lotJobSubject(project, lot);
    }

    @EventListener
    void onPublished(ProjectEvents.ProjectPublished published) {
        ProjectView project = lots.project(published.projectId());
        for (ProjectView.LotView lot : project.lots()) {
            scheduler.schedule(KIND, subject(project.id(), lot.id()), project.openingAt());
        }
    }

    @EventListener
    void onDeadlineMoved(ProjectEvents.DeadlineMoved moved) {
        scheduler.schedule(KIND, subject(moved.projectId(), moved.lotId()), moved.newOpening());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        String[] ids = firing.subject().split(":");
        openings.start(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
    }
}
