package org.sunbid.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.identity.AccountEvents;
import org.sunbid.identity.Role;

class EventRecorderTests {

    record LotId(UUID value) {
    }

    record BidWithdrawn(UUID by, LotId lot, String reason) {
    }

    @Test
    void actionCodeIsTheFeatureAndTheKebabCaseRecordName() {
        assertThat(EventRecorder.actionCode(AccountEvents.LoginFailed.class)).isEqualTo("identity.login-failed");
        assertThat(EventRecorder.actionCode(AccountEvents.AccountCreated.class)).isEqualTo("identity.account-created");
        assertThat(EventRecorder.actionCode(BidWithdrawn.class)).isEqualTo("supervision.bid-withdrawn");
    }

    @Test
    void subjectIsTheFirstIdThatIsNotTheActorIncludingWrappedIds() {
        UUID lot = UUID.randomUUID();
        assertThat(EventRecorder.firstId(new BidWithdrawn(UUID.randomUUID(), new LotId(lot), "late")))
                .contains(lot.toString());
        UUID account = UUID.randomUUID();
        assertThat(EventRecorder.firstId(new AccountEvents.AccountCreated(account, "u", Role.BIDDER, null,
                UUID.randomUUID(), Instant.EPOCH))).contains(account.toString());
        assertThat(EventRecorder.firstId(new AccountEvents.LoginFailed("u", null, "PASSWORD", "x", "1.2.3.4",
                Instant.EPOCH))).isEqualTo(Optional.empty());
    }
}
