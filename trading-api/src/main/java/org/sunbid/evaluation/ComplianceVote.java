package org.sunbid.evaluation;

import java.util.Objects;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;

/** A member's pass or fail on one compliance criterion of one bid; a fail must give its reason. */
public record ComplianceVote(MemberId member, BidId bid, String criterion, boolean pass, String reason) {

    public ComplianceVote {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(criterion, "criterion");
        reason = reason == null ? "" : reason.strip();
        if (!pass && reason.isEmpty()) {
            throw ProblemException.rule("compliance-fail-needs-reason", "reason", "evaluation.refused",
                    "a failed criterion must give its reason");
        }
        if (reason.length() > 2000) {
            throw ProblemException.rule("reason-too-long", "reason", "evaluation.refused",
                    "reason is longer than 2000 characters");
        }
    }
}
