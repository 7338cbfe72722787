package org.sunbid.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sunbid.expert.Committees.CommitteeMember;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * The evaluation session of one lot (评标), from check-in to the signed report. Its phase follows from what has been
 * done: members check in and declare conflicts and elect a chair; every active member reviews compliance of every
 * bid on every criterion; every active member scores every compliant bid; the report is drawn and signed by each
 * active member, then by the platform. A member who declares a conflict is replaced and everything they concluded is
 * void (评标委员会和评标方法暂行规定 art. 12; 实施条例 art. 46). Once the report is drawn nothing else changes.
 */
public final class EvaluationSession {

    /** Where the session stands. */
    public enum Phase {
        CHECK_IN, COMPLIANCE, SCORING, REPORT_SIGNING, CONCLUDED
    }

    /** One seat: who, whether checked in and declared, and, if replaced, why. */
    public record Seat(MemberId member, String name, String role, Instant checkedInAt, Boolean conflict,
            String replacedBecause) {
        boolean active() {
            return replacedBecause == null;
        }
    }

    /** A void conclusion of a replaced member, kept for the report. */
    public record Voided(MemberId member, String what, Instant at) {
    }

    private final LotId lot;
    private final EvaluationPlan plan;
    private final List<OfferedBid> bids;
    private final Instant openedAt;
    private Instant deadline;
    private final CommitteeSeats seats = new CommitteeSeats();
    private final List<ComplianceVote> votes = new ArrayList<>();
    private final List<ScoreSheet> sheets = new ArrayList<>();
    private final Set<MemberId> extensionRequests = new LinkedHashSet<>();
    private Instant extendedAt;
    private final List<Voided> voided = new ArrayList<>();
    private EvaluationOutcome outcome;
    private Instant reportDrawnAt;
    private final List<MemberId> reportSigners = new ArrayList<>();
    private Instant concludedAt;

    private EvaluationSession(LotId lot, EvaluationPlan plan, List<OfferedBid> bids, Instant openedAt, Instant deadline) {
        this.lot = Objects.requireNonNull(lot, "lot");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.bids = List.copyOf(bids);
        this.openedAt = openedAt;
        this.deadline = deadline;
    }

    /** Opens the session once the opening record is final and the committee is seated. */
    public static EvaluationSession open(LotId lot, EvaluationPlan plan, List<OfferedBid> bids,
            List<CommitteeMember> committee, Instant now, Duration allotted) {
        if (committee.isEmpty()) {
            throw ProblemException.rule("committee-not-seated", "lot", "evaluation.refused",
                    "the lot's committee is not seated yet");
        }
        if (bids.isEmpty()) {
            throw ProblemException.rule("no-opened-bids", "lot", "evaluation.refused",
                    "the lot has no valid opened bid to evaluate");
        }
        EvaluationSession session = new EvaluationSession(lot, plan, bids, now, now.plus(allotted));
        session.seat(committee);
        return session;
    }

    /** Seats members the committee gained (replacements); members already known keep their seat. */
    public void seat(List<CommitteeMember> committee) {
        seats.seat(committee);
    }

    public Phase phase() {
        if (concludedAt != null) {
            return Phase.CONCLUDED;
        }
        if (outcome != null) {
            return Phase.REPORT_SIGNING;
        }
        if (!seats.settled()) {
            return Phase.CHECK_IN;
        }
        if (!complianceComplete()) {
            return Phase.COMPLIANCE;
        }
        return Phase.SCORING;
    }

    public void checkIn(MemberId member, Instant now) {
        seats.activeSeat(member);
        requireBeforeReport();
        seats.checkIn(member, now);
    }

    /**
     * Records the member's declaration against the lot's bidders. A conflict removes the member and voids their votes,
     * sheets and chair vote; the caller asks the expert draw for a replacement.
     */
    public void declare(MemberId member, boolean conflict, String reason, Instant now) {
        seats.activeSeat(member);
        requireBeforeReport();
        if (!seats.declare(member, conflict, reason)) {
            return;
        }
        int v = removeAll(votes, x -> x.member().equals(member));
        int s = removeAll(sheets, x -> x.member().equals(member));
        if (v > 0 || s > 0) {
            voided.add(new Voided(member, "%d compliance votes, %d score sheets".formatted(v, s), now));
        }
        extensionRequests.remove(member);
    }

    /** A vote for the chair; the member with votes from a majority of the active members is elected. */
    public void voteChair(MemberId voter, MemberId candidate) {
        seats.activeSeat(voter);
        requireBeforeReport();
        seats.voteChair(voter, candidate);
    }

    public void review(ComplianceVote vote) {
        seats.activeSeat(vote.member());
        requirePhase(Phase.COMPLIANCE, "compliance-review-closed");
        bid(vote.bid());
        if (!plan.complianceCriteria().contains(vote.criterion())) {
            throw ProblemException.rule("unknown-compliance-criterion", "criterion", "evaluation.refused",
                    "not a compliance criterion of this lot: " + vote.criterion());
        }
        votes.removeIf(v -> v.member().equals(vote.member()) && v.bid().equals(vote.bid())
                && v.criterion().equals(vote.criterion()));
        votes.add(vote);
    }

    public boolean complianceComplete() {
        long expected = (long) active().size() * bids.size() * plan.complianceCriteria().size();
        return votes.size() == expected;
    }

    public List<ComplianceResult> complianceResults() {
        // grouped once: every sheet submission asks for the compliant bids, so this must not scan votes per bid
        java.util.Map<BidId, List<ComplianceVote>> byBid = votes.stream()
                .collect(java.util.stream.Collectors.groupingBy(ComplianceVote::bid));
        return bids.stream().map(b -> ComplianceResult.decide(b.bid(), plan.complianceCriteria(),
                byBid.getOrDefault(b.bid(), List.of()))).toList();
    }

    public List<OfferedBid> compliantBids() {
        Set<BidId> passed = new java.util.HashSet<>();
        complianceResults().stream().filter(ComplianceResult::passed).forEach(r -> passed.add(r.bid()));
        return bids.stream().filter(b -> passed.contains(b.bid())).toList();
    }

    /** Accepts a member's checked, signature-verified sheet for a compliant bid; one sheet per member and bid. */
    public void submit(ScoreSheet sheet) {
        seats.activeSeat(sheet.member());
        requirePhase(Phase.SCORING, phase() == Phase.REPORT_SIGNING || phase() == Phase.CONCLUDED
                ? "report-already-drawn" : "scoring-not-open");
        OfferedBid bid = bid(sheet.bid());
        if (compliantBids().stream().noneMatch(b -> b.bid().equals(sheet.bid()))) {
            throw ProblemException.rule("bid-failed-compliance", "bid", "evaluation.refused",
                    "the bid failed compliance and is not scored");
        }
        if (sheets.stream().anyMatch(s -> s.member().equals(sheet.member()) && s.bid().equals(sheet.bid()))) {
            throw ProblemException.rule("score-sheet-already-submitted", "bid", "evaluation.refused",
                    "this member already scored this bid");
        }
        sheet.check(plan, bid.price());
        sheets.add(sheet);
    }

    /** Sheets of a bid the member may see: all of them once the member has submitted their own, else only their own. */
    public List<ScoreSheet> sheetsVisibleTo(MemberId member, BidId bid) {
        List<ScoreSheet> of = sheets.stream().filter(s -> s.bid().equals(bid)).toList();
        boolean own = of.stream().anyMatch(s -> s.member().equals(member));
        return own ? of : List.of();
    }

    public boolean scoringComplete() {
        return phase() == Phase.SCORING
                && sheets.size() == (long) active().size() * compliantBids().size();
    }

    /**
     * A member asks for more time; when more than one third of the active members have asked, the session is
     * extended by {@code extension} (recorded once). Returns whether this request extended it.
     */
    public boolean requestExtension(MemberId member, Duration extension, Instant now) {
        seats.activeSeat(member);
        requireBeforeReport();
        extensionRequests.add(member);
        if (extendedAt == null && extensionRequests.size() * 3 > active().size()) {
            extendedAt = now;
            deadline = deadline.plus(extension);
            return true;
        }
        return false;
    }

    /** Freezes the conclusions: all bids rejected when none passed compliance, else the ranked candidates. */
    public EvaluationOutcome drawReport(Instant now) {
        Phase p = phase();
        if (p == Phase.REPORT_SIGNING || p == Phase.CONCLUDED) {
            throw ProblemException.rule("report-already-drawn", null, "evaluation.refused",
                    "the report is already drawn");
        }
        if (p == Phase.COMPLIANCE || p == Phase.CHECK_IN) {
            throw ProblemException.rule("compliance-incomplete", null, "evaluation.refused",
                    "compliance review is not complete");
        }
        List<OfferedBid> compliant = compliantBids();
        if (compliant.isEmpty()) {
            outcome = new EvaluationOutcome.AllRejected("no bid passed compliance review");
        } else {
            if (!scoringComplete()) {
                throw ProblemException.rule("scoring-incomplete", null, "evaluation.refused",
                        "some members have not scored every bid");
            }
            List<BidAssessment> assessed = Assessments.assess(plan, compliant, sheets);
            outcome = new EvaluationOutcome.Candidates(Ranking.candidates(plan.method(), assessed),
                    Ranking.rank(plan.method(), assessed));
        }
        reportDrawnAt = now;
        return outcome;
    }

    /** A member's PAdES signature went onto the report; each active member signs once, in any order. */
    public void reportSignedBy(MemberId member) {
        seats.activeSeat(member);
        requirePhase(Phase.REPORT_SIGNING, "report-not-drawn");
        if (reportSigners.contains(member)) {
            throw ProblemException.rule("report-already-signed", "member", "evaluation.refused",
                    "this member already signed the report");
        }
        reportSigners.add(member);
    }

    public boolean awaitingPlatformSignature() {
        return phase() == Phase.REPORT_SIGNING && reportSigners.size() == active().size();
    }

    public void concluded(Instant now) {
        if (!awaitingPlatformSignature()) {
            throw ProblemException.rule("report-not-signed-by-all", null, "evaluation.refused",
                    "every member must sign the report first");
        }
        concludedAt = now;
    }

    /** Everything the session holds, for its repository to store and restore. */
    public record Snapshot(LotId lot, EvaluationPlan plan, List<OfferedBid> bids, Instant openedAt, Instant deadline,
            List<Seat> seats, List<ChairVote> chairVotes, MemberId chair, List<ComplianceVote> votes,
            List<ScoreSheet> sheets, Set<MemberId> extensionRequests, Instant extendedAt, List<Voided> voided,
            EvaluationOutcome outcome, Instant reportDrawnAt, List<MemberId> reportSigners, Instant concludedAt) {
    }

    /** Who voted for whom as chair. */
    public record ChairVote(MemberId voter, MemberId candidate) {
    }

    public Snapshot snapshot() {
        return new Snapshot(lot, plan, bids, openedAt, deadline, seats.all(), seats.chairVotes(),
                seats.chair().orElse(null), votes(), sheets(), extensionRequests(), extendedAt, voided(), outcome,
                reportDrawnAt, reportSigners(), concludedAt);
    }

    public static EvaluationSession restore(Snapshot s) {
        EvaluationSession session = new EvaluationSession(s.lot(), s.plan(), s.bids(), s.openedAt(), s.deadline());
        session.seats.restore(s.seats(), s.chairVotes(), s.chair());
        session.votes.addAll(s.votes());
        session.sheets.addAll(s.sheets());
        session.extensionRequests.addAll(s.extensionRequests());
        session.extendedAt = s.extendedAt();
        session.voided.addAll(s.voided());
        session.outcome = s.outcome();
        session.reportDrawnAt = s.reportDrawnAt();
        session.reportSigners.addAll(s.reportSigners());
        session.concludedAt = s.concludedAt();
        return session;
    }

    private OfferedBid bid(BidId id) {
        return bids.stream().filter(b -> b.bid().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.rule("unknown-bid", "bid", "evaluation.refused",
                                "not an opened bid of this lot"));
    }

    private void requirePhase(Phase wanted, String rule) {
        if (phase() != wanted) {
            throw ProblemException.rule(rule, null, "evaluation.refused",
                    "the session is in phase " + phase() + ", not " + wanted);
        }
    }

    private void requireBeforeReport() {
        if (outcome != null) {
            throw ProblemException.rule("report-already-drawn", null, "evaluation.refused",
                    "the report is drawn; the session is closed");
        }
    }

    private static <T> int removeAll(List<T> list, java.util.function.Predicate<T> which) {
        int before = list.size();
        list.removeIf(which);
        return before - list.size();
    }

    public List<Seat> active() {
        return seats.active();
    }

    public Collection<Seat> seats() {
        return seats.all();
    }

    public LotId lot() {
        return lot;
    }

    public EvaluationPlan plan() {
        return plan;
    }

    public List<OfferedBid> bids() {
        return bids;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Optional<MemberId> chair() {
        return seats.chair();
    }

    public Optional<Instant> extendedAt() {
        return Optional.ofNullable(extendedAt);
    }

    public Set<MemberId> extensionRequests() {
        return Set.copyOf(extensionRequests);
    }

    public List<ComplianceVote> votes() {
        return List.copyOf(votes);
    }

    public List<ScoreSheet> sheets() {
        return List.copyOf(sheets);
    }

    public List<Voided> voided() {
        return List.copyOf(voided);
    }

    public Optional<EvaluationOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<Instant> reportDrawnAt() {
        return Optional.ofNullable(reportDrawnAt);
    }

    public List<MemberId> reportSigners() {
        return List.copyOf(reportSigners);
    }

    public Optional<Instant> concludedAt() {
        return Optional.ofNullable(concludedAt);
    }
}
