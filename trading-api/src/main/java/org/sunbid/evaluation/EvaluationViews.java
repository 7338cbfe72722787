package org.sunbid.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sunbid.evaluation.internal.EvaluationStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.MemberId;

/** Builds what a caller may see of a session: members see content, staff and regulators see progress only. */
final class EvaluationViews {

    private final EvaluationManagement management;
    private final EvaluationStore store;

    EvaluationViews(EvaluationManagement management, EvaluationStore store) {
        this.management = management;
        this.store = store;
    }

    EvaluationView view(CurrentUser user, UUID project, EvaluationSession s) {
        MemberId me = user.memberId().map(MemberId::of).orElse(null);
        boolean member = me != null && s.seats().stream().anyMatch(x -> x.member().equals(me) && x.replacedBecause() == null);
        Map<MemberId, String> names = s.seats().stream()
                .collect(Collectors.toMap(EvaluationSession.Seat::member, EvaluationSession.Seat::name));
        long votesPerMember = (long) s.bids().size() * s.plan().complianceCriteria().size();
        Map<MemberId, Long> votes = s.votes().stream()
                .collect(Collectors.groupingBy(ComplianceVote::member, Collectors.counting()));
        Map<MemberId, Long> sheetCounts = s.sheets().stream()
                .collect(Collectors.groupingBy(ScoreSheet::member, Collectors.counting()));
        List<EvaluationView.SeatView> seats = s.seats().stream().map(x -> new EvaluationView.SeatView(
                x.member().value(), x.name(), x.role(), x.checkedInAt() != null, x.conflict(),
                x.replacedBecause() == null, s.chair().map(x.member()::equals).orElse(false),
                s.reportSigners().contains(x.member()), votes.getOrDefault(x.member(), 0L) == votesPerMember,
                sheetCounts.getOrDefault(x.member(), 0L).intValue())).toList();
        List<EvaluationView.BidView> bids = s.bids().stream().map(b -> new EvaluationView.BidView(b.bid().value(),
                b.bidderName(), member ? b.price() : null)).toList();
        EvaluationManagement.PreCheckView pre = member ? management.preCheck(s) : null;
        boolean reviewDone = s.phase() != EvaluationSession.Phase.CHECK_IN
                && s.phase() != EvaluationSession.Phase.COMPLIANCE;
        List<ComplianceResult> compliance = member && reviewDone ? s.complianceResults() : List.of();
        List<EvaluationView.SheetView> sheets = new ArrayList<>();
        if (member) {
            for (OfferedBid b : s.bids()) {
                for (ScoreSheet sheet : s.sheetsVisibleTo(me, b.bid())) {
                    sheets.add(new EvaluationView.SheetView(b.bid().value(), sheet.member().value(),
                            names.get(sheet.member()), sheet.values(), sheet.comment(), sheet.signedSha256()));
                }
            }
        }
        List<EvaluationView.RankedView> ranking = new ArrayList<>();
        String outcome = null;
        if (s.outcome().isPresent()) {
            if (s.outcome().get() instanceof EvaluationOutcome.Candidates c) {
                outcome = "CANDIDATES";
                int rank = 1;
                for (BidAssessment a : c.assessed()) {
                    boolean candidate = rank <= c.ranked().size();
                    ranking.add(new EvaluationView.RankedView(rank++, a.bid().value(), a.bidderName(), a.price(),
                            member ? a.score() : null, member ? a.evaluatedPrice() : null, candidate,
                            member ? a.outliers() : List.of()));
                }
            } else {
                outcome = "ALL_REJECTED";
            }
        }
        org.sunbid.project.ProjectView p = management.project(project);
        String lotName = p.lots().stream().filter(l -> l.id().equals(s.lot().value())).findFirst()
                .map(org.sunbid.project.ProjectView.LotView::name).orElse(null);
        return new EvaluationView(s.lot().value(), project, p.name(), lotName, s.plan().method().name(), s.phase(), s.openedAt(),
                s.deadline(), s.extendedAt().isPresent(), s.chair().map(names::get).orElse(null), seats, bids,
                pre == null ? List.of() : pre.findings(), pre == null ? null : pre.collusion(), compliance, sheets,
                ranking, outcome, store.reportVersions(s.lot()).size() > 0 ? s.reportSigners().size() : 0,
                s.concludedAt().orElse(null), member || user.memberId().isEmpty() ? s.voided() : List.of(),
                member ? plan(s.plan()) : null, member ? me.value() : null);
    }

    private static EvaluationView.PlanView plan(EvaluationPlan plan) {
        return new EvaluationView.PlanView(plan.complianceCriteria(), plan.memberCriteria(),
                plan.priceCriterion().orElse(null), plan.priceFormula() == null ? null
                        : plan.priceFormula().describe(), plan.maxAdjustmentPercent());
    }
}
