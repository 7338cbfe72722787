package org.sunbid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sunbid.evaluation.EvaluationFixtures.T0;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.sunbid.evaluation.internal.AnswerContent;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** Clarification rules: who asks and when, the deadline, one answer by the bidder asked, text only. */
class ClarificationTests {

    static void refused(ThrowingCallable act, String rule) {
        assertThatThrownBy(act).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(rule));
    }

    final List<OfferedBid> bids = List.of(EvaluationFixtures.bid("甲公司", "1000000.00", 1),
            EvaluationFixtures.bid("乙公司", "1100000.00", 2));
    final EvaluationSession session = EvaluationFixtures.open(EvaluationFixtures.lowestPricePlan(), bids,
            EvaluationFixtures.committee(5));
    final MemberId member = session.active().get(0).member();

    Clarification asked() {
        return Clarification.ask(session, member, bids.get(0).bid(), "请说明报价构成", Duration.ofHours(2), T0);
    }

    Clarification.Answer answer(String text, java.time.Instant at) {
        return new Clarification.Answer("{}", text, new byte[] { 1 }, "00", at);
    }

    @Test
    void aMemberAsksTheBidderOfAnOpenedBidWithADeadlineBetweenHalfAnHourAndThreeDays() {
        Clarification c = asked();
        assertThat(c.bidder()).isEqualTo(bids.get(0).bidder());
        assertThat(c.answerDue()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(c.state(T0)).isEqualTo(Clarification.State.ASKED);
        assertThat(c.state(T0.plus(Duration.ofHours(3)))).isEqualTo(Clarification.State.LAPSED);

        refused(() -> Clarification.ask(session, MemberId.of(UUID.randomUUID()), bids.get(0).bid(), "?",
                Duration.ofHours(1), T0), "not-a-committee-member");
        refused(() -> Clarification.ask(session, member, org.sunbid.platform.id.BidId.of(UUID.randomUUID()), "?",
                Duration.ofHours(1), T0), "unknown-bid");
        refused(() -> Clarification.ask(session, member, bids.get(0).bid(), " ", Duration.ofHours(1), T0),
                "clarification-question");
        refused(() -> Clarification.ask(session, member, bids.get(0).bid(), "?", Duration.ofMinutes(29), T0),
                "clarification-deadline");
        refused(() -> Clarification.ask(session, member, bids.get(0).bid(), "?", Duration.ofDays(3).plusMinutes(1),
                T0), "clarification-deadline");
    }

    @Test
    void onlyTheBidderAskedAnswersOnceBeforeTheDeadline() {
        Clarification c = asked();
        assertThatThrownBy(() -> c.answer(bids.get(1).bidder(), answer("说明", T0)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status().value()).isEqualTo(404));
        refused(() -> c.answer(c.bidder(), answer("说明", T0.plus(Duration.ofHours(2)).plusSeconds(1))),
                "clarification-deadline-passed");
        refused(() -> c.answer(c.bidder(), answer(" ", T0)), "clarification-answer");
        c.answer(c.bidder(), answer("报价含税", T0.plusSeconds(60)));
        assertThat(c.state(T0.plus(Duration.ofDays(1)))).isEqualTo(Clarification.State.ANSWERED);
        refused(() -> c.answer(c.bidder(), answer("再说明", T0.plusSeconds(90))), "clarification-already-answered");
    }

    @Test
    void noQuestionsOnceTheReportIsDrawn() {
        EvaluationFixtures.seatAll(session);
        EvaluationFixtures.reviewAll(session, List.of(bids.get(0).bid(), bids.get(1).bid()));
        session.drawReport(T0);
        refused(this::asked, "report-already-drawn");
    }

    @Test
    void theSignedAnswerCarriesTextOnlyAndNamesTheRequestItAnswers() {
        UUID id = UUID.randomUUID();
        UUID lot = session.lot().value();
        UUID bid = bids.get(0).bid().value();
        String good = AnswerContent.of(id, lot, bid, "单价含税 \"含运费\"");
        assertThat(AnswerContent.text(good.getBytes(StandardCharsets.UTF_8), id, lot, bid))
                .isEqualTo("单价含税 \"含运费\"");
        String withPrice = good.substring(0, good.length() - 1) + ",\"price\":\"900000.00\"}";
        assertThatThrownBy(() -> AnswerContent.text(withPrice.getBytes(StandardCharsets.UTF_8), id, lot, bid))
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo("clarification-cannot-change-offer"))
                .satisfies(e -> assertThat(((ProblemException) e).field()).isEqualTo("content.price"));
        refused(() -> AnswerContent.text(good.getBytes(StandardCharsets.UTF_8), UUID.randomUUID(), lot, bid),
                "clarification-answer-mismatch");
        refused(() -> AnswerContent.text("not json".getBytes(StandardCharsets.UTF_8), id, lot, bid),
                "clarification-answer-malformed");
    }
}
