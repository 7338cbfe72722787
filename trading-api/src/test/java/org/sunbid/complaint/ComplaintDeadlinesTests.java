package org.sunbid.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** Complaint periods over weekends (a plain Monday–Friday week), and the complaint's rules. */
class ComplaintDeadlinesTests {

    static final ComplaintDeadlines WEEK = new ComplaintDeadlines(
            d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void filingPeriodEndingOnASundayRunsToMonday() {
        assertThat(WEEK.filingDeadline(day("2026-11-26"))).isEqualTo(day("2026-12-07"));
        assertThat(WEEK.inTime(day("2026-11-26"), day("2026-12-07"))).isTrue();
        assertThat(WEEK.inTime(day("2026-11-26"), day("2026-12-08"))).isFalse();
        assertThat(WEEK.inTime(day("2026-11-26"), day("2026-11-25"))).as("before the event").isFalse();
    }

    @Test
    void acceptanceOfAComplaintReceivedOnFridaySkipsTheWeekend() {
        assertThat(WEEK.acceptanceDue(day("2026-12-04"))).isEqualTo(day("2026-12-09"));
    }

    @Test
    void pausedWorkingDaysDoNotCountTowardsTheDecision() {
        LocalDate accepted = day("2026-11-02");
        LocalDate plain = WEEK.decisionDue(accepted, List.of(), accepted);
        assertThat(plain).isEqualTo(day("2026-12-14"));
        var expertReview = new ComplaintDeadlines.Pause(day("2026-11-09"), day("2026-11-15"), "专家评审");
        assertThat(WEEK.decisionDue(accepted, List.of(expertReview), accepted)).as("5 working days paused")
                .isEqualTo(day("2026-12-21"));
        var stillOpen = new ComplaintDeadlines.Pause(day("2026-11-09"), null, "检测");
        assertThat(WEEK.decisionDue(accepted, List.of(stillOpen), day("2026-11-10"))).isEqualTo(day("2026-12-16"));
    }

    static Complaint.Filing filing(LocalDate knownOn, LocalDate filedOn) {
        return new Complaint.Filing(ProjectId.of(UUID.randomUUID()), UUID.randomUUID(), MemberId.of(UUID.randomUUID()),
                "资格条件排斥外地投标人", "00", knownOn, filedOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), filedOn);
    }

    @Test
    void overdueOnlyAfterTheDueDay() {
        Complaint c = Complaint.file(filing(day("2026-12-01"), day("2026-12-04")), true, WEEK);
        assertThat(c.due(WEEK, day("2026-12-04"))).isEqualTo(day("2026-12-09"));
        assertThat(c.overdue(WEEK, day("2026-12-09"))).isFalse();
        assertThat(c.overdue(WEEK, day("2026-12-10"))).isTrue();
        c.accept(day("2026-12-07"), true);
        assertThat(c.procedureSuspended()).isTrue();
        assertThat(c.overdue(WEEK, day("2026-12-10"))).isFalse();
    }

    @Test
    void complaintNeedsAnAnsweredObjectionAndATimelyFiling() {
        assertThatThrownBy(() -> Complaint.file(filing(day("2026-11-26"), day("2026-11-27")), false, WEEK))
                .hasMessageContaining("objection");
        assertThatThrownBy(() -> Complaint.file(filing(day("2026-11-26"), day("2026-12-08")), true, WEEK))
                .hasMessageContaining("2026-12-07");
    }

    @Test
    void decisionWaitsForTheExpertOpinionAndLiftsTheSuspension() {
        Complaint c = Complaint.file(filing(day("2026-12-01"), day("2026-12-02")), true, WEEK);
        c.accept(day("2026-12-03"), true);
        c.pause(new ComplaintDeadlines.Pause(day("2026-12-07"), null, "专家评审"));
        assertThatThrownBy(() -> c.decide(day("2026-12-08"), Complaint.Verdict.DISMISSED, "投诉不成立", null)).hasMessageContaining("expert opinion");
        assertThatThrownBy(() -> c.pause(new ComplaintDeadlines.Pause(day("2026-12-08"), null, "检测")))
                .hasMessageContaining("already waits");
        c.resume(day("2026-12-09"));
        c.decide(day("2026-12-10"), Complaint.Verdict.DISMISSED, "投诉不成立，驳回", null);
        assertThat(c.state()).isEqualTo(Complaint.State.DECIDED);
        assertThat(c.procedureSuspended()).isFalse();
        assertThat(c.due(WEEK, day("2026-12-10"))).isNull();
        assertThatThrownBy(() -> c.accept(day("2026-12-10"), false)).isInstanceOf(org.sunbid.platform.RuleViolation.class);
    }
}
