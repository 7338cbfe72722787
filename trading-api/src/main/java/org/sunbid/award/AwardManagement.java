package org.sunbid.award;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.award.internal.AwardNotices;
import org.sunbid.award.internal.AwardStore;
import org.sunbid.evaluation.BidAssessment;
import org.sunbid.evaluation.EvaluationEvents;
import org.sunbid.evaluation.EvaluationOutcome;
import org.sunbid.evaluation.EvaluationReports;
import org.sunbid.evaluation.EvaluationSession;
import org.sunbid.evaluation.MemberSignatures;
import org.sunbid.evaluation.OfferedBid;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ObjectionId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.scheduler.TimeAccelerator;

/**
 * The award's use cases: candidates arrive from the concluded evaluation; the tenderee publishes the candidates'
 * publicity; bidders object (signed) and the tenderee answers; the tenderee decides (signed), which publishes the award
 * notice and issues the award and result letters; the contract completes the lot. Each act locks the lot's row.
 */
@Service
@Transactional
public class AwardManagement {

    static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF,
            java.util.Optional.empty());

    private final AwardStore store;
    private final EvaluationReports reports;
    private final ProjectManagement projects;
    private final MemberSignatures signatures;
    private final AwardNotices notices;
    private final PublicityRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TimeAccelerator accelerator;

    AwardManagement(AwardStore store, EvaluationReports reports, ProjectManagement projects,
            MemberSignatures signatures, AwardNotices notices, ApplicationEventPublisher events, Clock clock,
            TimeAccelerator accelerator) {
        this.store = store;
        this.reports = reports;
        this.projects = projects;
        this.signatures = signatures;
        this.notices = notices;
        this.rules = PublicityRules.statutory();
        this.events = events;
        this.clock = clock;
        this.accelerator = accelerator;
    }

    /** In the evaluation's transaction: candidates are kept for the publicity, or the lot fails (re-tender). */
    @EventListener
    void onConcluded(EvaluationEvents.EvaluationConcluded concluded) {
        LotId lot = LotId.of(concluded.lot());
        EvaluationSession session = reports.session(lot).orElseThrow();
        ProjectView project = projects.find(PLATFORM, ProjectId.of(concluded.project()));
        if (!(session.outcome().orElseThrow() instanceof EvaluationOutcome.Candidates c)) {
            notices.lotFailed(project, lot, "所有投标均被评标委员会否决 all bids rejected by the committee");
            events.publishEvent(new AwardEvents.LotFailed(concluded.project(), concluded.lot(), "ALL_BIDS_REJECTED",
                    concluded.at()));
            return;
        }
        List<Candidate> candidates = new ArrayList<>();
        int rank = 1;
        for (BidAssessment a : c.ranked()) {
            OfferedBid bid = session.bids().stream().filter(b -> b.bid().equals(a.bid())).findFirst().orElseThrow();
            candidates.add(new Candidate(rank++, a.bid(), bid.bidder(), a.bidderName(), a.price(), a.score(),
                    a.evaluatedPrice()));
        }
        store.insert(lot, concluded.project(), concluded.at(), concluded.reportSha256(), stateFunded(project),
                candidates, concluded.at());
    }

    /** 国有资金占控股或者主导地位 (实施条例 art. 55), read from the intake's funding source. */
    static boolean stateFunded(ProjectView project) {
        String source = project.fundingSource() == null ? "" : project.fundingSource().toLowerCase(Locale.ROOT);
        return source.contains("财政") || source.contains("国有") || source.contains("国资") || source.contains("state");
    }

    /** The tenderee publishes the candidates' publicity (within 3 days of the report, for at least the minimum). */
    public AwardView publishPublicity(CurrentUser user, LotId publicised, Integer days) {
        UUID lotId = publicised.value();
        AwardStore.AwardRow row = lockOwned(user, lotId);
        if (row.award() != null) {
            throw ProblemException.conflict("publicity-already-published", "lotId", "award.refused",
                    "the candidates are already publicised");
        }
        ProjectView project = projects.find(PLATFORM, ProjectId.of(row.project()));
        Instant now = clock.instant();
        PublicityRules.Period period = rules.publicity(project.procedure(), row.reportAt(), now, days,
                accelerator.scale(Duration.ofDays(1), project.testProject()));
        Award award = new Award(row.lot(), row.stateFunded(), row.candidates(), period);
        store.save(award, now);
        EvaluationSession session = reports.session(row.lot()).orElseThrow();
        notices.publicity(project, row.lot(), award, session.active().stream().map(EvaluationSession.Seat::name)
                .toList());
        events.publishEvent(new AwardEvents.CandidatesPublicized(row.project(), lotId,
                row.candidates().stream().map(c -> c.bid().value()).toList(), period.until(), now));
        return view(store.find(row.lot()).orElseThrow());
    }

    /** A bidder of the lot objects during the publicity; the text is signed (detached CMS, base64) by its key. */
    public AwardView object(CurrentUser bidder, LotId lot, String text, byte[] signature) {
        UUID lotId = lot.value();
        AwardStore.AwardRow row = store.lock(lot).orElseThrow(() -> ProblemException.notFound("award", lotId));
        MemberId me = MemberId.of(bidder.requireMember());
        boolean bidderOfLot = reports.session(lot).map(s -> s.bids().stream().anyMatch(b -> b.bidder().equals(me)))
                .orElse(false);
        if (!bidderOfLot || row.award() == null) {
            throw ProblemException.notFound("award", lotId);
        }
        byte[] content = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (signatures.signer(me, content, signature).isEmpty()) {
            throw ProblemException.rule("signature-not-by-member", "signature", "award.signature.invalid");
        }
        Instant now = clock.instant();
        Award award = row.award();
        Objection objection = award.object(me, text, sha256(signature), now);
        store.save(award, now);
        store.insertEvidence(lot, new AwardStore.Evidence(objection.id(), "OBJECTION", me.value(), text, signature,
                null, now));
        notices.suspended(projects.find(PLATFORM, ProjectId.of(row.project())), lot, objection);
        events.publishEvent(new AwardEvents.ObjectionRaised(objection.id(), lotId, me.value(), now));
        return view(store.find(lot).orElseThrow());
    }

    public AwardView answer(CurrentUser user, LotId lot, ObjectionId objection, String answer) {
        UUID lotId = lot.value();
        UUID objectionId = objection.value();
        AwardStore.AwardRow row = lockOwned(user, lotId);
        Award award = requirePublicised(row);
        Instant now = clock.instant();
        Objection answered = award.answer(objection, answer, now);
        store.save(award, now);
        store.insertEvidence(row.lot(), new AwardStore.Evidence(UUID.randomUUID(), "OBJECTION_ANSWER",
                user.memberId().orElse(null), answered.answer(), null, null, now));
        events.publishEvent(new AwardEvents.ObjectionAnswered(objectionId, lotId, now));
        return view(store.find(row.lot()).orElseThrow());
    }

    /** The decision JSON the tenderee signs: {@code sunbid-award-decision/1} naming the lot and the winning bid. */
    public static String decisionContent(LotId lot, BidId bid, List<Award.Skipped> skipped) {
        StringBuilder s = new StringBuilder("{\"format\":\"sunbid-award-decision/1\",\"lot\":\"").append(lot)
                .append("\",\"bid\":\"").append(bid).append("\",\"skipped\":[");
        for (int i = 0; i < skipped.size(); i++) {
            s.append(i == 0 ? "" : ",").append("{\"bid\":\"").append(skipped.get(i).bid()).append("\",\"reason\":\"")
                    .append(skipped.get(i).reason()).append("\"}");
        }
        return s.append("]}").toString();
    }

    /**
     * The tenderee's signed decision: it publishes the award notice and issues the award letter to the winner and
     * result letters to the other candidates and bidders. The signature is a detached CMS over
     * {@link #decisionContent} by a certificate bound to the tenderee (or its agency).
     */
    public AwardView decide(CurrentUser user, LotId lot, BidId bid, List<Award.Skipped> skipped, byte[] signature) {
        UUID lotId = lot.value();
        UUID bidId = bid.value();
        AwardStore.AwardRow row = lockOwned(user, lotId);
        Award award = requirePublicised(row);
        List<Award.Skipped> passed = skipped == null ? List.of() : skipped;
        byte[] content = decisionContent(lot, bid, passed).getBytes(StandardCharsets.UTF_8);
        MemberId signer = MemberId.of(user.requireMember());
        if (signatures.signer(signer, content, signature).isEmpty()) {
            throw ProblemException.rule("signature-not-by-member", "signature", "award.signature.invalid");
        }
        Instant now = clock.instant();
        Award.Decision decision = award.decide(bid, passed, sha256(signature), now);
        store.save(award, now);
        store.markLetter(row.lot(), now);
        store.insertEvidence(row.lot(), new AwardStore.Evidence(UUID.randomUUID(), "DECISION", signer.value(),
                new String(content, StandardCharsets.UTF_8), signature, null, now));
        ProjectView project = projects.find(PLATFORM, ProjectId.of(row.project()));
        Candidate winner = award.winner();
        List<MemberId> others = reports.session(row.lot()).orElseThrow().bids().stream().map(OfferedBid::bidder)
                .filter(m -> !m.equals(winner.bidder())).distinct().toList();
        notices.award(project, row.lot(), award, others);
        events.publishEvent(new AwardEvents.AwardDecided(row.project(), lotId, bidId, winner.bidder().value(),
                winner.price(), decision.at()));
        events.publishEvent(new AwardEvents.AwardNoticePublished(row.project(), lotId, winner.bidder().value(),
                others.stream().map(MemberId::value).toList(), now));
        return view(store.find(row.lot()).orElseThrow());
    }

    AwardStore.AwardRow lockOwned(CurrentUser user, UUID lotId) {
        LotId lot = LotId.of(lotId);
        AwardStore.AwardRow row = store.lock(lot).orElseThrow(() -> ProblemException.notFound("award", lotId));
        ProjectView project = projects.find(PLATFORM, ProjectId.of(row.project()));
        if (!project.ownedBy(user.memberId().orElse(null))) {
            throw ProblemException.notFound("award", lotId);
        }
        return row;
    }

    static Award requirePublicised(AwardStore.AwardRow row) {
        if (row.award() == null) {
            throw ProblemException.rule("publicity-not-published", "lotId", "award.refused",
                    "the candidates' publicity comes first");
        }
        return row.award();
    }

    /** The candidates as the publicity made them public (rank, name, price, score or evaluated price). */
    public record PublicCandidate(int rank, String bidder, java.math.BigDecimal price, java.math.BigDecimal score,
            java.math.BigDecimal evaluatedPrice) {
    }

    /** What anyone may read once the candidates are publicised (实施条例 art. 54): no ids of members, no objections. */
    public record PublicAward(UUID lot, String stage, Instant publicityFrom, Instant publicityUntil,
            boolean suspended, List<PublicCandidate> candidates, String winner, Instant decidedAt) {
    }

    @Transactional(readOnly = true)
    public PublicAward publicView(LotId lot) {
        UUID lotId = lot.value();
        AwardStore.AwardRow row = store.find(lot).filter(r -> r.award() != null)
                .orElseThrow(() -> ProblemException.notFound("award", lotId));
        AwardView v = view(row);
        return new PublicAward(v.lot(), v.stage(), v.publicityFrom(), v.publicityUntil(), v.suspended(),
                v.candidates().stream().map(c -> new PublicCandidate(c.rank(), c.bidderName(), c.price(), c.score(),
                        c.evaluatedPrice())).toList(), v.winner(), v.decidedAt());
    }

    /** What the caller may see: the tenderee, its agency, the lot's bidders and the centre. */
    @Transactional(readOnly = true)
    public AwardView view(CurrentUser user, LotId lot) {
        UUID lotId = lot.value();
        AwardStore.AwardRow row = store.find(lot).orElseThrow(() -> ProblemException.notFound("award", lotId));
        boolean staff = user.is(Role.STAFF) || user.is(Role.REGULATOR) || user.is(Role.ADMIN);
        boolean owner = projects.find(PLATFORM, ProjectId.of(row.project())).ownedBy(user.memberId().orElse(null));
        boolean bidder = user.memberId().map(MemberId::of).map(m -> reports.session(lot).map(s -> s.bids().stream()
                .anyMatch(b -> b.bidder().equals(m))).orElse(false)).orElse(false);
        if (!staff && !owner && !bidder) {
            throw ProblemException.notFound("award", lotId);
        }
        return view(row);
    }

    AwardView view(AwardStore.AwardRow row) {
        Award a = row.award();
        ProjectView project = projects.find(PLATFORM, ProjectId.of(row.project()));
        String lotName = project.lots().stream().filter(l -> l.id().equals(row.lot().value())).findFirst()
                .map(ProjectView.LotView::name).orElse(null);
        java.util.Map<UUID, String> objectors = new java.util.LinkedHashMap<>();
        if (a != null && !a.objections().isEmpty()) {
            List<OfferedBid> bids = reports.session(row.lot()).map(EvaluationSession::bids).orElse(List.of());
            for (Objection o : a.objections()) {
                bids.stream().filter(b -> b.bidder().equals(o.by())).findFirst()
                        .ifPresent(b -> objectors.put(o.id(), b.bidderName()));
            }
        }
        return new AwardView(row.lot().value(), row.project(), project.name(), lotName,
                a == null ? "AWAITING_PUBLICITY" : a.stage().name(),
                row.stateFunded(), row.candidates(), a == null ? null : a.publicity().from(),
                a == null ? null : a.publicity().until(), a != null && a.suspended(),
                a == null ? List.of() : a.objections(),
                a == null ? null : a.decision().map(d -> d.winner().value()).orElse(null),
                a == null || a.decision().isEmpty() ? null : a.winner().bidderName(),
                a == null ? null : a.decision().map(Award.Decision::at).orElse(null),
                a == null ? null : a.contract().map(Award.Contract::at).orElse(null),
                a != null && a.contract().map(Award.Contract::late).orElse(false), row.completedAt(),
                notices.documentsOf(row.lot()), objectors);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes == null ? new byte[0] : bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
