package org.sunbid.opening.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.opening.StartOpening;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectEvents;
import org.sunbid.project.ProjectView;
import org.sunbid.schedule.ScheduleManagement;
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
    private final OpeningLots lots;
    private final StartOpening openings;

    OpeningJobs(JobScheduler scheduler, OpeningLots lots, StartOpening openings) {
        this.scheduler = scheduler;
        this.lots = lots;
        this.openings = openings;
    }

    @EventListener
    void onPublished(ProjectEvents.ProjectPublished published) {
        ProjectView project = lots.project(ProjectId.of(published.projectId()));
        for (ProjectView.LotView lot : project.lots()) {
            scheduler.schedule(KIND, ScheduleManagement.lotJobSubject(ProjectId.of(project.id()), LotId.of(lot.id())), project.openingAt());
        }
    }

    @EventListener
    void onDeadlineMoved(ProjectEvents.DeadlineMoved moved) {
        scheduler.schedule(KIND, ScheduleManagement.lotJobSubject(ProjectId.of(moved.projectId()), LotId.of(moved.lotId())), moved.newOpening());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        String[] ids = firing.subject().split(":");
        openings.start(ProjectId.parse(ids[0]), LotId.parse(ids[1]));
    }
}
