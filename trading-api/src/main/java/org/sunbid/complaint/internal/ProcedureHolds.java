package org.sunbid.complaint.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.complaint.Complaint;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.HolderId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.scheduler.FiringRecord;
import org.sunbid.scheduler.FiringStatus;
import org.sunbid.scheduler.JobScheduler;

/**
 * Suspends a procedure over a complaint (实施条例 art. 62): the project shows it as suspended, and every pending
 * scheduled job whose subject names the project or one of its lots (closing submissions, opening, the expert draw,
 * contract deadlines, …) is taken off the scheduler and kept; the decision schedules them again, at their own time or
 * at once if that time passed during the suspension.
 */
@Component
public class ProcedureHolds {

    /** The scheduler lists at most this many pending firings; the platform has far fewer open at a time. */
    static final int PENDING_SCAN = 1000;

    private final JobScheduler jobs;
    private final ProjectManagement projects;
    private final Complaints complaints;
    private final Clock clock;

    ProcedureHolds(JobScheduler jobs, ProjectManagement projects, Complaints complaints, Clock clock) {
        this.jobs = jobs;
        this.projects = projects;
        this.complaints = complaints;
        this.clock = clock;
    }

    /** Holds the project and its jobs; returns how many jobs were held. */
    public int hold(Complaint c, ProjectView project) {
        projects.hold(ProjectId.of(project.id()), HolderId.of(c.id().value()), "投诉处理暂停 suspended over complaint " + c.id().value());
        List<String> ids = new java.util.ArrayList<>(List.of(project.id().toString()));
        project.lots().forEach(l -> ids.add(l.id().toString()));
        int held = 0;
        for (FiringRecord f : jobs.firings(EnumSet.of(FiringStatus.PENDING, FiringStatus.RETRYING), PENDING_SCAN)) {
            if (ids.stream().anyMatch(f.subject()::contains)) {
                complaints.hold(c.id().value(), new Complaints.HeldJob(f.kind(), f.subject(), f.dueAt()));
                jobs.cancel(f.kind(), f.subject());
                held++;
            }
        }
        return held;
    }

    /** Releases the project and schedules its held jobs again; returns how many. */
    public int release(UUID complaint, UUID project) {
        projects.release(ProjectId.of(project), HolderId.of(complaint));
        Instant now = clock.instant();
        List<Complaints.HeldJob> held = complaints.releaseHeld(complaint);
        for (Complaints.HeldJob job : held) {
            jobs.schedule(job.kind(), job.subject(), job.dueAt().isAfter(now) ? job.dueAt() : now);
        }
        return held.size();
    }
}
