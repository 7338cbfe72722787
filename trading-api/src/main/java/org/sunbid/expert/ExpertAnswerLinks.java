package org.sunbid.expert;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.AnswerLinks;
import org.sunbid.expert.internal.DrawStore;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.platform.ProblemException;

/**
 * Answering an invitation through a signed link of the invitation mail, without logging in. Opening a link only shows
 * it ({@link #view}); the answer is given by a confirmation ({@link #answer}), so a mail scanner that fetches links
 * answers nothing. The link stands for the expert: the answer then follows exactly the portal's rules in
 * {@link ExpertAnswers} (one answer, within the window, a decline with a reason promotes the next reserve, logged).
 * Refused: a link that is not the platform's (403 {@code answer-link-invalid}), one naming an expert other than the
 * seat's (403 {@code answer-link-not-yours}), one past its window (409 {@code answer-window-closed}), one for an
 * invitation already answered (409 {@code invitation-answered}).
 */
@Service
@Transactional
public class ExpertAnswerLinks {

    private final AnswerLinks links;
    private final DrawStore draws;
    private final LotFacts facts;
    private final ExpertAnswers answers;
    private final Clock clock;

    ExpertAnswerLinks(AnswerLinks links, DrawStore draws, LotFacts facts, ExpertAnswers answers, Clock clock) {
        this.links = links;
        this.draws = draws;
        this.facts = facts;
        this.answers = answers;
        this.clock = clock;
    }

    /**
     * What the link's page shows: the project and lot by name, the answer asked ({@code ACCEPTED} or
     * {@code DECLINED}), the seat's state and its window; nothing about any other seat or expert.
     */
    public record LinkView(String projectName, String transactionCode, String lotName, SeatState asked,
            SeatState state, Instant answerDue, boolean open, int reasonMax) {
    }

    @Transactional(readOnly = true)
    public LinkView view(String token) {
        AnswerLinks.Claim claim = links.read(token);
        DrawStore.Seat seat = seatOf(claim);
        LotFacts.Lot lot = facts.lot(seat.project(), seat.lot());
        boolean open = seat.state() == SeatState.INVITED && !clock.instant().isAfter(seat.answerDue());
        return new LinkView(lot.projectName(), lot.transactionCode(), lot.lotName(), asked(claim), seat.state(),
                seat.answerDue(), open, ExpertAnswers.MAX_REASON);
    }

    /** Gives the link's answer (a decline needs {@code reason}); returns the seat's new state. */
    public SeatState answer(String token, String reason) {
        AnswerLinks.Claim claim = links.read(token);
        seatOf(claim);
        return switch (claim.answer()) {
            case ACCEPT -> answers.accept(claim.expert(), claim.seat(), AnswerChannel.SIGNED_LINK);
            case DECLINE -> answers.decline(claim.expert(), claim.seat(), reason, AnswerChannel.SIGNED_LINK);
        };
    }

    /** The seat a genuine link names, if it is that expert's invitation with the window the link was made for. */
    private DrawStore.Seat seatOf(AnswerLinks.Claim claim) {
        DrawStore.Seat seat = draws.seat(claim.seat().value())
                .filter(s -> s.state() != SeatState.RESERVE && s.state() != SeatState.UNUSED && s.answerDue() != null)
                .orElseThrow(() -> ProblemException.notFound("invitation", claim.seat()));
        if (!seat.expert().equals(claim.expert().value())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "answer-link-not-yours", "token", "expert.link.not-yours");
        }
        if (seat.answerDue().getEpochSecond() != claim.due().getEpochSecond()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "answer-link-invalid", "token", "expert.link.invalid");
        }
        return seat;
    }

    private static SeatState asked(AnswerLinks.Claim claim) {
        return claim.answer() == AnswerLinks.Answer.ACCEPT ? SeatState.ACCEPTED : SeatState.DECLINED;
    }
}
