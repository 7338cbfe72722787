package org.sunbid.scheduler;

import java.time.Instant;
import java.util.Date;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The Quartz side of a job: one durable-less job per (kind, subject), keyed subject in group kind, with a single
 * trigger that carries the subject and the due time (a retry fires later than it is due).
 */
final class JobTriggers {

    static final String SUBJECT = "subject";
    static final String DUE = "due";

    private final Scheduler scheduler;

    JobTriggers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Stores (or replaces) the job and its single trigger at {@code at}. */
    void store(String kind, String subject, Instant at) {
        store(kind, subject, at, at);
    }

    void store(String kind, String subject, Instant fireAt, Instant due) {
        JobDetail job = JobBuilder.newJob(QuartzJobScheduler.DispatchJob.class).withIdentity(subject, kind)
                .requestRecovery(true).storeDurably(false).build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger(kind, subject, due, fireAt)), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule " + kind + " job for " + subject, e);
        }
    }

    void delete(String kind, String subject) {
        try {
            scheduler.deleteJob(JobKey.jobKey(subject, kind));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot cancel " + kind + " job for " + subject, e);
        }
    }

    /** Moves the job's trigger to {@code retryAt}, keeping its due time. */
    void retryAt(String kind, String subject, Instant due, Instant retryAt) {
        Trigger retry = trigger(kind, subject, due, retryAt);
        try {
            if (scheduler.rescheduleJob(retry.getKey(), retry) == null) {
                // fired by a recovery trigger: the original trigger is gone, so store a fresh one
                if (scheduler.checkExists(retry.getJobKey())) {
                    scheduler.scheduleJob(retry);
                } else {
                    store(kind, subject, retryAt, due);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Trigger trigger(String kind, String subject, Instant due, Instant fireAt) {
        JobDataMap data = new JobDataMap();
        data.put(SUBJECT, subject);
        data.put(DUE, Long.toString(due.toEpochMilli()));
        return TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(subject, kind)).forJob(subject, kind)
                .usingJobData(data).startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
    }
}
