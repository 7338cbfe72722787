package org.sunbid.scheduler.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.quartz.JobDetail;
import org.quartz.JobPersistenceException;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.spi.OperableTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/**
 * Spring's Quartz job store, with the completions of jobs that finish at the same time recorded together: one
 * transaction under Quartz's cluster-wide {@code TRIGGER_ACCESS} lock for the whole group, instead of one lock round
 * per job (acquiring and firing are batched by Quartz already; completing was the one per-job pass through the lock,
 * which the profiles of 10,000 jobs a minute showed the nodes waiting on).
 *
 * <p>It is group commit: a worker thread whose job has finished queues its completion; if no group is being written
 * it becomes the writer and records everything queued (up to {@link #setMaxCompletionGroup}), otherwise it waits
 * until a writer has recorded its completion. Either way {@link #triggeredJobComplete} returns only once the
 * completion is committed, as before, so the job store's state and the recovery of a node that dies are what they
 * were. Each completion is Quartz's own {@code triggeredJobComplete(Connection, ...)}; if a group's transaction
 * fails, its completions are recorded one by one through Quartz's own retrying path, so one bad completion cannot
 * hold the others back.
 */
public class GroupedCompletionJobStore extends LocalDataSourceJobStore {

    private static final Logger log = LoggerFactory.getLogger(GroupedCompletionJobStore.class);

    private final Object monitor = new Object();
    private final ArrayDeque<Completion> queued = new ArrayDeque<>();
    private boolean writing;
    private int maxCompletionGroup = 100;

    /** A finished job's completion, waiting to be recorded. */
    private static final class Completion {
        final OperableTrigger trigger;
        final JobDetail job;
        final CompletedExecutionInstruction instruction;
        boolean recorded;

        Completion(OperableTrigger trigger, JobDetail job, CompletedExecutionInstruction instruction) {
            this.trigger = trigger;
            this.job = job;
            this.instruction = instruction;
        }
    }

    /** The most completions recorded in one transaction (Quartz property {@code org.quartz.jobStore.maxCompletionGroup}). */
    public void setMaxCompletionGroup(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxCompletionGroup must be at least 1");
        }
        this.maxCompletionGroup = max;
    }

    public int getMaxCompletionGroup() {
        return maxCompletionGroup;
    }

    @Override
    public void triggeredJobComplete(OperableTrigger trigger, JobDetail job, CompletedExecutionInstruction instruction) {
        Completion mine = new Completion(trigger, job, instruction);
        boolean interrupted = false;
        synchronized (monitor) {
            queued.add(mine);
        }
        while (true) {
            List<Completion> group;
            synchronized (monitor) {
                while (writing && !mine.recorded) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the completion must still be recorded; the flag is restored below
                    }
                }
                if (mine.recorded) {
                    break;
                }
                writing = true;
                group = new ArrayList<>(Math.min(queued.size(), maxCompletionGroup));
                while (!queued.isEmpty() && group.size() < maxCompletionGroup) {
                    group.add(queued.poll());
                }
            }
            try {
                record(group);
            } finally {
                synchronized (monitor) {
                    group.forEach(c -> c.recorded = true);
                    writing = false;
                    monitor.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(List<Completion> group) {
        if (group.size() > 1) {
            try {
                executeInNonManagedTXLock(LOCK_TRIGGER_ACCESS, conn -> {
                    for (Completion c : group) {
                        triggeredJobComplete(conn, c.trigger, c.job, c.instruction);
                    }
                    return null;
                }, null);
                return;
            } catch (JobPersistenceException | RuntimeException e) {
                log.warn("Recording {} job completions together failed ({}); recording them one by one", group.size(),
                        e.toString());
            }
        }
        for (Completion c : group) {
            super.triggeredJobComplete(c.trigger, c.job, c.instruction);
        }
    }
}
