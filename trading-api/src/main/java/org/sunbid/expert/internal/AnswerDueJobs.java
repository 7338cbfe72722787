package org.sunbid.expert.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.expert.ExpertAnswers;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;

/**
 * Closes answer windows: the job of a draw (every member it invited) or of a promoted reserve's seat; an unanswered
 * invitation expires and the seat goes to the next reserve.
 */
@Component
class AnswerDueJobs implements ScheduledTask {

    private final ExpertAnswers answers;

    AnswerDueJobs(ExpertAnswers answers) {
        this.answers = answers;
    }

    @Override
    public String kind() {
        return Seating.ANSWER_DUE;
    }

    @Override
    public void run(Firing firing) {
        answers.expireUnder(UUID.fromString(firing.subject()));
    }
}
