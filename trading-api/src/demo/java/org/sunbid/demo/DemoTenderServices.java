package org.sunbid.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.sunbid.award.AwardManagement;
import org.sunbid.demo.internal.DemoAward;
import org.sunbid.demo.internal.DemoBidding;
import org.sunbid.demo.internal.DemoCommittee;
import org.sunbid.demo.internal.DemoEvaluation;
import org.sunbid.identity.AccountManagement;
import org.sunbid.opening.OpeningHall;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectPublication;
import org.sunbid.project.ProjectReview;
import org.sunbid.scheduler.TimeAccelerator;

/**
 * What a {@link DemoTender} acts through, wired once: the demo mode's own tender and the tests' tenders (which run
 * with the demo off, on their own clock) are built from the same bean, so the wiring is written in one place.
 */
@Component
public record DemoTenderServices(AccountManagement accounts, ProjectManagement projects, ProjectReview review,
        ProjectPublication publication, OpeningHall openings, AwardManagement awards, DemoBidding bidding,
        DemoCommittee committee, DemoEvaluation evaluation, DemoAward award, TimeAccelerator accelerator,
        Environment environment) {
}
