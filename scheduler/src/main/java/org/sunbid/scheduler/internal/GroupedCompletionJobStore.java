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
 *
 * <p>With {@link #setCompleteInBackground} the worker thread does not wait: it queues its completion and goes back to
 * the pool, and one writer thread of the store records the queue in groups. A job's completion is then committed a
 * little after its thread is free again. If the node dies in between, the fired trigger is still in the store and the
 * cluster recovers it as for a node that died inside the job: the job is fired again and the firing history (not
 * Quartz) makes that a no-op. At shutdown the queue is recorded before the store closes.
 */
public class GroupedCompletionJobStore extends LocalDataSourceJobStore {

    private static final Logger log = LoggerFactory.getLogger(GroupedCompletionJobStore.class);

    private final Object monitor = new Object();
    private final ArrayDeque<Completion> queued = new ArrayDeque<>();
    private boolean writing;
    private int maxCompletionGroup = 100;
    private boolean completeInBackground;
    private Thread backgroundWriter;
    private boolean stopping;
    /** Completions queued beyond this make the worker wait (the writer is behind). */
    private static final int MAX_QUEUED = 2_000;

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

    /** Whether workers hand their completions to a writer thread instead of waiting for them to be recorded. */
    public void setCompleteInBackground(boolean background) {
        this.completeInBackground = background;
    }

    public boolean getCompleteInBackground() {
        return completeInBackground;
    }

    @Override
    public void triggeredJobComplete(OperableTrigger trigger, JobDetail job, CompletedExecutionInstruction instruction) {
        Completion mine = new Completion(trigger, job, instruction);
        if (completeInBackground) {
            if (!queueForWriter(mine)) {
                super.triggeredJobComplete(trigger, job, instruction); // shutting down: Quartz's own path
            }
            return;
        }
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

    /** Queues a completion for the writer thread (started on first use); false once the store is shutting down. */
    private boolean queueForWriter(Completion completion) {
        boolean interrupted = false;
        try {
            synchronized (monitor) {
                while (!stopping && queued.size() >= MAX_QUEUED) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the completion must still be queued; the flag is restored below
                    }
                }
                if (stopping) {
                    return false;
                }
                queued.add(completion);
                if (backgroundWriter == null) {
                    backgroundWriter = new Thread(this::writeQueued, "quartz-completion-writer");
                    backgroundWriter.setDaemon(true);
                    backgroundWriter.start();
                }
                monitor.notifyAll();
                return true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The writer thread: records the queue in groups until the store shuts down and the queue is empty. */
    private void writeQueued() {
        while (true) {
            List<Completion> group;
            synchronized (monitor) {
                while (queued.isEmpty() && !stopping) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        stopping = true;
                    }
                }
                if (queued.isEmpty()) {
                    return;
                }
                group = new ArrayList<>(Math.min(queued.size(), maxCompletionGroup));
                while (!queued.isEmpty() && group.size() < maxCompletionGroup) {
                    group.add(queued.poll());
                }
                monitor.notifyAll(); // room in the queue again
            }
            try {
                record(group);
            } catch (RuntimeException e) {
                // left to the cluster's recovery of the fired triggers, as for a node that died here
                log.error("Recording {} job completions failed", group.size(), e);
            }
        }
    }

    @Override
    public void shutdown() {
        Thread writer;
        synchronized (monitor) {
            stopping = true;
            writer = backgroundWriter;
            monitor.notifyAll();
        }
        if (writer != null) {
            try {
                writer.join(java.time.Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (writer.isAlive()) {
                log.warn("Job completions still queued at shutdown; the cluster recovers their fired triggers");
            }
        }
        super.shutdown();
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
