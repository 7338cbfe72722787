package org.sunbid.expert.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.expert.DrawId;
import org.sunbid.expert.ExpertAnswers;
import org.sunbid.expert.SeatId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;

/**
 * Closes answer windows: the job of a draw (every member it invited) or of a promoted reserve's seat; an unanswered
 * invitation expires and the seat goes to the next reserve.
 */
@Component
class AnswerDueJobs implements ScheduledTask {

    private final ExpertAnswers answers;

    private final DrawStore draws;

    AnswerDueJobs(ExpertAnswers answers, DrawStore draws) {
        this.answers = answers;
        this.draws = draws;
    }

    @Override
    public String kind() {
        return Seating.ANSWER_DUE;
    }

    @Override
    public void run(Firing firing) {
        UUID subject = UUID.fromString(firing.subject());
        if (draws.seat(subject).isPresent()) {
            answers.expire(new SeatId(subject)); // a promoted reserve's own window
        } else {
            answers.expireUnder(new DrawId(subject));
        }
    }
}
