package org.sunbid.expert.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Writes each invitation to the application log (the default adapter); no name of a project goes with the expert's,
 * and never the signed answer links (whoever reads the log could answer for the expert).
 */
@Component
@ConditionalOnProperty(name = "sunbid.expert.notifications", havingValue = "log", matchIfMissing = true)
class LogExpertNotifications implements ExpertNotifications {

    private static final Logger log = LoggerFactory.getLogger(LogExpertNotifications.class);

    @Override
    public Delivery invited(Invitation invitation) {
        log.info("EXPERT INVITED expert={} answerDue={} link={}", invitation.expert(), invitation.answerDue(),
                invitation.link());
        return Delivery.SENT;
    }
}
