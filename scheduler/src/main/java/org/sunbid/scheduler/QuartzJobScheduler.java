package org.sunbid.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.scheduler.internal.FiringHistory;

/**
 * {@link JobScheduler} on a clustered Quartz JDBC job store. Quartz's writes go through the Spring-managed data source
 * and join the caller's transaction. Each firing runs its handler in one transaction with the history row locked,
 * so a firing that already completed (on any node) is skipped and a node killed mid-handler leaves nothing behind
 * but a job that another node recovers.
 */
public final class QuartzJobScheduler implements JobScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuartzJobScheduler.class);
    static final String SUBJECT = "subject";
    static final String DUE = "due";
    static final int MAX_SUBJECT = 190;
    private static final int MAX_ERROR = 2000;

    private final Supplier<List<? extends ScheduledTask>> taskSource;
    private volatile Map<String, ScheduledTask> handlers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SchedulerSettings settings;
    private final FiringHistory history;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final SchedulerFactoryBean factory;
    private final Scheduler scheduler;
    private final String node;
    private final String name;
    private final long createdMillis;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Scheduler names in use in this JVM: Quartz registers data sources JVM-wide by scheduler name. */
    private static final Set<String> LIVE_NAMES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public QuartzJobScheduler(DataSource dataSource, PlatformTransactionManager transactions,
            Supplier<List<? extends ScheduledTask>> tasks, ApplicationEventPublisher events, Clock clock,
            SchedulerSettings settings) {
        this.taskSource = tasks;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.history = new FiringHistory(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long createStart = System.nanoTime();
        this.factory = new SchedulerFactoryBean();
        String wanted = settings.name();
        String unique = wanted;
        while (!LIVE_NAMES.add(unique)) {
            // a second scheduler in one JVM (only tests do that) must not take over the first one's data source
            unique = wanted + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
        if (!unique.equals(wanted)) {
            log.warn("Scheduler name {} is already in use in this JVM; this one is {} (a separate cluster)", wanted,
                    unique);
        }
        this.name = unique;
        factory.setSchedulerName(unique);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setQuartzProperties(quartzProperties(settings));
        factory.setJobFactory((bundle, sched) -> new DispatchJob(this));
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(false);
        try {
            factory.afterPropertiesSet();
            this.scheduler = factory.getScheduler();
            this.node = scheduler.getSchedulerInstanceId();
            this.createdMillis = (System.nanoTime() - createStart) / 1_000_000;
        } catch (Exception e) {
            LIVE_NAMES.remove(unique);
            throw new IllegalStateException("Quartz scheduler could not be created", e);
        }
    }

    /** The handlers by kind, looked up on first use so that handlers may themselves depend on this scheduler. */
    private Map<String, ScheduledTask> handlers() {
        Map<String, ScheduledTask> known = handlers;
        if (known == null) {
            known = taskSource.get().stream().collect(Collectors.toUnmodifiableMap(ScheduledTask::kind,
                    Function.identity(), (a, b) -> {
                        throw new IllegalStateException("Two ScheduledTask beans handle kind '" + a.kind() + "': "
                                + a.getClass().getName() + " and " + b.getClass().getName());
                    }));
            handlers = known;
        }
        return known;
    }

    static Properties quartzProperties(SchedulerSettings settings) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(Math.max(1000, settings.idleWait().toMillis())));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(settings.batchSize()));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow",
                Long.toString(settings.batchWindow().toMillis()));
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "sunbid-scheduler");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(settings.clustered()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.clusterCheckin().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
        // With batches larger than one, nodes must acquire under the lock or two could take the same trigger.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    /**
     * Checks that every stored job has a handler, then starts firing.
     *
     * @throws IllegalStateException naming the kinds when stored jobs have no handler
     */
    public void start() {
        long startStart = System.nanoTime();
        Set<String> unknown = storedKinds();
        unknown.removeAll(handlers().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Stored scheduler jobs of kind(s) " + unknown
                    + " have no ScheduledTask handler: deploy the handler or cancel those jobs");
        }
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz scheduler could not start", e);
        }
        log.info("Scheduler {} started on node {} with kinds {} (created in {} ms, started in {} ms)", name, node,
                new TreeSet<>(handlers().keySet()), createdMillis, (System.nanoTime() - startStart) / 1_000_000);
    }

    /**
     * Stops firing on this node without giving up the scheduler (other nodes carry on); {@link #start()} resumes.
     * Spring pauses idle test contexts this way.
     */
    public void standby() {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.standby();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz scheduler could not be put in standby", e);
        }
    }

    /** The job kinds stored in the job store, whether or not a handler exists. */
    public Set<String> storedKinds() {
        try {
            return new TreeSet<>(scheduler.getJobGroupNames());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot read stored jobs", e);
        }
    }

    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    public String node() {
        return node;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            factory.destroy();
        } catch (SchedulerException e) {
            log.warn("Quartz scheduler did not shut down cleanly", e);
        } finally {
            LIVE_NAMES.remove(name);
        }
    }

    @Override
    public Set<String> kinds() {
        return handlers().keySet();
    }

    @Override
    public FiringRecord schedule(String kind, String subject, Instant dueAt) {
        check(kind, subject, dueAt);
        Instant at = dueAt.truncatedTo(ChronoUnit.MILLIS); // the job store keeps milliseconds
        return tx.execute(status -> {
            Instant now = clock.instant();
            Optional<FiringRecord> same = history.find(kind, subject, at);
            if (same.isPresent() && same.get().status() != FiringStatus.CANCELLED) {
                return same.get(); // this due time is already scheduled or done: nothing to do
            }
            List<Instant> moved = history.cancelOpen(kind, subject, at);
            FiringRecord row = history.open(kind, subject, at, now);
            store(kind, subject, at);
            if (moved.isEmpty()) {
                events.publishEvent(new JobScheduled(kind, subject, at));
            } else {
                events.publishEvent(new JobRescheduled(kind, subject, moved.get(0), at));
            }
            return row;
        });
    }

    @Override
    public FiringRecord reschedule(String kind, String subject, Instant dueAt) {
        check(kind, subject, dueAt);
        Instant at = dueAt.truncatedTo(ChronoUnit.MILLIS);
        return tx.execute(status -> {
            FiringRecord pending = history.open(kind, subject)
                    .orElseThrow(() -> new NoSuchElementException("No pending " + kind + " job for " + subject));
            if (pending.dueAt().equals(at)) {
                return pending;
            }
            return schedule(kind, subject, at);
        });
    }

    @Override
    public FiringRecord retry(long firingId) {
        return tx.execute(status -> {
            FiringRecord row = history.byId(firingId)
                    .orElseThrow(() -> new NoSuchElementException("No firing " + firingId));
            if (row.status() != FiringStatus.FAILED) {
                throw new IllegalStateException("Firing " + firingId + " is " + row.status() + ", not FAILED");
            }
            requireKnown(row.kind());
            history.open(row.kind(), row.subject()).ifPresent(other -> {
                throw new IllegalStateException("Job " + row.kind() + " " + row.subject() + " is pending at "
                        + other.dueAt() + "; cancel it first");
            });
            history.reopen(firingId);
            store(row.kind(), row.subject(), clock.instant(), row.dueAt());
            events.publishEvent(new JobScheduled(row.kind(), row.subject(), row.dueAt()));
            return history.byId(firingId).orElseThrow();
        });
    }

    @Override
    public boolean cancel(String kind, String subject) {
        requireKnown(kind);
        return Boolean.TRUE.equals(tx.execute(status -> {
            List<Instant> cancelled = history.cancelOpen(kind, subject, null);
            try {
                scheduler.deleteJob(JobKey.jobKey(subject, kind));
            } catch (SchedulerException e) {
                throw new IllegalStateException("Cannot cancel " + kind + " job for " + subject, e);
            }
            cancelled.forEach(due -> events.publishEvent(new JobCancelled(kind, subject, due)));
            return !cancelled.isEmpty();
        }));
    }

    @Override
    public Optional<FiringRecord> pending(String kind, String subject) {
        return history.open(kind, subject);
    }

    @Override
    public List<FiringRecord> firings(Set<FiringStatus> statuses, int limit) {
        Set<FiringStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(FiringStatus.class) : statuses;
        return history.list(wanted, Math.max(1, Math.min(limit, 1000)));
    }

    private void check(String kind, String subject, Instant at) {
        requireKnown(kind);
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        if (at == null) {
            throw new IllegalArgumentException("due time is required");
        }
    }

    private void requireKnown(String kind) {
        if (kind == null || !handlers().containsKey(kind)) {
            throw new UnknownJobKindException(kind);
        }
    }

    /** Stores (or replaces) the job and its single trigger at {@code at}. */
    private void store(String kind, String subject, Instant at) {
        store(kind, subject, at, at);
    }

    private void store(String kind, String subject, Instant fireAt, Instant due) {
        JobDetail job = JobBuilder.newJob(DispatchJob.class).withIdentity(subject, kind).requestRecovery(true)
                .storeDurably(false).build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger(kind, subject, due, fireAt)), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule " + kind + " job for " + subject, e);
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

    /** Runs one firing; called on a Quartz worker thread. */
    void fire(JobExecutionContext context) {
        String kind = context.getJobDetail().getKey().getGroup();
        JobDataMap data = context.getMergedJobDataMap();
        String subject = data.containsKey(SUBJECT) ? data.getString(SUBJECT) : context.getJobDetail().getKey().getName();
        Instant due = data.containsKey(DUE) ? Instant.ofEpochMilli(Long.parseLong(data.getString(DUE)))
                : context.getScheduledFireTime().toInstant();
        waitUntil(due);
        Instant firedAt = clock.instant();
        long lateness = Math.max(0, Duration.between(due, firedAt).toMillis());
        ScheduledTask task = handlers().get(kind);
        try {
            Firing done = newTx.execute(status -> {
                FiringRecord row = history.lockForFiring(kind, subject, due, firedAt);
                if (!row.status().open()) {
                    log.debug("Skipping {} {} due {}: already {}", kind, subject, due, row.status());
                    return null;
                }
                if (task == null) {
                    throw new UnknownJobKindException(kind);
                }
                Firing firing = new Firing(kind, subject, due, firedAt, row.attempts() + 1, node);
                try {
                    task.run(firing);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailure(e);
                }
                history.markFired(row.id(), firing.attempt(), firedAt, clock.instant(), lateness, node);
                return firing;
            });
            if (done != null) {
                events.publishEvent(new JobFired(kind, subject, due, firedAt, done.lateness(), done.attempt(), node));
            }
        } catch (RuntimeException e) {
            failed(context, kind, subject, due, firedAt, lateness, e instanceof HandlerFailure h ? h.getCause() : e);
        }
    }

    /** A batch may hand a trigger over slightly early: a job never acts before its due time. */
    private void waitUntil(Instant due) {
        long early = Duration.between(clock.instant(), due).toMillis();
        if (early > 0) {
            try {
                Thread.sleep(early);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void failed(JobExecutionContext context, String kind, String subject, Instant due, Instant firedAt,
            long lateness, Throwable error) {
        String message = describe(error);
        List<Duration> backoff = settings.retryBackoff();
        int tried = history.attempts(kind, subject, due);
        boolean last = tried >= backoff.size() || !handlers().containsKey(kind);
        Optional<Integer> attempt = newTx.execute(status -> {
            history.lockForFiring(kind, subject, due, firedAt); // the row may have been born in the rolled-back attempt
            return history.recordFailure(kind, subject, due, last, firedAt, clock.instant(), lateness, node, message);
        });
        if (attempt == null || attempt.isEmpty()) {
            return; // cancelled or completed meanwhile
        }
        if (last) {
            log.warn("Job {} {} due {} failed after {} attempt(s): {}", kind, subject, due, attempt.get(), message);
            events.publishEvent(new JobFailed(kind, subject, due, attempt.get(), message));
            return;
        }
        Instant retryAt = clock.instant().plus(backoff.get(attempt.get() - 1));
        try {
            newTx.executeWithoutResult(status -> {
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
            });
            log.info("Job {} {} due {} failed (attempt {}), retrying at {}: {}", kind, subject, due, attempt.get(),
                    retryAt, message);
            events.publishEvent(new JobAttemptFailed(kind, subject, due, attempt.get(), message, retryAt));
        } catch (RuntimeException e) {
            log.error("Job {} {} due {}: retry could not be scheduled", kind, subject, due, e);
            newTx.executeWithoutResult(status -> history.markFailed(kind, subject, due));
            events.publishEvent(new JobFailed(kind, subject, due, attempt.get(), message));
        }
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    /** Carries a checked exception out of the transaction callback. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }

    /** The one Quartz job class: hands each firing to the scheduler that created it (no static state). */
    static final class DispatchJob implements Job {
        private final QuartzJobScheduler owner;

        DispatchJob(QuartzJobScheduler owner) {
            this.owner = owner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            owner.fire(context);
        }
    }
}
