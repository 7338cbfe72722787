package org.sunbid.opening.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.bid.BidEvents;
import org.sunbid.opening.ConcludeOpening;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.schedule.ScheduleManagement;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * Closes a lot's self-decryption window when it ends: bids still awaiting their bidders are revoked or withdrawn and
 * the opening record is issued. Scheduled when the window opens; idempotent.
 */
@Component
class SelfDecryptWindowJobs implements ScheduledTask {

    static final String KIND = "close-self-decrypt";

    private final JobScheduler scheduler;
    private final ConcludeOpening openings;

    SelfDecryptWindowJobs(JobScheduler scheduler, ConcludeOpening openings) {
        this.scheduler = scheduler;
        this.openings = openings;
    }

    @EventListener
    void onWindowOpened(BidEvents.SelfDecryptWindowOpened opened) {
        scheduler.schedule(KIND, ScheduleManagement.lotJobSubject(ProjectId.of(opened.project()), LotId.of(opened.lot())), opened.until());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        String[] ids = firing.subject().split(":");
        openings.closeSelfDecryptWindow(ProjectId.parse(ids[0]), LotId.parse(ids[1]));
    }
}
