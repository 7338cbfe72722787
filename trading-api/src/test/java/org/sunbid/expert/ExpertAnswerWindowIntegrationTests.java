package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.expert.internal.AnswerWindows;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.FiringRecord;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;

/**
 * A draw's answer-window job is scheduled after the draw commits, outside its transaction; the seats are the durable
 * record of the window, so a job that was never scheduled (the node stopped right after the commit) is scheduled again
 * by the recovery sweep, at the same due time, and then closes the window as usual.
 */
class ExpertAnswerWindowIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    JobScheduler scheduler;

    @Autowired
    List<ScheduledTask> tasks;

    @Autowired
    AnswerWindows answerWindows;

    @Test
    void aDrawWhoseAnswerWindowJobWasLostGetsItBackFromTheRecoverySweep() throws Exception {
        String region = ExpertFixtures.freshRegion();
        ExpertFixtures.admitted(members(), library, region, "B0201", 12);
        OpenedLot opened = openedLot(ExpertFixtures.plan("B0201", region, 5, 1, List.of()), 3);
        ScheduledTask drawJob = tasks.stream().filter(t -> t.kind().equals("expert-draw")).findFirst().orElseThrow();
        drawJob.run(new Firing("expert-draw", opened.lot().toString(), clock().instant(), clock().instant(), 1, "test"));
        UUID draw = jdbc().sql("select id from expert_draw where lot_id = ?").param(opened.lot()).query(UUID.class).single();
        Instant due = jdbc().sql("select max(answer_due) from expert_seat where draw_id = ? and state = 'INVITED'")
                .param(draw).query(java.sql.Timestamp.class).single().toInstant();

        // scheduled once the draw committed, on the component's own thread
        answerWindows.awaitScheduled(Duration.ofMinutes(5));
        assertThat(scheduler.pending("expert-answer-due", draw.toString())).map(FiringRecord::dueAt)
                .contains(due.truncatedTo(ChronoUnit.MILLIS));

        // as if the node had stopped between the commit and the scheduling: no job, the seats still invited. (The
        // sweep also runs every minute on its own; whichever run finds the draw first schedules the same job.)
        assertThat(scheduler.cancel("expert-answer-due", draw.toString())).isTrue();
        clock().advance(Duration.ofMinutes(2)); // past the grace left to the draw's own after-commit scheduling
        answerWindows.recover();
        assertThat(scheduler.pending("expert-answer-due", draw.toString())).map(FiringRecord::dueAt)
                .contains(due.truncatedTo(ChronoUnit.MILLIS));
        answerWindows.recover(); // a pending job is left alone
        assertThat(scheduler.pending("expert-answer-due", draw.toString())).map(FiringRecord::dueAt)
                .contains(due.truncatedTo(ChronoUnit.MILLIS));

        // the recovered job closes the window: every unanswered invitation of the draw expires
        clock().advance(Duration.ofMinutes(30));
        ScheduledTask answerDue = tasks.stream().filter(t -> t.kind().equals("expert-answer-due")).findFirst().orElseThrow();
        answerDue.run(new Firing("expert-answer-due", draw.toString(), due, clock().instant(), 1, "test"));
        assertThat(jdbc().sql("select count(*) from expert_seat where draw_id = ? and state = 'INVITED' and invited_at = "
                + "(select drawn_at from expert_draw where id = ?)").params(draw, draw).query(Integer.class).single())
                .isZero();
    }
}
