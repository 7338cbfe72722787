package org.sunbid.expert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.Avoidance;
import org.sunbid.expert.internal.DrawStore;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.expert.internal.OpeningFacts;
import org.sunbid.expert.internal.PlanStore;
import org.sunbid.expert.internal.PoolFreezing;
import org.sunbid.expert.internal.PoolSnapshot;
import org.sunbid.expert.internal.Seating;
import org.sunbid.opening.OpenedBids;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.draw.DrawAlgorithm;
import org.sunbid.signing.draw.DrawRecord;
import org.sunbid.signing.draw.SignedDrawRecord;

/**
 * Runs a lot's draw after its opening, and replacement draws: pool as at the bid deadline, avoidance with every rule
 * named, the seed from the committed secret and the receipted bids, sampling by {@link DrawAlgorithm}, and a record
 * signed and timestamped by the platform. One transaction each: a refused draw leaves nothing behind.
 */
@Service
@Transactional
public class ExpertDraws {

    private final PlanStore plans;
    private final DrawStore draws;
    private final PoolFreezing pools;
    private final LotFacts facts;
    private final OpeningFacts openingFacts;
    private final Seating seating;
    private final PlatformTrust trust;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int frequencyCap;

    ExpertDraws(PlanStore plans, DrawStore draws, PoolFreezing pools, LotFacts facts, OpeningFacts openingFacts,
            Seating seating, PlatformTrust trust, ApplicationEventPublisher events, Clock clock,
            @Value("${sunbid.expert.frequency-cap:3}") int frequencyCap) {
        if (frequencyCap < 1) {
            throw new IllegalArgumentException("sunbid.expert.frequency-cap must be positive");
        }
        this.plans = plans;
        this.draws = draws;
        this.pools = pools;
        this.facts = facts;
        this.openingFacts = openingFacts;
        this.seating = seating;
        this.trust = trust;
        this.events = events;
        this.clock = clock;
        this.frequencyCap = frequencyCap;
    }

    /** What a draw produced, without names: counts for the caller, the record for regulators. */
    public record DrawSummary(UUID draw, int sequence, int pool, int excluded, int members, int reserves,
            String recordSha256) {

        public DrawId drawId() {
            return new DrawId(draw);
        }
    }

    /** Staff draw a lot of a project by hand (after a refused scheduled draw, for instance). */
    public DrawSummary draw(ProjectId project, LotId lot) {
        boolean planned = plans.find(lot).map(p -> {
            if (!p.project().equals(project.value())) {
                throw ProblemException.notFound("lot", lot);
            }
            return true;
        }).orElse(false);
        if (!planned) {
            facts.lot(project.value(), lot); // an unknown lot is a 404 naming it, before "no plan"
        }
        return draw(lot);
    }

    /** The lot's draw: refused unless the lot is opened, planned, committed and not drawn yet. */
    public DrawSummary draw(LotId lot) {
        CommitteePlan plan = plans.lock(lot).orElseThrow(() -> refused(lot, HttpStatus.CONFLICT, "committee-plan-missing",
                "lotId", "expert.draw.no-plan"));
        if (draws.drawn(lot)) {
            throw refused(lot, HttpStatus.CONFLICT, "committee-already-drawn", "lotId", "expert.draw.already-drawn");
        }
        List<DrawAlgorithm.Group> groups = plan.drawGroups();
        List<Integer> planGroups = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            planGroups.add(i);
        }
        return run(plan, 0, null, groups, planGroups);
    }

    /**
     * A replacement draw of one expert for a plan group (a seat was vacated and no reserve is left): the next
     * sequence number, the same secret, every expert already drawn for the project excluded.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public DrawSummary replacement(LotId lot, int planGroup, String reason) {
        CommitteePlan plan = plans.lock(lot).orElseThrow(() -> ProblemException.notFound("committee", lot));
        CommitteePlan.Group g = plan.groups().get(planGroup);
        int sequence = draws.draws(lot).size();
        return run(plan, sequence, reason, List.of(new DrawAlgorithm.Group(g.specialty(), g.region(), 1, 0,
                g.preferredRegion())), List.of(planGroup));
    }

    private DrawSummary run(CommitteePlan plan, int sequence, String reason, List<DrawAlgorithm.Group> groups,
            List<Integer> planGroups) {
        LotId lot = plan.lot();
        OpeningFacts.Snapshot opened = openingFacts.of(plan).orElseThrow(() -> refused(lot, HttpStatus.CONFLICT,
                "lot-not-opened", "lotId", "expert.draw.not-opened"));
        LotFacts.Lot facts = opened.lot();
        List<OpenedBids.BidAtOpening> bids = opened.bids();
        DrawStore.Secret secret;
        try {
            secret = draws.secret(lot).orElseThrow(() -> refused(lot, HttpStatus.CONFLICT, "draw-secret-missing",
                    "lotId", "expert.draw.no-secret"));
        } catch (IllegalStateException e) {
            throw refused(lot, HttpStatus.CONFLICT, "draw-secret-tampered", "lotId", "expert.draw.secret-tampered");
        }
        Instant now = clock.instant();
        Instant asOf = facts.bidDeadline();
        PoolSnapshot snapshot = pools.frozen(plan, asOf);
        Map<Integer, List<Avoidance.Rule>> excluded = Avoidance.exclusions(snapshot, opened.parties(),
                avoidanceFacts(opened, plan));
        List<DrawRecord.Exclusion> exclusions = new ArrayList<>(excluded.size());
        BitSet excludedPositions = new BitSet(snapshot.size());
        excluded.forEach((position, rules) -> {
            exclusions.add(new DrawRecord.Exclusion(snapshot.pool().candidates().get(position).expert(),
                    rules.stream().map(Avoidance.Rule::code).toList()));
            excludedPositions.set(position);
        });

        List<String> hashes = bids.stream().map(OpenedBids.BidAtOpening::sha256).toList();
        byte[] seed = DrawAlgorithm.seed(secret.secret(), hashes, lot.toString(), sequence);
        DrawAlgorithm.Outcome outcome;
        try {
            outcome = DrawAlgorithm.draw(seed, groups, snapshot.pool(), excludedPositions);
        } catch (DrawAlgorithm.PoolTooSmallException e) {
            int planGroup = planGroups.get(e.group);
            throw new ProblemException(HttpStatus.CONFLICT, "pool-too-small", "groups[" + planGroup + "]",
                    "expert.draw.pool-too-small", Map.of("eligible", e.eligible, "needed", e.needed),
                    groups.get(e.group).specialty(), e.eligible, e.needed);
        }
        DrawRecord record = new DrawRecord(DrawRecord.typeFor(snapshot.pool()), plan.project().toString(), lot.toString(), sequence, reason, asOf, groups,
                plan.representatives().size(), DrawRecord.PoolReference.of(snapshot.pool()), exclusions, secret.commitment(),
                HexFormat.of().formatHex(secret.secret()),
                bids.stream().map(b -> new DrawRecord.BidHash(b.bid().toString(), b.sha256())).toList(),
                HexFormat.of().formatHex(seed), outcome.members(), outcome.reserves(), now);
        String canonicalJson = record.canonicalJson();
        byte[] canonical = canonicalJson.getBytes(StandardCharsets.UTF_8);
        byte[] digest = sha256(canonical);
        byte[] signature = new CmsSigner(trust.documentSigner()).sign(canonical, true);
        byte[] token = trust.timestamps().stamp(DigestAlgorithm.SHA256, digest).token();
        String json = new SignedDrawRecord(record, signature, token).toJson(canonicalJson);
        String recordSha256 = HexFormat.of().formatHex(sha256(json.getBytes(StandardCharsets.UTF_8)));

        UUID drawId = UUID.randomUUID();
        draws.insertDraw(new DrawStore.Draw(drawId, lot, plan.project(), sequence, reason, json, recordSha256, now));
        seating.seat(facts, drawId, sequence, outcome, planGroups, now);
        events.publishEvent(new ExpertEvents.CommitteeDrawn(lot, drawId, sequence, outcome.members().size(),
                outcome.reserves().size(), snapshot.size(), exclusions.size(), recordSha256, reason, now));
        return new DrawSummary(drawId, sequence, snapshot.size(), exclusions.size(), outcome.members().size(),
                outcome.reserves().size(), recordSha256);
    }

    /**
     * Conflicts and leave count as declared by the bid deadline (nobody can change them once the bidders are known),
     * the frequency cap counts invitations in the period before the deadline: all kept from the opening. Credit and the
     * project's earlier draws are read at the draw.
     */
    private Avoidance.Facts avoidanceFacts(OpeningFacts.Snapshot opened, CommitteePlan plan) {
        return new Avoidance.Facts(opened.conflicts(), facts.banned(), facts.badRecords(), opened.onLeave(),
                opened.askedBeforeDeadline(), frequencyCap, draws.drawnForProject(plan.project()));
    }

    private static ProblemException refused(LotId lot, HttpStatus status, String rule, String field, String key) {
        return new ProblemException(status, rule, field, key, lot);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
