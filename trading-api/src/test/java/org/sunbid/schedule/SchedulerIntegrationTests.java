package org.sunbid.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.scheduler.FiringRecord;
import org.sunbid.scheduler.FiringStatus;
import org.sunbid.scheduler.JobAttemptFailed;
import org.sunbid.scheduler.JobFailed;
import org.sunbid.scheduler.JobFired;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.QuartzJobScheduler;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.scheduler.SchedulerSettings;
import org.sunbid.scheduler.UnknownJobKindException;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

@PlatformTest
class SchedulerIntegrationTests {

    @Autowired
    JobScheduler jobs;
    @Autowired
    TestTasks.Recording testRecord;
    @Autowired
    TestTasks.Flaky testFlaky;
    @Autowired
    TestTasks.SchedulerEvents events;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MockMvc mvc;

    @Test
    void firesAJobOnceAtItsDueTimeAndPublishesThatItFired() {
        String subject = UUID.randomUUID().toString();
        Instant due = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        jobs.schedule("test-record", subject, due);
        assertThat(jobs.pending("test-record", subject)).get().extracting(FiringRecord::status)
                .isEqualTo(FiringStatus.PENDING);

        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !testRecord.runsOf(subject).isEmpty());
        assertThat(testRecord.runsOf(subject)).singleElement().satisfies(f -> {
            assertThat(f.dueAt()).isEqualTo(due);
            assertThat(f.firedAt()).isAfterOrEqualTo(due);
            assertThat(f.attempt()).isEqualTo(1);
        });
        await().ignoreExceptions().atMost(Duration.ofSeconds(5)).until(() -> jobs.pending("test-record", subject).isEmpty());
        FiringRecord done = history(subject).get(0);
        assertThat(done.status()).isEqualTo(FiringStatus.FIRED);
        assertThat(done.latenessMillis()).isNotNull().isGreaterThanOrEqualTo(0);
        await().ignoreExceptions().atMost(Duration.ofSeconds(5))
                .until(() -> events.of(JobFired.class).anyMatch(e -> e.subject().equals(subject)));
        // scheduling the same due time again after it fired changes nothing
        assertThat(jobs.schedule("test-record", subject, due).status()).isEqualTo(FiringStatus.FIRED);
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> testRecord.runsOf(subject).size() == 1);
    }

    @Test
    void jobsDueTogetherEachFireOnceAndTheirCompletionsLeaveNothingInTheJobStore() {
        // more jobs at one instant than the node has threads: their completions are recorded in groups
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "together-" + run + "-" + i).toList();
        Instant due = Instant.now().plusMillis(2000).truncatedTo(ChronoUnit.MILLIS);
        subjects.forEach(s -> jobs.schedule("test-record", s, due));

        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> subjects.stream().allMatch(s -> testRecord.runsOf(s).size() == 1));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String pattern = "together-" + run + "-%";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT (SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE :p)
                     + (SELECT count(*) FROM qrtz_fired_triggers WHERE job_name LIKE :p)
                     + (SELECT count(*) FROM qrtz_job_details WHERE job_name LIKE :p)
                """).param("p", pattern).query(Long.class).single() == 0);
        assertThat(subjects).allSatisfy(s -> assertThat(testRecord.runsOf(s)).hasSize(1));
        assertThat(jdbc.sql("SELECT count(*) FROM scheduler_firing WHERE subject LIKE :p AND status = 'FIRED'")
                .param("p", pattern).query(Long.class).single()).isEqualTo(30);
    }

    @Test
    void completionsRecordedInTheBackgroundFireEachJobOnceAndLeaveNothingInTheJobStore() {
        // workers hand their completions to the store's writer thread and go back to the pool at once
        String name = "background-" + UUID.randomUUID();
        TestTasks.Recording task = new TestTasks.Recording("background-record");
        SchedulerSettings settings = SchedulerSettings.defaults().withName(name).withThreads(4, 4)
                .withCompleteInBackground(true);
        List<String> subjects = java.util.stream.IntStream.range(0, 30).mapToObj(i -> name + "-" + i).toList();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try (QuartzJobScheduler scheduler = new QuartzJobScheduler(dataSource, transactions, () -> List.of(task),
                e -> { }, Clock.systemUTC(), settings)) {
            Instant due = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
            subjects.forEach(s -> scheduler.schedule("background-record", s, due));
            scheduler.start();

            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> subjects.stream().allMatch(s -> task.runsOf(s).size() == 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    SELECT (SELECT count(*) FROM qrtz_triggers WHERE sched_name = :n)
                         + (SELECT count(*) FROM qrtz_fired_triggers WHERE sched_name = :n)
                         + (SELECT count(*) FROM qrtz_job_details WHERE sched_name = :n)
                    """).param("n", name).query(Long.class).single() == 0);
        }
        assertThat(subjects).allSatisfy(s -> assertThat(task.runsOf(s)).hasSize(1));
        assertThat(jdbc.sql("SELECT count(*) FROM scheduler_firing WHERE subject LIKE :p AND status = 'FIRED'")
                .param("p", name + "-%").query(Long.class).single()).isEqualTo(30);
    }

    @Test
    void refusesAJobKindNoHandlerKnowsAndStoresNothing() {
        String subject = UUID.randomUUID().toString();
        assertThatThrownBy(() -> jobs.schedule("no-such-kind", subject, Instant.now().plusSeconds(60)))
                .isInstanceOf(UnknownJobKindException.class).hasMessageContaining("no-such-kind");
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM scheduler_firing WHERE subject = :s")
                .param("s", subject).query(Long.class).single()).isZero();
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM qrtz_job_details WHERE job_group = 'no-such-kind'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void reschedulingMovesAPendingJobAndCancellingRemovesIt() {
        String moved = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        Instant far = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        jobs.schedule("test-record", moved, far);
        // due well after the cancel below, even on a busy machine (cancelling a job while it fires is another case)
        jobs.schedule("test-record", cancelled, Instant.now().plusSeconds(8));
        Instant soon = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        jobs.reschedule("test-record", moved, soon);
        assertThat(jobs.cancel("test-record", cancelled)).isTrue();
        assertThat(jobs.cancel("test-record", cancelled)).isFalse();

        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !testRecord.runsOf(moved).isEmpty());
        // past the cancelled job's due time: it never runs, and the moved one ran once
        await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(14))
                .until(() -> testRecord.runsOf(moved).size() == 1 && testRecord.runsOf(cancelled).isEmpty());
        assertThat(testRecord.runsOf(moved)).singleElement().extracting(f -> f.dueAt()).isEqualTo(soon);
        assertThat(testRecord.runsOf(cancelled)).isEmpty();
        assertThat(history(moved)).extracting(FiringRecord::dueAt, FiringRecord::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(far, FiringStatus.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple(soon, FiringStatus.FIRED));
        assertThatThrownBy(() -> jobs.reschedule("test-record", cancelled, far)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aJobScheduledInARolledBackTransactionNeverFires() {
        String subject = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jobs.schedule("test-record", subject, Instant.now().plusMillis(500));
            tx.setRollbackOnly();
        });
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> testRecord.runsOf(subject).isEmpty());
        assertThat(history(subject)).isEmpty();
    }

    @Test
    void retriesAFailingHandlerWithBackOffAndRecordsTheSuccess() {
        String subject = "fail-1-" + UUID.randomUUID();
        jobs.schedule("test-flaky", subject, Instant.now().plusMillis(500));

        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> history(subject).get(0).status() == FiringStatus.FIRED);
        List<org.sunbid.scheduler.Firing> attempts = testFlaky.attemptsOf(subject);
        assertThat(attempts).extracting(org.sunbid.scheduler.Firing::attempt).containsExactly(1, 2);
        // the configured back-off (1 s in tests) separates the attempts
        assertThat(Duration.between(attempts.get(0).firedAt(), attempts.get(1).firedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(history(subject).get(0).attempts()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> events.of(JobAttemptFailed.class).anyMatch(e -> e.subject().equals(subject)));
        assertThat(events.of(JobAttemptFailed.class).filter(e -> e.subject().equals(subject))).singleElement()
                .satisfies(e -> assertThat(e.error()).contains("simulated failure of attempt 1"));
    }

    @Test
    void reportsAFiringThatFailsEveryAttemptToStaffWhoCanRunItAgain() throws Exception {
        String subject = "fail-3-" + UUID.randomUUID();
        jobs.schedule("test-flaky", subject, Instant.now().plusMillis(500));

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> history(subject).get(0).status() == FiringStatus.FAILED);
        // one attempt and the two retries the test configuration allows
        assertThat(testFlaky.attemptsOf(subject)).hasSize(3);
        assertThat(history(subject).get(0).lastError()).contains("simulated failure of attempt 3");
        await().ignoreExceptions().atMost(Duration.ofSeconds(5))
                .until(() -> events.of(JobFailed.class).anyMatch(e -> e.subject().equals(subject)));

        String regulator = ScheduleFixtures.platformUser(mvc, "REGULATOR");
        mvc.perform(get("/api/schedule/firings").header(HttpHeaders.AUTHORIZATION, Api.bearer(regulator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.subject == '" + subject + "')].status").value("FAILED"))
                .andExpect(jsonPath("$[?(@.subject == '" + subject + "')].attempts").value(3));
        mvc.perform(get("/api/schedule/firings").param("status", "BOGUS")
                .header(HttpHeaders.AUTHORIZATION, Api.bearer(regulator))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/schedule/firings")).andExpect(status().isUnauthorized());

        long id = history(subject).get(0).id();
        mvc.perform(post("/api/schedule/firings/{id}/retry", id).header(HttpHeaders.AUTHORIZATION, Api.bearer(regulator)))
                .andExpect(status().isForbidden());
        String staff = ScheduleFixtures.platformUser(mvc, "STAFF");
        mvc.perform(post("/api/schedule/firings/{id}/retry", id).header(HttpHeaders.AUTHORIZATION, Api.bearer(staff)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETRYING"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(20))
                .until(() -> history(subject).get(0).status() == FiringStatus.FIRED);
        assertThat(testFlaky.attemptsOf(subject)).hasSize(4);
        mvc.perform(post("/api/schedule/firings/{id}/retry", id).header(HttpHeaders.AUTHORIZATION, Api.bearer(staff)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/schedule/firings/{id}/retry", 987_654_321L)
                .header(HttpHeaders.AUTHORIZATION, Api.bearer(staff))).andExpect(status().isNotFound());
    }

    @Test
    void refusesToStartWhenAStoredJobHasAKindNoHandlerKnowsAndNamesTheKind() {
        String name = "unknown-kind-" + UUID.randomUUID();
        SchedulerSettings settings = SchedulerSettings.defaults().withName(name);
        ScheduledTask ghost = new TestTasks.Recording("ghost-kind");
        try (QuartzJobScheduler old = new QuartzJobScheduler(dataSource, transactions, () -> List.of(ghost),
                e -> { }, Clock.systemUTC(), settings)) {
            old.schedule("ghost-kind", "lot-1", Instant.now().plus(Duration.ofDays(1)));
        }
        try (QuartzJobScheduler fresh = new QuartzJobScheduler(dataSource, transactions, List::of, e -> { },
                Clock.systemUTC(), settings)) {
            assertThatThrownBy(fresh::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ghost-kind");
            assertThat(fresh.isRunning()).isFalse();
        }
    }

    private List<FiringRecord> history(String subject) {
        return jobs.firings(EnumSet.allOf(FiringStatus.class), 1000).stream()
                .filter(f -> f.subject().equals(subject)).toList();
    }

}
