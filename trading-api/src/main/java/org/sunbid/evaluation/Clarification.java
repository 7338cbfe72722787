package org.sunbid.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * A committee's clarification request to one bidder (澄清、说明, 招标投标法 art. 39; 实施条例 art. 52): asked through the
 * platform only, answered by the bidder with a signed answer before the deadline, once. The answer explains the bid;
 * it cannot change its price or substance, so it carries text only and never replaces what was opened.
 */
public final class Clarification {

    public static final int MAX_QUESTION = 2000;
    public static final int MAX_ANSWER = 4000;
    public static final Duration SHORTEST = Duration.ofMinutes(30);
    public static final Duration LONGEST = Duration.ofDays(3);

    /** Where a request stands; LAPSED when its deadline passed without an answer. */
    public enum State {
        ASKED, ANSWERED, LAPSED
    }

    /** The bidder's answer: the signed content (sunbid-clarification-answer/1), its text and signature. */
    public record Answer(String content, String text, byte[] signature, String sha256, Instant at) {
    }

    private final ClarificationId id;
    private final LotId lot;
    private final BidId bid;
    private final MemberId bidder;
    private final MemberId askedBy;
    private final String question;
    private final Instant askedAt;
    private final Instant answerDue;
    private Answer answer;

    public Clarification(ClarificationId id, LotId lot, BidId bid, MemberId bidder, MemberId askedBy, String question,
            Instant askedAt, Instant answerDue, Answer answer) {
        this.id = Objects.requireNonNull(id, "id");
        this.lot = Objects.requireNonNull(lot, "lot");
        this.bid = Objects.requireNonNull(bid, "bid");
        this.bidder = Objects.requireNonNull(bidder, "bidder");
        this.askedBy = Objects.requireNonNull(askedBy, "askedBy");
        this.question = question;
        this.askedAt = askedAt;
        this.answerDue = answerDue;
        this.answer = answer;
    }

    /** A member of the session asks the bidder of {@code bid}; the deadline lies between 30 minutes and 3 days. */
    public static Clarification ask(EvaluationSession session, MemberId member, BidId bid, String question,
            Duration within, Instant now) {
        if (session.active().stream().noneMatch(s -> s.member().equals(member))) {
            throw ProblemException.rule("not-a-committee-member", "member", "evaluation.refused",
                    "not an active member of this lot's committee");
        }
        if (session.reportDrawnAt().isPresent()) {
            throw ProblemException.rule("report-already-drawn", null, "evaluation.refused",
                    "the report is drawn; the committee asks no more questions");
        }
        OfferedBid offered = session.bids().stream().filter(b -> b.bid().equals(bid)).findFirst()
                .orElseThrow(() -> ProblemException.rule("unknown-bid", "bid", "evaluation.refused",
                        "not an opened bid of this lot"));
        if (question == null || question.isBlank() || question.length() > MAX_QUESTION) {
            throw ProblemException.rule("clarification-question", "question", "evaluation.refused",
                    "a question of 1 to %d characters is needed".formatted(MAX_QUESTION));
        }
        if (within == null || within.compareTo(SHORTEST) < 0 || within.compareTo(LONGEST) > 0) {
            throw ProblemException.rule("clarification-deadline", "answerWithinMinutes", "evaluation.refused",
                    "the bidder is given between 30 minutes and 3 days to answer");
        }
        return new Clarification(ClarificationId.of(UUID.randomUUID()), session.lot(), bid, offered.bidder(), member, question.strip(),
                now, now.plus(within), null);
    }

    /** The addressed bidder answers once, before the deadline; the caller has checked the signature and the content. */
    public void answer(MemberId by, Answer given) {
        if (!by.equals(bidder)) {
            throw ProblemException.notFound("clarification", id.value());
        }
        if (answer != null) {
            throw ProblemException.rule("clarification-already-answered", "clarificationId", "evaluation.refused",
                    "the clarification is answered");
        }
        if (given.at().isAfter(answerDue)) {
            throw ProblemException.rule("clarification-deadline-passed", "clarificationId", "evaluation.refused",
                    "the answer was due by " + answerDue);
        }
        if (given.text() == null || given.text().isBlank() || given.text().length() > MAX_ANSWER) {
            throw ProblemException.rule("clarification-answer", "content.text", "evaluation.refused",
                    "an answer of 1 to %d characters is needed".formatted(MAX_ANSWER));
        }
        answer = given;
    }

    public State state(Instant now) {
        if (answer != null) {
            return State.ANSWERED;
        }
        return now.isAfter(answerDue) ? State.LAPSED : State.ASKED;
    }

    public ClarificationId id() {
        return id;
    }

    public LotId lot() {
        return lot;
    }

    public BidId bid() {
        return bid;
    }

    public MemberId bidder() {
        return bidder;
    }

    public MemberId askedBy() {
        return askedBy;
    }

    public String question() {
        return question;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public Instant answerDue() {
        return answerDue;
    }

    public Optional<Answer> answer() {
        return Optional.ofNullable(answer);
    }
}
