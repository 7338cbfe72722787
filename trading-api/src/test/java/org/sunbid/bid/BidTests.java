package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** Every transition of a bid, and every refused one, without Spring or a database. */
class BidTests {

    static final Instant RECEIVED = Instant.parse("2026-12-03T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-12-03T09:30:00Z");

    static Bid live() {
        return Bid.received(BidId.of(UUID.randomUUID()), ProjectId.of(UUID.randomUUID()), LotId.of(UUID.randomUUID()),
                MemberId.of(UUID.randomUUID()), RECEIVED);
    }

    @Test
    void aReceivedBidIsLiveAndGoesIntoTheOpening() {
        Bid bid = live();
        assertThat(bid.state()).isEqualTo(new Bid.Received());
        assertThat(bid.status()).isEqualTo(Bid.Status.RECEIVED);
        assertThat(bid.isLive()).isTrue();
        assertThat(bid.wentIntoOpening()).isTrue();
        assertThat(bid.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void aNewerBidReplacesALiveOneWhichThenLeavesTheOpening() {
        Bid bid = live();
        BidId newer = BidId.of(UUID.randomUUID());
        bid.replaceBy(newer);
        assertThat(bid.state()).isEqualTo(new Bid.Replaced(newer));
        assertThat(bid.status()).isEqualTo(Bid.Status.REPLACED);
        assertThat(bid.isLive()).isFalse();
        assertThat(bid.wentIntoOpening()).isFalse();
    }

    @Test
    void aBidCannotBeReplacedTwiceNorByItself() {
        Bid bid = live();
        assertThatThrownBy(() -> bid.replaceBy(bid.id())).isInstanceOf(IllegalArgumentException.class);
        assertThat(bid.isLive()).isTrue();
        bid.replaceBy(BidId.of(UUID.randomUUID()));
        assertThatThrownBy(() -> bid.replaceBy(BidId.of(UUID.randomUUID()))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void itsBidderWithdrawsALiveBid() {
        Bid bid = live();
        bid.withdraw(LATER);
        assertThat(bid.state()).isEqualTo(new Bid.Withdrawn(LATER));
        assertThat(bid.status()).isEqualTo(Bid.Status.WITHDRAWN);
        assertThat(bid.wentIntoOpening()).isFalse();
    }

    @Test
    void aBidNoLongerLiveCannotBeWithdrawnAndSaysSoAs409() {
        Bid withdrawn = live();
        withdrawn.withdraw(LATER);
        Bid replaced = live();
        replaced.replaceBy(BidId.of(UUID.randomUUID()));
        Bid revoked = live();
        revoked.endAtOpening(SealedBids.EndAtOpening.REVOKED, "FAILED_TAMPERED", LATER);
        for (Bid bid : new Bid[] { withdrawn, replaced, revoked }) {
            Bid.State before = bid.state();
            assertThatThrownBy(() -> bid.withdraw(LATER.plusSeconds(1)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo("not-live");
                        assertThat(e.field()).isEqualTo("bidId");
                    });
            assertThat(bid.state()).isEqualTo(before);
        }
    }

    @Test
    void theOpeningRevokesALiveBidWhichKeepsItsPlace() {
        Bid bid = live();
        assertThat(bid.endAtOpening(SealedBids.EndAtOpening.REVOKED, "FAILED_WRONG_KEY", LATER)).isTrue();
        assertThat(bid.state()).isEqualTo(new Bid.EndedAtOpening(SealedBids.EndAtOpening.REVOKED, "FAILED_WRONG_KEY",
                LATER));
        assertThat(bid.status()).isEqualTo(Bid.Status.REVOKED);
        assertThat(bid.isLive()).isFalse();
        assertThat(bid.wentIntoOpening()).isTrue();
    }

    @Test
    void theOpeningWithdrawsALiveBidStoredAsWithdrawnButStillCounted() {
        Bid bid = live();
        assertThat(bid.endAtOpening(SealedBids.EndAtOpening.WITHDRAWN, "NOT_SELF_DECRYPTED", LATER)).isTrue();
        assertThat(bid.status()).isEqualTo(Bid.Status.WITHDRAWN);
        assertThat(bid.wentIntoOpening()).isTrue();
    }

    @Test
    void theOpeningLeavesABidThatIsNoLongerLiveAsItIs() {
        Bid replaced = live();
        BidId newer = BidId.of(UUID.randomUUID());
        replaced.replaceBy(newer);
        assertThat(replaced.endAtOpening(SealedBids.EndAtOpening.REVOKED, "FAILED_TAMPERED", LATER)).isFalse();
        assertThat(replaced.state()).isEqualTo(new Bid.Replaced(newer));
        Bid revoked = live();
        revoked.endAtOpening(SealedBids.EndAtOpening.REVOKED, "FAILED_TAMPERED", LATER);
        assertThat(revoked.endAtOpening(SealedBids.EndAtOpening.WITHDRAWN, "other", LATER.plusSeconds(5))).isFalse();
        assertThat(revoked.status()).isEqualTo(Bid.Status.REVOKED);
    }

    @Test
    void aStoredBidResumesInItsState() {
        Bid stored = Bid.restore(BidId.of(UUID.randomUUID()), ProjectId.of(UUID.randomUUID()),
                LotId.of(UUID.randomUUID()), MemberId.of(UUID.randomUUID()), RECEIVED, new Bid.Withdrawn(LATER));
        assertThat(stored.isLive()).isFalse();
        assertThatThrownBy(() -> stored.replaceBy(BidId.of(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
    }
}
