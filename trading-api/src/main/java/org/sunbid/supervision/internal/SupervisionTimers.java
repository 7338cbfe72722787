package org.sunbid.supervision.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.supervision.VerificationReport;

/**
 * Timers of the supervision log: a signed tree head every 5 minutes when the log has grown, and a full verification
 * every 6 hours. Plain Spring {@code @Scheduled} for now; once the Quartz scheduler module lands these become
 * {@code ScheduledTask}s so that only one node of a cluster runs them (running them on several nodes is harmless:
 * head issue is idempotent per size and serialised in the database).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SupervisionTimers {

    private static final Logger log = LoggerFactory.getLogger(SupervisionTimers.class);

    private final SupervisionLog supervision;

    SupervisionTimers(SupervisionLog supervision) {
        this.supervision = supervision;
    }

    @Scheduled(initialDelayString = "${sunbid.supervision.tree-head-interval:PT5M}",
            fixedDelayString = "${sunbid.supervision.tree-head-interval:PT5M}")
    void issueTreeHead() {
        try {
            supervision.issueTreeHead();
        } catch (RuntimeException e) {
            log.error("could not issue a supervision tree head: {}", e.toString());
        }
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void checkAtStart() {
        supervision.firstHeadNotMatchingStoredLeaves().ifPresent(size -> log.error(
                "SUPERVISION LOG TAMPERED: the stored leaves no longer produce signed tree head {}", size));
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "${sunbid.supervision.verify-interval:PT6H}")
    void verify() {
        VerificationReport report = supervision.verify();
        if (!report.intact()) {
            log.error("SUPERVISION LOG TAMPERED: first bad seq {} ({})", report.firstBadSeq(), report.reason());
        }
    }
}
