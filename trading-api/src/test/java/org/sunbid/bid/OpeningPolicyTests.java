package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.bid.internal.BidStore;

/** Who is held to what at the opening: the bidder's sealing failures revoke at once, the platform's await the bidder. */
class OpeningPolicyTests {

    static BidStore.ResultRow result(String decryption, String signature, String hashCheck) {
        return new BidStore.ResultRow(UUID.randomUUID(), UUID.randomUUID(), decryption, signature, hashCheck, null, null,
                null);
    }

    @Test
    void aDecryptedBidSignedByItsBidderIsOpenedAndOneSignedByAnyoneElseIsRevokedNamingTheSignature() {
        assertThat(OpeningPolicy.outcome(result("DECRYPTED", "VALID", "MATCHES"))).isEqualTo(OpeningPolicy.Outcome.OPENED);
        var forged = result("DECRYPTED", "NOT_BY_REGISTERED_CERTIFICATE", "MATCHES");
        assertThat(OpeningPolicy.outcome(forged)).isEqualTo(OpeningPolicy.Outcome.REVOKED);
        assertThat(OpeningPolicy.cause(forged)).isEqualTo("SIGNATURE_NOT_BY_REGISTERED_CERTIFICATE");
        assertThat(OpeningPolicy.outcome(result("DECRYPTED", "CERTIFICATE_NOT_VALID_AT_RECEIPT", "MATCHES")))
                .isEqualTo(OpeningPolicy.Outcome.REVOKED);
    }

    @Test
    void everyFailureInHowTheBidWasSealedRevokesAtOnceWithoutAWindow() {
        for (String failure : new String[] { "FAILED_NOT_A_RECIPIENT", "FAILED_WRONG_KEY", "FAILED_TAMPERED",
                "FAILED_MALFORMED", "FAILED_UNSUPPORTED_ALGORITHM" }) {
            var r = result(failure, "NOT_CHECKED", "MATCHES");
            assertThat(OpeningPolicy.outcome(r)).as(failure).isEqualTo(OpeningPolicy.Outcome.REVOKED);
            assertThat(OpeningPolicy.cause(r)).isEqualTo(failure);
        }
    }

    @Test
    void onlyFailuresThePlatformCausedAwaitTheBidderAndAFileChangedOnThePlatformsSideIsWithdrawn() {
        assertThat(OpeningPolicy.outcome(result("FAILED_IO_ERROR", "NOT_CHECKED", "MATCHES")))
                .isEqualTo(OpeningPolicy.Outcome.AWAITING_BIDDER);
        assertThat(OpeningPolicy.outcome(result(OpeningPolicy.KEY_UNAVAILABLE, "NOT_CHECKED", "MATCHES")))
                .isEqualTo(OpeningPolicy.Outcome.AWAITING_BIDDER);
        assertThat(OpeningPolicy.outcome(result("FAILED_TAMPERED", "NOT_CHECKED", "TAMPERED_AFTER_RECEIPT")))
                .isEqualTo(OpeningPolicy.Outcome.WITHDRAWN);
        assertThat(OpeningPolicy.biddersFault(OpeningPolicy.KEY_UNAVAILABLE)).isFalse();
        assertThat(OpeningPolicy.biddersFault("FAILED_IO_ERROR")).isFalse();
    }
}
