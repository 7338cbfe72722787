package org.sunbid.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sunbid.notice.NoticeKind;

/** Where a project stands for a result card: outcome notices first, then the clock against deadline and opening. */
class TenderStageTests {

    static final Instant DEADLINE = Instant.parse("2026-04-01T01:30:00Z");
    static final Instant OPENING = Instant.parse("2026-04-01T02:00:00Z");

    static Optional<TenderStage> at(String now, NoticeKind outcome) {
        return TenderStage.of(Optional.ofNullable(outcome), DEADLINE, OPENING, Instant.parse(now));
    }

    @Test
    void followsTheClockWithoutAnOutcome() {
        assertThat(at("2026-03-31T00:00:00Z", null)).contains(TenderStage.ACCEPTING_BIDS);
        assertThat(at("2026-04-01T01:30:00Z", null)).contains(TenderStage.CLOSED);
        assertThat(at("2026-04-01T02:00:00Z", null)).contains(TenderStage.OPENED);
    }

    @Test
    void anOutcomeNoticeDecidesWhateverTheClockSays() {
        assertThat(at("2026-05-01T00:00:00Z", NoticeKind.AWARD)).contains(TenderStage.AWARDED);
        assertThat(at("2026-05-01T00:00:00Z", NoticeKind.CONTRACT)).contains(TenderStage.AWARDED);
        assertThat(at("2026-05-01T00:00:00Z", NoticeKind.FAILED_TENDER)).contains(TenderStage.ENDED);
        assertThat(at("2026-03-01T00:00:00Z", NoticeKind.TERMINATION)).contains(TenderStage.ENDED);
        assertThat(at("2026-04-02T00:00:00Z", NoticeKind.CANDIDATE_PUBLICITY)).contains(TenderStage.OPENED);
        assertThat(at("2026-03-01T00:00:00Z", NoticeKind.CLARIFICATION)).contains(TenderStage.ACCEPTING_BIDS);
    }

    @Test
    void aNoticeWithoutDeadlineAndOutcomeHasNoStage() {
        assertThat(TenderStage.of(Optional.empty(), null, null, DEADLINE)).isEmpty();
    }
}
