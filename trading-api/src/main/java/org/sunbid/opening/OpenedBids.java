package org.sunbid.opening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.SealedBids;
import org.sunbid.opening.BidDecryption.Checks;
import org.sunbid.opening.BidDecryption.HashCheck;
import org.sunbid.opening.BidDecryption.Signature;
import org.sunbid.opening.internal.BidDecryptions;
import org.sunbid.opening.internal.Names;
import org.sunbid.opening.internal.Objections;
import org.sunbid.opening.internal.OpeningSessions;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * The opened bids of a lot for the features that follow the opening (evaluation, award, the expert draw, oversight):
 * the valid bids only once the opening record is final — the lot opened, its objection period over and every
 * objection answered —, the bids that went into an opened lot, and how many bids each opened lot held.
 */
@Service
@Transactional(readOnly = true)
public class OpenedBids {

    private final OpeningSessions sessions;
    private final BidDecryptions decryptions;
    private final Objections objections;
    private final SealedBids bids;
    private final Names names;
    private final Clock clock;

    OpenedBids(OpeningSessions sessions, BidDecryptions decryptions, Objections objections, SealedBids bids, Names names,
            Clock clock) {
        this.sessions = sessions;
        this.decryptions = decryptions;
        this.objections = objections;
        this.bids = bids;
        this.names = names;
        this.clock = clock;
    }

    /** One valid opened bid with its price and the bid form's JSON as the bidder signed it. */
    public record OpenedBid(BidId bid, MemberId bidder, String bidderName, BigDecimal price, Instant receivedAt,
            String formJson) {
    }

    /** A lot's final opening record. */
    public record FinalOpening(ProjectId project, LotId lot, Instant openedAt, UUID recordDocument,
            List<OpenedBid> bids) {
        public FinalOpening {
            bids = List.copyOf(bids);
        }
    }

    public Optional<FinalOpening> finalOpening(LotId lot) {
        OpeningSession session = sessions.find(lot).orElse(null);
        if (session == null || !(session.state() instanceof OpeningSession.Opened opened)) {
            return Optional.empty();
        }
        if (opened.objectionsUntil() != null && clock.instant().isBefore(opened.objectionsUntil())) {
            return Optional.empty();
        }
        if (objections.of(lot).stream().anyMatch(o -> o.answeredAt() == null)) {
            return Optional.empty();
        }
        return Optional.of(new FinalOpening(session.project(), lot, opened.at(), opened.record(), valid(lot)));
    }

    /**
     * The valid, priced bids of a lot whose opening record is issued, in record order, whether or not its objection
     * period is over (what the record read out in public); empty before that.
     */
    public List<OpenedBid> recorded(LotId lot) {
        return sessions.find(lot).filter(s -> s.state() instanceof OpeningSession.Opened).map(s -> valid(lot))
                .orElse(List.of());
    }

    private List<OpenedBid> valid(LotId lot) {
        return decryptions.checkedInRecordOrder(lot).stream()
                .filter(d -> d.checks().filter(OpenedBids::validAndPriced).isPresent())
                .flatMap(d -> bids.find(d.bid()).filter(b -> bids.isLive(b.id())).stream().map(b -> {
                    Checks c = d.checks().orElseThrow();
                    return new OpenedBid(d.bid(), d.bidder(), names.bidder(d.bidder()), c.form().price(), b.receivedAt(),
                            c.form().json());
                }))
                .toList();
    }

    private static boolean validAndPriced(Checks c) {
        return c.form().price() != null && c.signature() == Signature.VALID && c.hash() == HashCheck.MATCHES
                && (c.decryption() instanceof BidDecryption.Decrypted || c.decryption() instanceof BidDecryption.SelfDecrypted);
    }

    /** A bid that went into its lot's opening, as its receipt states it: for the expert draw's seed and avoidance. */
    public record BidAtOpening(UUID bid, UUID member, String sha256, Instant receivedAt) {
    }

    /**
     * The bids of a lot whose opening has ended (its record is issued), in receipt order; empty while the lot is not
     * opened (no session yet, waiting for shares, or failed for too few bids).
     */
    public Optional<List<BidAtOpening>> bidsOfOpenedLot(LotId lot) {
        return sessions.find(lot).filter(s -> s.state() instanceof OpeningSession.Opened)
                .map(s -> bids.atOpening(lot).stream()
                        .map(b -> new BidAtOpening(b.id().value(), b.bidder().value(), b.sha256(), b.receivedAt()))
                        .toList());
    }

    /**
     * How many bids each lot held at its opening (live or revoked), for lots whose opening has started (others are
     * absent: nobody may learn a lot's bid count before its opening); read-only figures for regulators.
     */
    public Map<LotId, Long> bidsPerOpenedLot() {
        List<LotId> started = sessions.startedLots();
        Map<LotId, Long> counts = bids.liveOrRevokedCounts(started);
        Map<LotId, Long> perLot = new LinkedHashMap<>();
        started.forEach(lot -> perLot.put(lot, counts.getOrDefault(lot, 0L)));
        return perLot;
    }
}
