package org.sunbid.bid.internal;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectEvents;
import org.sunbid.project.ProjectView;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * Closes a lot's submissions at its deadline: a {@code close-submissions} job per lot, filed under
 * {@code <project>:<lot>} like {@code open-bids} and moved with the deadline. At the deadline every completion a crash
 * interrupted is finished, uploads never completed expire (their partial files are deleted), and orphan files go. The
 * deadline itself needs no job — every step checks the platform clock — so a late or missed firing lets nothing in.
 */
@Component
class SubmissionJobs implements ScheduledTask {

    static final String KIND = "close-submissions";

    private final JobScheduler scheduler;
    private final Lots lots;
    private final Completions completions;

    SubmissionJobs(JobScheduler scheduler, Lots lots, Completions completions) {
        this.scheduler = scheduler;
        this.lots = lots;
        this.completions = completions;
    }

    @EventListener
    void onPublished(ProjectEvents.ProjectPublished published) {
        ProjectView project = lots.project(published.projectId());
        for (ProjectView.LotView lot : project.lots()) {
            scheduler.schedule(KIND, org.sunbid.schedule.ScheduleManagement.lotJobSubject(ProjectId.of(project.id()), LotId.of(lot.id())), project.bidDeadline());
        }
    }

    @EventListener
    void onDeadlineMoved(ProjectEvents.DeadlineMoved moved) {
        scheduler.schedule(KIND, org.sunbid.schedule.ScheduleManagement.lotJobSubject(ProjectId.of(moved.projectId()), LotId.of(moved.lotId())), moved.newDeadline());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        UUID lot = UUID.fromString(firing.subject().split(":")[1]);
        completions.finishAll(lot);
        completions.expireUploads(lot);
        completions.sweepOrphans();
    }
}
