package org.sunbid.expert.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.bid.BidEvents;
import org.sunbid.expert.CommitteePlan;
import org.sunbid.opening.OpenedBids;
import org.sunbid.platform.id.LotId;

/**
 * What a lot's draws read that the opening has fixed, taken once when the lot is opened and kept in memory for its
 * draws (the draw right after the opening, replacement draws later): the lot itself (names, deadline, opening time,
 * tenderee, agency), the bids as opened, the parties as the member registry ties them at the opening, and the experts'
 * own facts as declared by the bid deadline — conflicts with any party, leave at the evaluation, invitations that count
 * towards the frequency cap. None of these can change for the lot once it is opened (the deadline has passed; the
 * bidders are known). Credit (bans, published bad records) and the project's earlier draws are not kept: they may change
 * after the opening and each draw reads them afresh. A draw that finds no snapshot (after a restart) takes it itself.
 */
@Component
public class OpeningFacts {

    private static final int CACHED = 16;

    private final LotFacts facts;
    private final PlanStore plans;
    private final LibraryStore library;
    private final DrawStore draws;
    private final Duration frequencyPeriod;
    private final Duration leaveHorizon;
    private final Map<LotId, Snapshot> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LotId, Snapshot> eldest) {
            return size() > CACHED;
        }
    };

    OpeningFacts(LotFacts facts, PlanStore plans, LibraryStore library, DrawStore draws,
            @Value("${sunbid.expert.frequency-period:P30D}") Duration frequencyPeriod,
            @Value("${sunbid.expert.leave-horizon:P1D}") Duration leaveHorizon) {
        if (frequencyPeriod.isNegative() || leaveHorizon.isNegative()) {
            throw new IllegalArgumentException("sunbid.expert frequency-period and leave-horizon must not be negative");
        }
        this.facts = facts;
        this.plans = plans;
        this.library = library;
        this.draws = draws;
        this.frequencyPeriod = frequencyPeriod;
        this.leaveHorizon = leaveHorizon;
    }

    /**
     * The opened lot's facts. {@code conflicts}: declared by the deadline against any party's code; {@code onLeave}: on
     * leave around the evaluation as declared by the deadline; {@code askedBeforeDeadline}: invitations in the frequency
     * period before the deadline.
     */
    public record Snapshot(LotFacts.Lot lot, String supervisingUscc, List<OpenedBids.BidAtOpening> bids,
            Avoidance.Parties parties, Map<UUID, Set<String>> conflicts, Set<UUID> onLeave,
            Map<UUID, Integer> askedBeforeDeadline) {
    }

    /** The snapshot of the planned lot: kept, or taken now; empty while the lot is not opened. */
    public Optional<Snapshot> of(CommitteePlan plan) {
        synchronized (cache) {
            Snapshot kept = cache.get(plan.lot());
            if (kept != null && java.util.Objects.equals(kept.supervisingUscc(), plan.supervisingUscc())) {
                return Optional.of(kept);
            }
        }
        return take(plan);
    }

    /** The opening warms the snapshot once it has committed, so the draw it schedules finds it ready. */
    @EventListener
    void onOpened(BidEvents.LotOpened opened) {
        LotId lot = new LotId(opened.lot());
        AfterCommit.run(() -> plans.find(lot).ifPresent(this::take));
    }

    /** Forgets the kept snapshots (the next draw takes its own, as after a restart). */
    public void forget() {
        synchronized (cache) {
            cache.clear();
        }
    }

    private Optional<Snapshot> take(CommitteePlan plan) {
        LotFacts.Lot lot = facts.lot(plan.project(), plan.lot());
        Optional<List<OpenedBids.BidAtOpening>> opened = facts.openedBids(plan.lot());
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Avoidance.Parties parties = facts.parties(lot, opened.get(), plan.supervisingUscc());
        Instant deadline = lot.bidDeadline();
        Set<String> codes = new HashSet<>();
        codes.addAll(parties.tendereeUsccs());
        codes.addAll(parties.agencyUsccs());
        codes.addAll(parties.bidderUsccs());
        codes.addAll(parties.relatedUsccs());
        Instant evaluation = lot.openingAt() == null ? deadline : lot.openingAt();
        Snapshot snapshot = new Snapshot(lot, plan.supervisingUscc(), List.copyOf(opened.get()), parties,
                library.conflictsWith(codes, deadline), library.onLeave(evaluation, evaluation.plus(leaveHorizon), deadline),
                draws.askedBetween(deadline.minus(frequencyPeriod), deadline));
        synchronized (cache) {
            cache.put(plan.lot(), snapshot);
        }
        return Optional.of(snapshot);
    }
}
