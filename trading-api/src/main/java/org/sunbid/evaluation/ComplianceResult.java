package org.sunbid.evaluation;

import java.util.List;

import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;

/**
 * The committee's compliance conclusion on one bid: it passes only if a majority passed it on every criterion (a tie
 * fails the criterion: the bid must convince more than half of the members). Dissent lists the minority votes.
 */
public record ComplianceResult(BidId bid, boolean passed, List<String> failedCriteria, List<Dissent> dissent,
        List<String> reasons) {

    public ComplianceResult {
        failedCriteria = List.copyOf(failedCriteria);
        dissent = List.copyOf(dissent);
        reasons = List.copyOf(reasons);
    }

    /** A member who voted against the majority on a criterion. */
    public record Dissent(MemberId member, String criterion, boolean pass, String reason) {
    }

    /** Majority per criterion over the given votes of the active members. */
    static ComplianceResult decide(BidId bid, List<String> criteria, List<ComplianceVote> votes) {
        List<String> failed = new java.util.ArrayList<>();
        List<Dissent> dissent = new java.util.ArrayList<>();
        List<String> reasons = new java.util.ArrayList<>();
        for (String criterion : criteria) {
            List<ComplianceVote> on = votes.stream().filter(v -> v.criterion().equals(criterion)).toList();
            long passes = on.stream().filter(ComplianceVote::pass).count();
            boolean pass = passes * 2 > on.size();
            if (!pass) {
                failed.add(criterion);
                on.stream().filter(v -> !v.pass()).map(v -> criterion + "：" + v.reason()).distinct()
                        .forEach(reasons::add);
            }
            on.stream().filter(v -> v.pass() != pass)
                    .forEach(v -> dissent.add(new Dissent(v.member(), criterion, v.pass(), v.reason())));
        }
        return new ComplianceResult(bid, failed.isEmpty(), failed, dissent, reasons);
    }
}
