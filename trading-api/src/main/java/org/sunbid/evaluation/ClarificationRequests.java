package org.sunbid.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.evaluation.internal.AnswerContent;
import org.sunbid.evaluation.internal.ClarificationStore;
import org.sunbid.evaluation.internal.EvaluationStore;
import org.sunbid.evaluation.internal.SheetContent;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Clarification requests during the evaluation (澄清): a committee member asks the bidder of one opened bid through the
 * platform with a deadline; the bidder answers once, signed (detached CMS over {@code sunbid-clarification-answer/1}
 * by a certificate bound to it). Questions and answers are seen by the committee and the addressed bidder only; the
 * supervision log records each act with the hashes of the texts.
 */
@Service
@Transactional
public class ClarificationRequests {

    private final EvaluationStore sessions;
    private final ClarificationStore store;
    private final MemberSignatures signatures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClarificationRequests(EvaluationStore sessions, ClarificationStore store, MemberSignatures signatures,
            ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.signatures = signatures;
        this.events = events;
        this.clock = clock;
    }

    /** A request as the committee or its bidder sees it, with names, not ids. */
    public record ClarificationView(UUID id, UUID bid, String bidder, String askedBy, String question,
            Instant askedAt, Instant answerDue, Clarification.State state, String answer, Instant answeredAt,
            String answerSha256) {
    }

    public ClarificationView ask(CurrentUser member, LotId lot, BidId bid, String question, int answerWithinMinutes) {
        UUID lotId = lot.value();
        UUID bidId = bid.value();
        EvaluationSession session = sessions.lock(lot).orElseThrow(() -> ProblemException.notFound("evaluation", lotId));
        MemberId me = seated(member, session, lotId);
        Instant now = clock.instant();
        Clarification c = Clarification.ask(session, me, bid, question,
                Duration.ofMinutes(answerWithinMinutes), now);
        store.insert(c);
        events.publishEvent(new EvaluationEvents.ClarificationRequested(lotId, c.id().value(), bidId, me.value(),
                SheetContent.sha256(c.question().getBytes(StandardCharsets.UTF_8)), c.answerDue(), now));
        return view(session, c, now);
    }

    public ClarificationView answer(CurrentUser bidder, LotId lot, ClarificationId answered, String content,
            byte[] signature) {
        UUID lotId = lot.value();
        UUID clarificationId = answered.value();
        MemberId me = MemberId.of(bidder.requireMember());
        Clarification c = store.lock(lot, clarificationId).filter(x -> x.bidder().equals(me))
                .orElseThrow(() -> ProblemException.notFound("clarification", clarificationId));
        byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        String text = AnswerContent.text(bytes, clarificationId, lotId, c.bid().value());
        if (signatures.signer(me, bytes, signature).isEmpty()) {
            throw ProblemException.rule("signature-not-by-member", "signature", "evaluation.clarification.signature");
        }
        Instant now = clock.instant();
        String sha = SheetContent.sha256(bytes);
        c.answer(me, new Clarification.Answer(content, text.strip(), signature, sha, now));
        if (!store.answer(c)) {
            throw ProblemException.rule("clarification-already-answered", "clarificationId", "evaluation.refused",
                    "the clarification is answered");
        }
        events.publishEvent(new EvaluationEvents.ClarificationAnswered(lotId, clarificationId, me.value(), sha, now));
        return view(sessions.find(lot).orElseThrow(), c, now);
    }

    /** The committee sees every request of the lot; a bidder of the lot only those addressed to it; nobody else any. */
    @Transactional(readOnly = true)
    public List<ClarificationView> list(CurrentUser user, LotId lot) {
        UUID lotId = lot.value();
        EvaluationSession session = sessions.find(lot).orElseThrow(() -> ProblemException.notFound("evaluation", lotId));
        MemberId me = user.memberId().map(MemberId::of).orElse(null);
        Instant now = clock.instant();
        boolean committee = me != null && session.seats().stream().anyMatch(s -> s.member().equals(me));
        if (committee) {
            return store.ofLot(lot).stream().map(c -> view(session, c, now)).toList();
        }
        if (me != null && session.bids().stream().anyMatch(b -> b.bidder().equals(me))) {
            return store.ofLot(lot).stream().filter(c -> c.bidder().equals(me)).map(c -> view(session, c, now))
                    .toList();
        }
        if (me == null) {
            throw ProblemException.forbidden("evaluation.clarification.committee-only");
        }
        throw ProblemException.notFound("evaluation", lotId);
    }

    /** The signed answers of a lot, for the archive. */
    @Transactional(readOnly = true)
    public List<Clarification> ofLot(LotId lot) {
        return store.ofLot(lot);
    }

    private static MemberId seated(CurrentUser user, EvaluationSession session, UUID lotId) {
        MemberId me = user.memberId().map(MemberId::of).orElse(null);
        if (me == null || session.seats().stream().noneMatch(s -> s.member().equals(me))) {
            throw ProblemException.notFound("evaluation", lotId);
        }
        return me;
    }

    private static ClarificationView view(EvaluationSession session, Clarification c, Instant now) {
        Map<MemberId, String> names = session.seats().stream()
                .collect(Collectors.toMap(EvaluationSession.Seat::member, EvaluationSession.Seat::name, (a, b) -> a));
        String bidder = session.bids().stream().filter(b -> b.bid().equals(c.bid())).map(OfferedBid::bidderName)
                .findFirst().orElse(null);
        return new ClarificationView(c.id().value(), c.bid().value(), bidder, names.get(c.askedBy()), c.question(),
                c.askedAt(), c.answerDue(), c.state(now), c.answer().map(Clarification.Answer::text).orElse(null),
                c.answer().map(Clarification.Answer::at).orElse(null),
                c.answer().map(Clarification.Answer::sha256).orElse(null));
    }
}
