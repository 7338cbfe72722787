package org.sunbid.bid;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.Bids;
import org.sunbid.bid.internal.Completions;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * The sealed bids of a lot as the opening needs them: those that go into it, their files and receipts' hashes, and the
 * one change the opening makes to a bid — ending it (revoked or withdrawn at the opening).
 */
@Service
@Transactional
public class SealedBids {

    /** A completed bid: its sealed file on disk and the SHA-256 and time its receipt states. */
    public record SealedBid(BidId id, ProjectId project, LotId lot, MemberId bidder, String sha256, long size,
            Path file, Instant receivedAt) {
    }

    /** How the opening ended a bid. */
    public enum EndAtOpening {
        /** 撤销: by its bidder's fault (how it was sealed or signed). */
        REVOKED,
        /** 撤回: for a cause that is not its bidder's. */
        WITHDRAWN
    }

    /** A lot and its project. */
    public record LotRef(ProjectId project, LotId lot) {
    }

    private final Bids bidRows;
    private final Completions completions;
    private final PlatformProperties properties;
    private final ApplicationEventPublisher events;

    SealedBids(Bids bidRows, Completions completions, PlatformProperties properties, ApplicationEventPublisher events) {
        this.bidRows = bidRows;
        this.completions = completions;
        this.properties = properties;
        this.events = events;
    }

    /** Live bids (received, neither replaced nor withdrawn nor ended), in receipt order. */
    @Transactional(readOnly = true)
    public List<SealedBid> live(LotId lot) {
        return bidRows.liveBids(lot.value()).stream().map(this::sealed).toList();
    }

    @Transactional(readOnly = true)
    public Optional<SealedBid> find(BidId bid) {
        return bidRows.bid(bid.value()).map(this::sealed);
    }

    /**
     * The bids that went into the lot's opening, in receipt order: received before the deadline and not replaced or
     * withdrawn by their bidder (those the opening itself ended keep their place).
     */
    @Transactional(readOnly = true)
    public List<SealedBid> atOpening(LotId lot) {
        return bidRows.bidsAtOpening(lot.value()).stream().map(this::sealed).toList();
    }

    /** Whether the bid is live or was ended by the opening itself (not replaced or withdrawn by its bidder). */
    @Transactional(readOnly = true)
    public boolean isLive(BidId bid) {
        return bidRows.find(bid).filter(Bid::isLive).isPresent();
    }

    /** Where a bid was uploaded from, as recorded at upload (for the collusion alerts, after the opening). */
    public record Origin(String clientIp, String deviceFingerprint) {
    }

    @Transactional(readOnly = true)
    public Optional<Origin> origin(BidId bid) {
        return bidRows.origin(bid.value()).map(o -> new Origin(o[0], o[1]));
    }

    /** The member has a live bid on the lot, or one the opening revoked. */
    @Transactional(readOnly = true)
    public boolean hasLiveOrRevokedBid(LotId lot, MemberId member) {
        return bidRows.hasLiveOrRevokedBid(lot.value(), member.value());
    }

    /** Live or revoked bids per lot, for the lots given (absent lots have none). */
    @Transactional(readOnly = true)
    public Map<LotId, Long> liveOrRevokedCounts(Collection<LotId> lots) {
        return bidRows.liveOrRevokedCounts(lots.stream().map(LotId::value).toList()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> LotId.of(e.getKey()), Map.Entry::getValue));
    }

    /** The lots the member bid on, most recent first. */
    @Transactional(readOnly = true)
    public List<LotRef> lotsOf(MemberId bidder, int limit) {
        return bidRows.lotsOfBidder(bidder.value(), limit).stream()
                .map(r -> new LotRef(ProjectId.of(r.project()), LotId.of(r.lot()))).toList();
    }

    /** Finishes every completion of the lot a crash interrupted, before the opening counts its bids. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public int finishInterruptedCompletions(LotId lot) {
        return completions.finishAll(lot.value());
    }

    /**
     * The opening ends a live bid, with the cause recorded on it; a bid no longer live is left as it is (and nothing
     * is logged twice when a step is retried).
     */
    public void endAtOpening(BidId bid, EndAtOpening end, String cause, Instant at) {
        Bid b = bidRows.find(bid).orElseThrow();
        if (!b.endAtOpening(end, cause, at) || !bidRows.save(b)) {
            return;
        }
        UUID id = bid.value();
        events.publishEvent(end == EndAtOpening.REVOKED
                ? new BidEvents.BidRevokedAtOpening(id, b.lot().value(), b.bidder().value(), cause, at)
                : new BidEvents.BidWithdrawnAtOpening(id, b.lot().value(), b.bidder().value(), cause, at));
    }

    private SealedBid sealed(Bids.BidRow b) {
        return new SealedBid(BidId.of(b.id()), ProjectId.of(b.project()), LotId.of(b.lot()), MemberId.of(b.member()),
                b.sha256(), b.size(), properties.dataDir().resolve(b.file()), b.receivedAt());
    }
}
