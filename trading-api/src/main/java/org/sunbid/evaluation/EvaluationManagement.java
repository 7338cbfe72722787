package org.sunbid.evaluation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.evaluation.internal.EvaluationStore;
import org.sunbid.evaluation.internal.SheetContent;
import org.sunbid.expert.Committees;
import org.sunbid.expert.ExpertEvents;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.opening.OpenedBids;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;

/**
 * The evaluation session's use cases: the plan, opening the session, check-in and conflicts, the chair, compliance,
 * signed score sheets and extension. Each act locks the session row, applies one aggregate method and saves it, so a
 * refused act changes nothing. The committee comes from the expert draw through {@link Committees}; while no bean
 * implements it the session cannot open (problem {@code committee-not-available}) but the platform still starts.
 */
@Service
@Transactional
public class EvaluationManagement {

    static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF,
            java.util.Optional.empty());

    private final EvaluationStore store;
    private final OpenedBids openedBids;
    private final ObjectProvider<Committees> committees;
    private final ObjectProvider<CollusionAlerts> collusionAlerts;
    private final ProjectManagement projects;
    private final MemberSignatures signatures;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration allotted;
    private final Duration extension;

    EvaluationManagement(EvaluationStore store, OpenedBids openedBids, ObjectProvider<Committees> committees,
            ObjectProvider<CollusionAlerts> collusionAlerts, ProjectManagement projects, MemberSignatures signatures,
            ApplicationEventPublisher events, Clock clock,
            @Value("${sunbid.evaluation.session:PT8H}") Duration allotted,
            @Value("${sunbid.evaluation.extension:PT4H}") Duration extension) {
        this.store = store;
        this.openedBids = openedBids;
        this.committees = committees;
        this.collusionAlerts = collusionAlerts;
        this.projects = projects;
        this.signatures = signatures;
        this.events = events;
        this.clock = clock;
        this.allotted = allotted;
        this.extension = extension;
    }

    /** What the tenderee sets before the session: criteria, weights, price formula, thresholds. */
    public record PlanInput(List<String> complianceCriteria, List<CriterionInput> criteria, FormulaInput priceFormula,
            List<String> requiredItems, BigDecimal belowCostPercent, BigDecimal outlierDistance,
            BigDecimal maxAdjustmentPercent) {
    }

    public record CriterionInput(String key, String name, Criterion.Category category, BigDecimal maxPoints) {
    }

    /** {@code kind}: BENCHMARK_DEVIATION (with k, pointsPerPercentAbove, pointsPerPercentBelow) or LOWEST_PRICE_RATIO. */
    public record FormulaInput(String kind, BigDecimal k, BigDecimal pointsPerPercentAbove,
            BigDecimal pointsPerPercentBelow) {
    }

    /** Sets the lot's plan; the method is the one fixed at intake. Only the project's owner, before the session. */
    public EvaluationPlan setPlan(CurrentUser user, ProjectId projectOf, LotId planned, PlanInput input) {
        UUID projectId = projectOf.value();
        UUID lotId = planned.value();
        ProjectView project = projects.find(user, projectOf);
        if (!project.ownedBy(user.memberId().orElse(null))) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        LotId lot = lotOf(project, lotId);
        if (store.find(lot).isPresent()) {
            throw ProblemException.conflict("evaluation-already-open", "lotId", "evaluation.refused",
                    "the session is open; the plan is fixed");
        }
        EvaluationPlan plan;
        try {
            EvaluationMethod method = EvaluationMethod.fromIntake(project.evaluationMethod());
            List<Criterion> criteria = input.criteria() == null ? List.of()
                    : input.criteria().stream().map(c -> new Criterion(c.key(), c.name(), c.category(), c.maxPoints()))
                            .toList();
            plan = new EvaluationPlan(method, input.complianceCriteria() == null ? List.of()
                    : input.complianceCriteria(), criteria, formula(input.priceFormula()), input.requiredItems(),
                    input.belowCostPercent(), input.outlierDistance(), input.maxAdjustmentPercent());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("plan", "evaluation.plan.invalid", e.getMessage());
        }
        Instant now = clock.instant();
        store.savePlan(lot, projectId, plan, user.accountId(), now);
        events.publishEvent(new EvaluationEvents.EvaluationPlanSet(lotId, projectId, plan.method().name(),
                user.accountId(), now));
        return plan;
    }

    private static PriceScoreFormula formula(FormulaInput input) {
        if (input == null || input.kind() == null) {
            return null;
        }
        return switch (input.kind()) {
            case "BENCHMARK_DEVIATION" -> new PriceScoreFormula.BenchmarkDeviation(input.k(),
                    input.pointsPerPercentAbove(), input.pointsPerPercentBelow());
            case "LOWEST_PRICE_RATIO" -> new PriceScoreFormula.LowestPriceRatio();
            default -> throw new IllegalArgumentException("unknown price formula " + input.kind());
        };
    }

    /** Opens the session once the opening record is final and the committee is seated (centre staff). */
    public EvaluationView open(CurrentUser staff, ProjectId projectOf, LotId opened) {
        requireStaff(staff);
        UUID projectId = projectOf.value();
        UUID lotId = opened.value();
        ProjectView project = projects.find(staff, projectOf);
        LotId lot = lotOf(project, lotId);
        if (store.find(lot).isPresent()) {
            throw ProblemException.conflict("evaluation-already-open", "lotId", "evaluation.refused",
                    "the session is already open");
        }
        EvaluationPlan plan = store.plan(lot).orElseThrow(() -> ProblemException.rule("evaluation-plan-missing",
                "lotId", "evaluation.plan.missing"));
        OpenedBids.FinalOpening opening = openedBids.finalOpening(lot).orElseThrow(() -> ProblemException.rule(
                "opening-record-not-final", "lotId", "evaluation.opening.not-final"));
        List<Committees.CommitteeMember> committee = committee().seated(lot);
        List<OfferedBid> offered = opening.bids().stream().map(b -> new OfferedBid(b.bid(), b.bidder(),
                b.bidderName(), b.price(), b.receivedAt(), SheetContent.items(b.formJson()))).toList();
        Instant now = clock.instant();
        EvaluationSession session = EvaluationSession.open(lot, plan, offered, committee, now, allotted);
        store.insertSession(projectId, session, now);
        committee().evaluationStarted(lot);
        events.publishEvent(new EvaluationEvents.EvaluationSessionOpened(lotId, projectId, offered.size(),
                committee.size(), session.deadline(), now));
        return views().view(staff, projectId, session);
    }

    public EvaluationView view(CurrentUser user, LotId lot) {
        EvaluationSession session = store.find(lot).orElseThrow(() -> ProblemException.notFound("evaluation",
                lot.value()));
        UUID project = store.projectOf(lot).orElseThrow();
        requireParticipant(user, session);
        return views().view(user, project, session);
    }

    public EvaluationView checkIn(CurrentUser member, LotId lot) {
        UUID lotId = lot.value();
        return change(member, lotId, (s, me, now) -> {
            s.checkIn(me, now);
            events.publishEvent(new EvaluationEvents.MemberCheckedIn(lotId, me.value(), now));
        });
    }

    /** Declares no conflict, or a conflict: the member is replaced through the expert draw and their work voided. */
    public EvaluationView declare(CurrentUser member, LotId lot, boolean conflict, String reason) {
        UUID lotId = lot.value();
        return change(member, lotId, (s, me, now) -> {
            s.declare(me, conflict, reason, now);
            if (conflict) {
                committee().replace(s.lot(), me, reason);
                s.seat(committee().seated(s.lot()));
                events.publishEvent(new EvaluationEvents.ConflictDeclared(lotId, me.value(), reason, now));
            }
        });
    }

    public EvaluationView voteChair(CurrentUser member, LotId lot, MemberId candidate) {
        UUID lotId = lot.value();
        return change(member, lotId, (s, me, now) -> {
            boolean before = s.chair().isPresent();
            s.voteChair(me, candidate);
            if (!before && s.chair().isPresent()) {
                events.publishEvent(new EvaluationEvents.ChairElected(lotId, s.chair().get().value(), now));
            }
        });
    }

    /** One vote per bid and criterion; all of a member's votes in one request are kept or none. */
    public record VoteInput(UUID bid, String criterion, boolean pass, String reason) {
    }

    public EvaluationView review(CurrentUser member, LotId lot, List<VoteInput> votes) {
        UUID lotId = lot.value();
        if (votes == null || votes.isEmpty()) {
            throw ProblemException.invalid("votes", "evaluation.refused", "no votes");
        }
        return change(member, lotId, (s, me, now) -> {
            for (VoteInput v : votes) {
                if (v == null || v.bid() == null || v.criterion() == null) {
                    throw ProblemException.rule("vote-incomplete", "votes", "evaluation.refused",
                            "each vote names a bid and a criterion");
                }
                s.review(new ComplianceVote(me, BidId.of(v.bid()), v.criterion(), v.pass(), v.reason()));
            }
            events.publishEvent(new EvaluationEvents.ComplianceReviewed(lotId, me.value(), votes.size(), now));
        });
    }

    /**
     * A signed score sheet: {@code content} is the exact UTF-8 JSON the member signed ({@code sunbid-score-sheet/1}),
     * {@code signature} a detached CMS over it made with a certificate bound to the member.
     */
    public EvaluationView submitSheet(CurrentUser member, LotId lot, BidId bid, String content, byte[] signature) {
        UUID lotId = lot.value();
        UUID bidId = bid.value();
        return change(member, lotId, (s, me, now) -> {
            byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
            SheetContent parsed = SheetContent.parse(bytes, s.lot(), bid, me);
            if (signatures.signer(me, bytes, signature).isEmpty()) {
                throw ProblemException.rule("signature-not-by-member", "signature", "evaluation.signature.invalid");
            }
            String sha = SheetContent.sha256(bytes);
            s.submit(new ScoreSheet(bid, me, parsed.values(), parsed.comment(), sha));
            store.insertSheet(s.lot(), new EvaluationStore.SheetRow(bidId, me.value(), content, sha, signature, now));
            events.publishEvent(new EvaluationEvents.ScoreSheetSubmitted(lotId, bidId, me.value(), sha, now));
        });
    }

    public EvaluationView requestExtension(CurrentUser member, LotId lot) {
        UUID lotId = lot.value();
        return change(member, lotId, (s, me, now) -> {
            if (s.requestExtension(me, extension, now)) {
                events.publishEvent(new EvaluationEvents.EvaluationExtended(lotId, s.extensionRequests().size(),
                        s.active().size(), s.deadline(), now));
            }
        });
    }

    /** Pre-check findings, and whether the collusion alerts were available at all. */
    record PreCheckView(List<PreCheckFinding> findings, String collusion) {
    }

    PreCheckView preCheck(EvaluationSession s) {
        List<PreCheckFinding> findings = new ArrayList<>(PreCheck.run(s.plan(), s.bids()));
        CollusionAlerts alerts = collusionAlerts.getIfAvailable();
        if (alerts == null) {
            return new PreCheckView(findings, "NOT_AVAILABLE");
        }
        for (CollusionAlerts.Alert a : alerts.alertsFor(s.lot())) {
            a.bids().forEach(b -> findings.add(new PreCheckFinding(b, PreCheckFinding.Kind.COLLUSION_ALERT,
                    a.rule() + ": " + a.detail())));
        }
        return new PreCheckView(findings, "CHECKED");
    }

    @FunctionalInterface
    interface Act {
        void apply(EvaluationSession session, MemberId me, Instant now);
    }

    /** Locks the session, checks the caller is on it, applies the act and saves; a refusal leaves nothing changed. */
    EvaluationView change(CurrentUser user, UUID lotId, Act act) {
        LotId lot = LotId.of(lotId);
        EvaluationSession session = store.lock(lot).orElseThrow(() -> ProblemException.notFound("evaluation", lotId));
        MemberId me = user.memberId().map(MemberId::of).orElse(null);
        if (me == null || session.seats().stream().noneMatch(s -> s.member().equals(me))) {
            throw ProblemException.notFound("evaluation", lotId);
        }
        Instant now = clock.instant();
        act.apply(session, me, now);
        store.update(session, now);
        return views().view(user, store.projectOf(lot).orElseThrow(), session);
    }

    /** A substitute representative was named after a recusal: an open session seats whoever joined the committee. */
    @EventListener
    void onRepresentativeNamed(ExpertEvents.RepresentativeNamed named) {
        reseat(named.lot());
    }

    /** The committee is complete again (a replacement expert accepted): an open session seats whoever joined. */
    @EventListener
    void onStaffed(ExpertEvents.CommitteeStaffed staffed) {
        reseat(staffed.lot());
    }

    private void reseat(LotId lot) {
        Committees c = committees.getIfAvailable();
        if (c == null) {
            return;
        }
        store.lock(lot).ifPresent(session -> {
            session.seat(c.seated(lot));
            store.update(session, clock.instant());
        });
    }

    Committees committee() {
        Committees c = committees.getIfAvailable();
        if (c == null) {
            throw ProblemException.rule("committee-not-available", "lotId", "evaluation.committee.unavailable");
        }
        return c;
    }

    private EvaluationViews views() {
        return new EvaluationViews(this, store);
    }

    void requireParticipant(CurrentUser user, EvaluationSession session) {
        if (user.is(Role.STAFF) || user.is(Role.REGULATOR) || user.is(Role.ADMIN)) {
            return;
        }
        MemberId me = user.memberId().map(MemberId::of).orElse(null);
        if (me == null || session.seats().stream().noneMatch(s -> s.member().equals(me))) {
            throw ProblemException.notFound("evaluation", session.lot().value());
        }
    }

    static void requireStaff(CurrentUser user) {
        if (!user.is(Role.STAFF) && !user.is(Role.ADMIN)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
    }

    static LotId lotOf(ProjectView project, UUID lotId) {
        return project.lots().stream().filter(l -> l.id().equals(lotId)).findFirst().map(l -> LotId.of(l.id()))
                .orElseThrow(() -> ProblemException.notFound("lot", lotId));
    }

    /** For the report and award: the project a session belongs to. */
    ProjectView project(UUID projectId) {
        return projects.find(PLATFORM, ProjectId.of(projectId));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
