package org.sunbid.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.opening.BidDecryption.BidForm;
import org.sunbid.opening.BidDecryption.Checks;
import org.sunbid.opening.BidDecryption.Decrypted;
import org.sunbid.opening.BidDecryption.HashCheck;
import org.sunbid.opening.BidDecryption.Signature;
import org.sunbid.opening.BidDecryption.Stage;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.seal.OpenResult;

/** Who is held to what at the opening: the bidder's sealing failures revoke at once, the platform's await the bidder. */
class BidDecryptionTests {

    final OpeningSessionTests.Clock clock = new OpeningSessionTests.Clock();
    static final BidForm FORM = new BidForm(new BigDecimal("1000.00"), "90天", "{\"price\":1000}");

    BidDecryption decrypting() {
        BidDecryption bid = BidDecryption.queued(BidId.of(UUID.randomUUID()), LotId.of(UUID.randomUUID()),
                MemberId.of(UUID.randomUUID()), clock.now());
        assertThat(bid.stage()).isEqualTo(Stage.QUEUED);
        clock.advance(Duration.ofMillis(5));
        bid.decrypting(clock.now());
        return bid;
    }

    static Checks decrypted(Signature signature, HashCheck hash) {
        return new Checks(new Decrypted(), signature, hash, signature == Signature.VALID ? FORM : BidForm.NONE);
    }

    @Test
    void aDecryptedBidSignedByItsBidderIsOpenedAndOneSignedByAnyoneElseIsRevokedNamingTheSignature() {
        BidDecryption bid = decrypting();
        bid.verifying(clock.now());
        assertThat(bid.stage()).isEqualTo(Stage.VERIFYING);
        assertThat(bid.checked(decrypted(Signature.VALID, HashCheck.MATCHES), clock.now())).isEqualTo(Stage.OPENED);
        assertThat(bid.reason()).isNull();
        assertThat(bid.valid()).isTrue();
        assertThat(bid.endedByOpening()).isFalse();

        for (Signature forged : new Signature[] { Signature.NOT_BY_REGISTERED_CERTIFICATE,
                Signature.CERTIFICATE_NOT_VALID_AT_RECEIPT, Signature.CERTIFICATE_EXPIRED_AT_SIGNING, Signature.MALFORMED }) {
            BidDecryption other = decrypting();
            other.verifying(clock.now());
            assertThat(other.checked(decrypted(forged, HashCheck.MATCHES), clock.now())).as(forged.name())
                    .isEqualTo(Stage.REVOKED);
            assertThat(other.reason()).isEqualTo("SIGNATURE_" + forged.name());
            assertThat(other.endedByOpening()).isTrue();
            assertThat(other.valid()).isFalse();
        }
    }

    @Test
    void aBidOpenedAndSignedButChangedAfterItsReceiptIsOpenedWithTheChangeNotedAndNotCountedValid() {
        BidDecryption bid = decrypting();
        bid.verifying(clock.now());
        assertThat(bid.checked(decrypted(Signature.VALID, HashCheck.TAMPERED_AFTER_RECEIPT), clock.now()))
                .isEqualTo(Stage.OPENED);
        assertThat(bid.reason()).isEqualTo("TAMPERED_AFTER_RECEIPT");
        assertThat(bid.valid()).isFalse();
    }

    @Test
    void everyFailureInHowTheBidWasSealedRevokesAtOnceWithoutAWindow() {
        for (DecryptionFailure failure : new DecryptionFailure[] { DecryptionFailure.NOT_A_RECIPIENT,
                DecryptionFailure.WRONG_KEY, DecryptionFailure.TAMPERED, DecryptionFailure.MALFORMED,
                DecryptionFailure.UNSUPPORTED_ALGORITHM }) {
            assertThat(failure.biddersFault()).isTrue();
            BidDecryption bid = decrypting();
            assertThat(bid.checked(Checks.failed(failure, HashCheck.MATCHES), clock.now())).as(failure.name())
                    .isEqualTo(Stage.REVOKED);
            assertThat(bid.reason()).isEqualTo("FAILED_" + failure.name());
        }
    }

    @Test
    void onlyFailuresThePlatformCausedAwaitTheBidderAndAFileChangedOnThePlatformsSideIsWithdrawn() {
        for (DecryptionFailure failure : new DecryptionFailure[] { DecryptionFailure.IO_ERROR,
                DecryptionFailure.OPENING_KEY_UNAVAILABLE }) {
            assertThat(failure.biddersFault()).isFalse();
            BidDecryption bid = decrypting();
            assertThat(bid.checked(Checks.failed(failure, HashCheck.MATCHES), clock.now())).isEqualTo(Stage.AWAITING_BIDDER);
            assertThat(bid.reason()).isEqualTo(failure.code());
            assertThat(bid.stage().ended()).isFalse();
        }
        BidDecryption changed = decrypting();
        assertThat(changed.checked(Checks.failed(DecryptionFailure.TAMPERED, HashCheck.TAMPERED_AFTER_RECEIPT),
                clock.now())).isEqualTo(Stage.WITHDRAWN);
        assertThat(changed.reason()).isEqualTo("TAMPERED_AFTER_RECEIPT");
    }

    @Test
    void aBidAwaitingItsBidderIsSelfDecryptedOrRevokedWhenTheInnerSignatureIsNotTheBidders() {
        BidDecryption bid = decrypting();
        bid.checked(Checks.failed(DecryptionFailure.OPENING_KEY_UNAVAILABLE, HashCheck.MATCHES), clock.now());
        clock.advance(Duration.ofMinutes(3));
        assertThat(bid.selfDecrypted(Signature.VALID, FORM, clock.now())).isEqualTo(Stage.SELF_DECRYPTED);
        assertThat(bid.updatedAt()).isEqualTo(clock.now());
        assertThat(bid.checks().orElseThrow()).isEqualTo(new Checks(new BidDecryption.SelfDecrypted(), Signature.VALID,
                HashCheck.MATCHES, FORM));
        assertThat(bid.valid()).isTrue();
        OpeningRefused again = OpeningSessionTests.refusal(() -> bid.selfDecrypted(Signature.VALID, FORM, clock.now()));
        assertThat(again.type()).isEqualTo("self-decrypt-not-needed");

        BidDecryption forged = decrypting();
        forged.checked(Checks.failed(DecryptionFailure.IO_ERROR, HashCheck.MATCHES), clock.now());
        assertThat(forged.selfDecrypted(Signature.NOT_BY_REGISTERED_CERTIFICATE, FORM, clock.now()))
                .isEqualTo(Stage.REVOKED);
        assertThat(forged.reason()).isEqualTo("SIGNATURE_NOT_BY_REGISTERED_CERTIFICATE");
        assertThat(forged.checks().orElseThrow().form()).as("no price from a package its bidder did not sign")
                .isEqualTo(BidForm.NONE);
    }

    @Test
    void whenTheWindowClosesABidStillAwaitingIsWithdrawnForThePlatformsFaultAndRevokedForTheBidders() {
        BidDecryption platforms = decrypting();
        platforms.checked(Checks.failed(DecryptionFailure.IO_ERROR, HashCheck.MATCHES), clock.now());
        assertThat(platforms.windowClosed(clock.now())).isEqualTo(Stage.WITHDRAWN);
        assertThat(platforms.reason()).isEqualTo("FAILED_IO_ERROR");

        BidDecryption stored = BidDecryption.restore(platforms.bid(), platforms.lot(), platforms.bidder(),
                Stage.AWAITING_BIDDER, "FAILED_WRONG_KEY", null, clock.now());
        assertThat(stored.windowClosed(clock.now())).isEqualTo(Stage.REVOKED);
        BidDecryption noReason = BidDecryption.restore(platforms.bid(), platforms.lot(), platforms.bidder(),
                Stage.AWAITING_BIDDER, null, null, clock.now());
        assertThat(noReason.windowClosed(clock.now())).isEqualTo(Stage.WITHDRAWN);
        assertThat(noReason.reason()).isEqualTo("FAILED");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        BidDecryption bid = BidDecryption.queued(BidId.of(UUID.randomUUID()), LotId.of(UUID.randomUUID()),
                MemberId.of(UUID.randomUUID()), clock.now());
        assertThatThrownBy(() -> bid.verifying(clock.now())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bid.checked(decrypted(Signature.VALID, HashCheck.MATCHES), clock.now()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bid.windowClosed(clock.now())).isInstanceOf(IllegalStateException.class);
        bid.decrypting(clock.now());
        assertThatThrownBy(() -> bid.decrypting(clock.now())).isInstanceOf(IllegalStateException.class);
        bid.checked(decrypted(Signature.VALID, HashCheck.MATCHES), clock.now());
        assertThatThrownBy(() -> bid.windowClosed(clock.now())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failureCodesRoundTripAndEveryFailureOfTheSealerIsNamed() {
        for (OpenResult.Failure f : OpenResult.Failure.values()) {
            DecryptionFailure failure = DecryptionFailure.of(f);
            assertThat(DecryptionFailure.fromCode(failure.code())).contains(failure);
            assertThat(BidDecryption.Decryption.fromCode(failure.code())).isEqualTo(new BidDecryption.Failed(failure));
        }
        assertThat(DecryptionFailure.fromCode("DECRYPTED")).isEmpty();
        assertThat(DecryptionFailure.fromCode("SIGNATURE_MALFORMED")).isEmpty();
        assertThat(BidDecryption.Decryption.fromCode("SELF_DECRYPTED").code()).isEqualTo("SELF_DECRYPTED");
    }
}
