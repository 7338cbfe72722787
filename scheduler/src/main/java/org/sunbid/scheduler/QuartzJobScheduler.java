package org.sunbid.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.scheduler.internal.AsynchronousCommits;
import org.sunbid.scheduler.internal.FiringHistory;
import org.sunbid.scheduler.internal.GroupedCompletionJobStore;

/**
 * {@link JobScheduler} on a clustered Quartz JDBC job store. Quartz's writes go through the Spring-managed data source
 * and join the caller's transaction. Each firing runs its handler in one transaction with the history row locked,
 * so a firing that already completed (on any node) is skipped and a node killed mid-handler leaves nothing behind
 * but a job that another node recovers.
 *
 * <p>This class is the scheduler's life cycle and the scheduling API over the firing history; {@link JobTriggers}
 * keeps Quartz's jobs and triggers, {@link FiringRunner} runs a firing and its retries.
 */
public final class QuartzJobScheduler implements JobScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuartzJobScheduler.class);
    static final int MAX_SUBJECT = 190;

    private final Supplier<List<? extends ScheduledTask>> taskSource;
    private volatile Map<String, ScheduledTask> handlers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FiringHistory history;
    private final TransactionTemplate tx;
    private final SchedulerFactoryBean factory;
    private final Scheduler scheduler;
    private final JobTriggers triggers;
    private final FiringRunner runner;
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
        this.history = new FiringHistory(dataSource);
        this.tx = new TransactionTemplate(transactions);
        TransactionTemplate newTx = new TransactionTemplate(transactions);
        newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        if (settings.bookkeeping() == BookkeepingCommit.ASYNCHRONOUS) {
            // Quartz's own acquire/fired/complete transactions: no wait for the WAL flush while they hold its lock
            factory.setNonTransactionalDataSource(new AsynchronousCommits(dataSource));
        }
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
        this.triggers = new JobTriggers(scheduler);
        this.runner = new FiringRunner(this::handlers, history, newTx, triggers, events, clock, settings.retryBackoff(),
                node);
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
        // Spring's job store, with the completions of jobs finishing together recorded in one pass through the lock
        p.setProperty("org.quartz.jobStore.class", GroupedCompletionJobStore.class.getName());
        p.setProperty("org.quartz.jobStore.maxCompletionGroup", Integer.toString(settings.completionGroup()));
        p.setProperty("org.quartz.jobStore.completeInBackground", Boolean.toString(settings.completeInBackground()));
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
            triggers.store(kind, subject, at);
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
            triggers.store(row.kind(), row.subject(), clock.instant(), row.dueAt());
            events.publishEvent(new JobScheduled(row.kind(), row.subject(), row.dueAt()));
            return history.byId(firingId).orElseThrow();
        });
    }

    @Override
    public boolean cancel(String kind, String subject) {
        requireKnown(kind);
        return Boolean.TRUE.equals(tx.execute(status -> {
            List<Instant> cancelled = history.cancelOpen(kind, subject, null);
            triggers.delete(kind, subject);
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

    /** Runs one firing; called on a Quartz worker thread. */
    void fire(JobExecutionContext context) {
        runner.fire(context);
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
