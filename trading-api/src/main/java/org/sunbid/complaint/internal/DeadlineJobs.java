package org.sunbid.complaint.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.complaint.Complaint;
import org.sunbid.complaint.ComplaintDeadlines;
import org.sunbid.complaint.ComplaintId;
import org.sunbid.complaint.ComplaintManagement;
import org.sunbid.platform.PlatformZone;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * Two jobs per open complaint, moved whenever its due day moves: a reminder to regulators at 09:00 (Beijing time) on
 * the day the acceptance or decision is due, and the overdue flag at midnight after it. Closing the complaint cancels
 * both. The handler re-reads the complaint, so a firing for a day that moved only plans the next one.
 */
@Component
public class DeadlineJobs implements ScheduledTask {

    static final String KIND = "complaint-deadline";
    static final LocalTime REMINDER_AT = LocalTime.of(9, 0);

    private final JobScheduler scheduler;
    private final ObjectProvider<ComplaintManagement> complaints;

    DeadlineJobs(JobScheduler scheduler, ObjectProvider<ComplaintManagement> complaints) {
        this.scheduler = scheduler;
        this.complaints = complaints;
    }

    /** Schedules (or moves, or cancels) the complaint's reminder and overdue jobs for its current due day. */
    public void plan(Complaint c, ComplaintDeadlines deadlines, LocalDate today) {
        String reminder = c.id().value() + ":reminder";
        String overdue = c.id().value() + ":overdue";
        LocalDate due = c.due(deadlines, today);
        if (due == null) {
            scheduler.cancel(KIND, reminder);
            scheduler.cancel(KIND, overdue);
            return;
        }
        if (!due.isBefore(today) && !due.equals(c.snapshot().remindedFor())) {
            scheduler.schedule(KIND, reminder, due.atTime(REMINDER_AT).atZone(PlatformZone.ZONE).toInstant());
        }
        if (c.overdueSince() == null) {
            scheduler.schedule(KIND, overdue, due.plusDays(1).atStartOfDay(PlatformZone.ZONE).toInstant());
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        String[] parts = firing.subject().split(":");
        complaints.getObject().checkDeadline(ComplaintId.parse(parts[0]), "overdue".equals(parts[1]));
    }
}
