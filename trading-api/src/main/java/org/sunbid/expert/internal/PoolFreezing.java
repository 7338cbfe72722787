package org.sunbid.expert.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.expert.CommitteePlan;
import org.sunbid.expert.ExpertEvents;
import org.sunbid.platform.id.LotId;
import org.sunbid.project.ProjectEvents;
import org.sunbid.project.ProjectView;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * Freezes each planned lot's pool once its bid deadline has passed (an {@code expert-pool-freeze} job due at the
 * deadline), so the draw after the opening finds it ready; the pool's SHA-256 goes into the supervision log. A draw
 * that finds no pool frozen as at the deadline (a moved deadline, a lost job) freezes it itself.
 */
@Component
public class PoolFreezing implements ScheduledTask {

    static final String KIND = "expert-pool-freeze";

    private final PoolStore pools;
    private final PlanStore plans;
    private final LotFacts facts;
    private final JobScheduler scheduler;
    private final TransactionTemplate own;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PoolFreezing(PoolStore pools, PlanStore plans, LotFacts facts, JobScheduler scheduler,
            PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        this.pools = pools;
        this.plans = plans;
        this.facts = facts;
        this.scheduler = scheduler;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    /** The lot's pool as at {@code asOf}: the frozen one, or frozen now; indexed for the plan's groups. */
    public PoolSnapshot frozen(CommitteePlan plan, Instant asOf) {
        PoolSnapshot snapshot = pools.find(plan.lot(), asOf).orElseGet(() -> freeze(plan, asOf));
        snapshot.pool().index(plan.drawGroups());
        return snapshot;
    }

    private PoolSnapshot freeze(CommitteePlan plan, Instant asOf) {
        Set<String> prefixes = new LinkedHashSet<>();
        plan.groups().forEach(g -> prefixes.add(g.specialty()));
        Instant now = clock.instant();
        PoolSnapshot snapshot = pools.freeze(plan.lot(), asOf, prefixes, now);
        events.publishEvent(new ExpertEvents.PoolFrozen(plan.lot(), plan.project(), snapshot.pool().sha256(),
                snapshot.size(), asOf, now));
        return snapshot;
    }

    @EventListener
    void onPublished(ProjectEvents.ProjectPublished published) {
        ProjectView project = facts.project(published.projectId());
        if (project.bidDeadline() == null) {
            return;
        }
        for (ProjectView.LotView lot : project.lots()) {
            scheduler.schedule(KIND, lot.id().toString(), project.bidDeadline());
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        LotId lot = LotId.parse(firing.subject());
        own.executeWithoutResult(status -> plans.find(lot).ifPresent(plan -> {
            Instant deadline = facts.lot(plan.project(), lot).bidDeadline();
            if (clock.instant().isBefore(deadline)) {
                scheduler.schedule(KIND, lot.toString(), deadline); // the deadline was moved
            } else {
                frozen(plan, deadline);
            }
        }));
    }
}
