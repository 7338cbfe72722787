package org.sunbid.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.document.DocumentId;
import org.sunbid.identity.AccountId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/** Every transition of the opening session, with a clock the test moves; no Spring, no database. */
class OpeningSessionTests {

    static final Duration WINDOW = Duration.ofMinutes(30);
    static final Duration OBJECTIONS = Duration.ofMinutes(30);

    /** A clock the test moves by hand. */
    static final class Clock {
        private Instant now = Instant.parse("2026-12-03T02:00:00Z");

        Instant now() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    final Clock clock = new Clock();
    final LotId lot = LotId.of(UUID.randomUUID());
    final ProjectId project = ProjectId.of(UUID.randomUUID());

    OpeningSession started(int bids) {
        return OpeningSession.start(lot, project, clock.now(), bids, clock.now());
    }

    static OpeningRefused refusal(Runnable transition) {
        try {
            transition.run();
        } catch (OpeningRefused refused) {
            return refused;
        }
        throw new AssertionError("the transition was not refused");
    }

    @Test
    void aSessionDoesNotStartBeforeTheOpeningTime() {
        Instant opening = clock.now().plusSeconds(60);
        OpeningRefused early = refusal(() -> OpeningSession.start(lot, project, opening, 5, clock.now()));
        assertThat(early.type()).isEqualTo("opening-not-due");
        assertThat(early.args()).containsExactly(opening);
        clock.advance(Duration.ofSeconds(60));
        OpeningSession session = OpeningSession.start(lot, project, opening, 5, clock.now());
        assertThat(session.state()).isEqualTo(new OpeningSession.WaitingForShares());
        assertThat(session.startedAt()).isEqualTo(clock.now());
        assertThat(session.inSession()).isTrue();
    }

    @Test
    void fewerThanThreeBidsFailTheLotAtOnceAndNothingMoreHappens() {
        OpeningSession session = started(2);
        assertThat(session.state()).isEqualTo(new OpeningSession.Failed(OpeningSession.FailureCause.TOO_FEW_BIDS,
                clock.now()));
        assertThat(session.state().code()).isEqualTo("FAILED_TOO_FEW_BIDS");
        assertThat(session.ended()).isTrue();
        assertThat(refusal(session::requireWaitingForShares).type()).isEqualTo("opening-finished");
        assertThat(refusal(session::beginDecryption).conflict()).isTrue();
        assertThat(started(3).state()).isInstanceOf(OpeningSession.WaitingForShares.class);
    }

    @Test
    void sharesAreRefusedBeforeTheSessionStartsAndAfterTheKeyIsRebuilt() {
        OpeningSession waiting = OpeningSession.notStarted(lot, project);
        assertThat(waiting.started()).isFalse();
        assertThat(refusal(waiting::requireWaitingForShares).type()).isEqualTo("opening-not-started");

        OpeningSession session = started(3);
        session.requireWaitingForShares();
        session.beginDecryption();
        assertThat(session.state().code()).isEqualTo("OPENING");
        OpeningRefused late = refusal(session::requireWaitingForShares);
        assertThat(late.type()).isEqualTo("opening-finished");
        assertThat(late.args()).containsExactly("OPENING");
    }

    OpeningSession.ShareRelease release(int index, UUID key) {
        return new OpeningSession.ShareRelease(index, new AccountId(UUID.randomUUID()), key, new byte[] {1}, new byte[] {2},
                clock.now());
    }

    @Test
    void theKthShareSealedToTheCurrentKeyBeginsDecryptionAndEachReleaseIsKeptForItsRepository() {
        OpeningSession session = started(3);
        UUID key = UUID.randomUUID();
        assertThat(session.release(release(1, key), SessionKeyId.of(key), Set.of(), 2)).isFalse();
        assertThat(session.state()).isInstanceOf(OpeningSession.WaitingForShares.class);
        // the same index released again does not count twice
        assertThat(session.release(release(1, key), SessionKeyId.of(key), Set.of(1), 2)).isFalse();
        assertThat(session.release(release(2, key), SessionKeyId.of(key), Set.of(1), 2)).isTrue();
        assertThat(session.state()).isInstanceOf(OpeningSession.Decrypting.class);
        assertThat(session.newReleases()).extracting(OpeningSession.ShareRelease::index).containsExactly(1, 1, 2);
        assertThat(refusal(() -> session.release(release(3, key), SessionKeyId.of(key), Set.of(1, 2), 2)).conflict()).isTrue();
    }

    @Test
    void aShareSealedToARetiredKeyOrWithNoLiveKeyIsRefusedAndNothingIsKept() {
        OpeningSession session = started(3);
        UUID current = UUID.randomUUID();
        for (SessionKeyId live : new SessionKeyId[] {SessionKeyId.of(current), null}) {
            OpeningRefused retired = refusal(() -> session.release(release(1, UUID.randomUUID()), live, Set.of(), 1));
            assertThat(retired.type()).isEqualTo("session-key-retired");
            assertThat(retired.conflict()).isTrue();
        }
        assertThat(session.newReleases()).isEmpty();
        assertThat(session.state()).isInstanceOf(OpeningSession.WaitingForShares.class);
        OpeningSession notStarted = OpeningSession.notStarted(lot, project);
        assertThat(refusal(() -> notStarted.release(release(1, current), SessionKeyId.of(current), Set.of(), 1)).conflict()).isFalse();
    }

    @Test
    void withEveryBidDecidedTheSessionOpensWithItsRecordAndObjectionPeriod() {
        OpeningSession session = started(3);
        session.beginDecryption();
        assertThat(session.decrypted(0, clock.now(), WINDOW)).isTrue();
        assertThat(session.revealsOtherBids()).isFalse();
        DocumentId record = DocumentId.of(UUID.randomUUID());
        session.open(clock.now(), record, OBJECTIONS);
        assertThat(session.state()).isEqualTo(new OpeningSession.Opened(clock.now(), record.value(), clock.now().plus(OBJECTIONS),
                null));
        assertThat(session.revealsOtherBids()).isTrue();
        assertThat(session.ended()).isTrue();
        assertThatThrownBy(() -> session.open(clock.now(), record, OBJECTIONS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bidsAwaitingTheirBiddersOpenOneWindowInWhichOnlyTheyMaySelfDecrypt() {
        OpeningSession session = started(4);
        assertThat(refusal(() -> session.requireSelfDecryptOpen(clock.now())).type()).isEqualTo("self-decrypt-not-open");
        session.beginDecryption();
        assertThat(session.decrypted(2, clock.now(), WINDOW)).isFalse();
        Instant until = clock.now().plus(WINDOW);
        assertThat(session.state()).isEqualTo(new OpeningSession.SelfDecryptWindow(until));
        assertThat(session.revealsOtherBids()).isFalse();
        assertThat(session.inSession()).isTrue();

        clock.advance(WINDOW.minusSeconds(1));
        session.requireSelfDecryptOpen(clock.now());
        OpeningRefused early = refusal(() -> session.windowDue(clock.now()));
        assertThat(early.type()).isEqualTo("self-decrypt-window-open");
        assertThat(early.args()).containsExactly(until);

        clock.advance(Duration.ofSeconds(1));
        OpeningRefused closed = refusal(() -> session.requireSelfDecryptOpen(clock.now()));
        assertThat(closed.type()).isEqualTo("self-decrypt-window-closed");
        assertThat(closed.field()).isEqualTo("package");
        assertThat(session.windowDue(clock.now())).isTrue();
        session.open(clock.now(), DocumentId.of(UUID.randomUUID()), OBJECTIONS);
        assertThat(((OpeningSession.Opened) session.state()).selfDecryptUntil()).isEqualTo(until);
        assertThat(session.windowDue(clock.now())).as("a second close changes nothing").isFalse();
        assertThat(refusal(() -> session.requireSelfDecryptOpen(clock.now())).type()).isEqualTo("self-decrypt-not-open");
    }

    @Test
    void confirmationsAndObjectionsWaitForTheRecordAndStopWhenThePeriodEnds() {
        OpeningSession session = started(3);
        assertThat(refusal(() -> session.requireObjectionPeriod(clock.now())).type()).isEqualTo("opening-record-not-ready");
        session.beginDecryption();
        session.decrypted(0, clock.now(), WINDOW);
        assertThat(refusal(() -> session.requireObjectionPeriod(clock.now())).type()).isEqualTo("opening-record-not-ready");
        session.open(clock.now(), DocumentId.of(UUID.randomUUID()), OBJECTIONS);
        session.requireObjectionPeriod(clock.now());
        assertThat(session.inObjectionPeriod(clock.now())).isTrue();
        clock.advance(OBJECTIONS);
        OpeningRefused over = refusal(() -> session.requireObjectionPeriod(clock.now()));
        assertThat(over.type()).isEqualTo("objection-period-over");
        assertThat(session.inObjectionPeriod(clock.now())).isFalse();
    }

    @Test
    void decryptionCannotBeDeclaredOverOutsideDecrypting() {
        OpeningSession session = started(3);
        assertThatThrownBy(() -> session.decrypted(0, clock.now(), WINDOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.open(clock.now(), DocumentId.of(UUID.randomUUID()), OBJECTIONS))
                .isInstanceOf(IllegalStateException.class);
    }
}
