package org.sunbid.expert.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.expert.ExpertEvents;
import org.sunbid.platform.id.LotId;
import org.sunbid.project.ProjectEvents;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.draw.DrawAlgorithm;

/**
 * Commit: when a project is published — before any bid can exist — each lot gets a fresh 256-bit secret and its
 * SHA-256 goes into the supervision log, in the publishing transaction. The secret is stored sealed to the platform key
 * ({@link SecretSealing}) and revealed in the draw record.
 */
@Component
class DrawCommitments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DrawStore draws;
    private final LotFacts facts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlatformTransactionManager transactions;

    DrawCommitments(DrawStore draws, LotFacts facts, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.transactions = transactions;
        this.draws = draws;
        this.facts = facts;
        this.events = events;
        this.clock = clock;
    }

    /** Secrets written in clear by an earlier version are sealed at start. */
    @EventListener(ApplicationReadyEvent.class)
    void sealClearSecrets() {
        int sealed = new TransactionTemplate(transactions)
                .execute(status -> draws.sealClearSecrets());
        if (sealed > 0) {
            LoggerFactory.getLogger(DrawCommitments.class).info("sealed {} draw secrets held in clear", sealed);
        }
    }

    @EventListener
    void onPublished(ProjectEvents.ProjectPublished published) {
        ProjectView project = facts.project(published.projectId());
        Instant now = clock.instant();
        for (ProjectView.LotView lot : project.lots()) {
            byte[] secret = new byte[DrawAlgorithm.SECRET_BYTES];
            RANDOM.nextBytes(secret);
            String commitment = DrawAlgorithm.commitment(secret);
            LotId id = new LotId(lot.id());
            if (draws.insertSecret(new DrawStore.Secret(id, project.id(), secret, commitment, now))) {
                events.publishEvent(new ExpertEvents.DrawSecretCommitted(id, project.id(), commitment, now));
            }
            Arrays.fill(secret, (byte) 0);
        }
    }
}
