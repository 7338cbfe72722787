package org.sunbid.bid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.BidStore;
import org.sunbid.identity.AccountManagement;
import org.sunbid.member.MemberId;
import org.sunbid.project.LotId;
import org.sunbid.project.ProjectId;

/**
 * The opened bids of a lot for the features that follow the opening (evaluation, award): only once the opening record
 * is final — the lot opened, its objection period over and every objection answered — and only bids that decrypted,
 * carry their bidder's valid signature and match their receipt.
 */
@Service
@Transactional(readOnly = true)
public class OpenedBids {

    private final BidStore store;
    private final AccountManagement accounts;
    private final Clock clock;

    OpenedBids(BidStore store, AccountManagement accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
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
        BidStore.SessionRow session = store.session(lot.value()).orElse(null);
        if (session == null || !"OPENED".equals(session.status())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.objectionsUntil() != null && now.isBefore(session.objectionsUntil())) {
            return Optional.empty();
        }
        if (store.objections(lot.value()).stream().anyMatch(o -> o.answeredAt() == null)) {
            return Optional.empty();
        }
        List<OpenedBid> bids = store.results(lot.value()).stream()
                .filter(r -> r.price() != null && "VALID".equals(r.signature()) && "MATCHES".equals(r.hashCheck())
                        && ("DECRYPTED".equals(r.decryption()) || "SELF_DECRYPTED".equals(r.decryption())))
                .flatMap(r -> store.bid(r.bid()).filter(b -> "RECEIVED".equals(b.status())).stream()
                        .map(b -> new OpenedBid(BidId.of(r.bid()), MemberId.of(r.member()), nameOf(r.member()),
                                r.price(), b.receivedAt(), r.bidForm())))
                .toList();
        return Optional.of(new FinalOpening(ProjectId.of(session.project()), lot, session.openedAt(), session.record(),
                bids));
    }

    private String nameOf(UUID member) {
        return accounts.accountsOfMember(member).stream().findFirst().map(AccountManagement.AccountView::displayName)
                .orElse(member.toString());
    }
}
