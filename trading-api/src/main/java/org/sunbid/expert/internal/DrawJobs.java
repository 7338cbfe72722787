package org.sunbid.expert.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.bid.BidEvents;
import org.sunbid.expert.ExpertDraws;
import org.sunbid.expert.ExpertEvents;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * The draw runs by itself once the lot is opened: the opening schedules an {@code expert-draw} job, which draws in its
 * own transaction. A refusal (no plan, pool too small) is logged and ends the job; staff may draw again by hand.
 */
@Component
class DrawJobs implements ScheduledTask {

    static final String KIND = "expert-draw";

    private final JobScheduler scheduler;
    private final ExpertDraws draws;
    private final TransactionTemplate own;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DrawJobs(JobScheduler scheduler, ExpertDraws draws, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.scheduler = scheduler;
        this.draws = draws;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onOpened(BidEvents.LotOpened opened) {
        scheduler.schedule(KIND, opened.lot().toString(), opened.at());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        LotId lot = LotId.parse(firing.subject());
        try {
            own.executeWithoutResult(status -> draws.draw(lot));
        } catch (ProblemException e) {
            if (!"committee-already-drawn".equals(e.type())) {
                events.publishEvent(new ExpertEvents.DrawRefused(lot, e.type(), e.getMessage(), clock.instant()));
            }
        }
    }
}
