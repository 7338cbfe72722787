package org.sunbid.project.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.sunbid.platform.ProblemException;
import org.sunbid.project.Procedure;
import org.sunbid.scheduler.TimeAccelerator;

/**
 * The statutory minimum periods of a procedure, checked at registration and again at publication: from issuing the
 * documents to the bid deadline ({@code bid-period-minimum}) and on sale ({@code document-sale-minimum}). A test
 * project's periods shrink with the scheduler's {@link TimeAccelerator}.
 */
@Component
public class StatutoryPeriods {

    private final ProjectRules rules;
    private final TimeAccelerator accelerator;

    StatutoryPeriods(ProjectRules rules, TimeAccelerator accelerator) {
        this.rules = rules;
        this.accelerator = accelerator;
    }

    public void check(Procedure procedure, Instant issue, Instant saleUntil, Instant deadline, boolean testProject) {
        rules.minimumBidPeriod(procedure).map(min -> accelerator.scale(min, testProject)).ifPresent(min -> {
            if (Duration.between(issue, deadline).compareTo(min) < 0) {
                throw ProblemException.rule("bid-period-minimum", "bidDeadline", "project.rule.bid-period-minimum",
                        min.toDays());
            }
        });
        rules.minimumSalePeriod(procedure).map(min -> accelerator.scale(min, testProject)).ifPresent(min -> {
            if (Duration.between(issue, saleUntil).compareTo(min) < 0) {
                throw ProblemException.rule("document-sale-minimum", "documentsOnSaleUntil",
                        "project.rule.document-sale-minimum", min.toDays());
            }
        });
    }
}
