package org.sunbid.award.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.award.AwardEvents;
import org.sunbid.award.PublicityRules;
import org.sunbid.platform.id.LotId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * The contract's deadline (招标投标法 art. 46: 30 days from the award letter): a reminder to the tenderee at day 20
 * and an alert to the regulator at day 31 if the contract is still missing, each logged once.
 */
@Component
class ContractDeadlineJobs implements ScheduledTask {

    static final String KIND = "award-contract-deadline";

    private final AwardStore store;
    private final JobScheduler scheduler;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractDeadlineJobs(AwardStore store, JobScheduler scheduler, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.events = events;
        this.clock = clock;
    }

    /** In the decision's transaction, so a refused decision schedules nothing. */
    @EventListener
    void onDecided(AwardEvents.AwardDecided decided) {
        scheduler.schedule(KIND, decided.lot() + ":reminder", decided.at().plus(PublicityRules.CONTRACT_REMINDER_AT));
        scheduler.schedule(KIND, decided.lot() + ":alert", decided.at().plus(PublicityRules.CONTRACT_ALERT_AT));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Firing firing) {
        String[] parts = firing.subject().split(":");
        LotId lot = LotId.of(java.util.UUID.fromString(parts[0]));
        Instant now = clock.instant();
        store.find(lot).filter(row -> row.completedAt() == null && row.letterAt() != null).ifPresent(row -> {
            Instant due = row.letterAt().plus(PublicityRules.CONTRACT_WITHIN);
            if ("reminder".equals(parts[1]) && store.markReminded(lot, now)) {
                events.publishEvent(new AwardEvents.ContractReminderDue(row.project(), lot.value(), due, now));
            } else if ("alert".equals(parts[1]) && !now.isBefore(due) && store.markAlerted(lot, now)) {
                events.publishEvent(new AwardEvents.ContractOverdue(row.project(), lot.value(), due, now));
            }
        });
    }
}
