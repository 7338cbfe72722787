package org.sunbid.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.sunbid.scheduler.BookkeepingCommit;
import org.sunbid.scheduler.QuartzJobScheduler;
import org.sunbid.scheduler.SchedulerSettings;
import org.sunbid.scheduler.internal.AsynchronousCommits;
import org.sunbid.support.PlatformTest;

/**
 * Quartz's bookkeeping commits without waiting for the WAL flush, while scheduling and the handler's transaction (the
 * one that marks the firing history) still commit as the server is configured. What each commit used is read at
 * commit time by deferred constraint triggers, which PostgreSQL runs inside the commit, after the {@code SET LOCAL}:
 * the value and where it came from ({@code off/session} is the bookkeeping's own setting; the test database itself
 * runs with {@code synchronous_commit = off} from its command line, so the source is what tells them apart).
 */
@PlatformTest
class SchedulerBookkeepingCommitIntegrationTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    JdbcClient jdbc;

    @BeforeEach
    void probeCommits() {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS commit_probe (tbl TEXT NOT NULL, op TEXT NOT NULL, sched_name TEXT,
                    subject TEXT, synchronous_commit TEXT NOT NULL)""").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION commit_probe_record() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO commit_probe VALUES (TG_TABLE_NAME, TG_OP, to_jsonb(NEW) ->> 'sched_name',
                      to_jsonb(NEW) ->> 'subject', (SELECT setting || '/' || source FROM pg_settings
                      WHERE name = 'synchronous_commit'));
                  RETURN NULL;
                END $$""").update();
        for (String table : List.of("qrtz_fired_triggers", "qrtz_triggers", "scheduler_firing")) {
            jdbc.sql("CREATE CONSTRAINT TRIGGER commit_probe AFTER INSERT OR UPDATE ON " + table
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_probe_record()").update();
        }
    }

    @AfterEach
    void dropProbes() {
        for (String table : List.of("qrtz_fired_triggers", "qrtz_triggers", "scheduler_firing")) {
            jdbc.sql("DROP TRIGGER IF EXISTS commit_probe ON " + table).update();
        }
        jdbc.sql("DROP TABLE IF EXISTS commit_probe").update();
    }

    @Test
    void quartzBookkeepingSkipsTheFlushWhileSchedulingAndTheHandlerWaitForIt() {
        String name = fireOneJob(BookkeepingCommit.ASYNCHRONOUS);
        assertThat(settings("qrtz_fired_triggers", name)).as("acquiring and firing the trigger").isNotEmpty()
                .containsOnly(OWN);
        assertThat(settings("qrtz_triggers", name)).as("storing the trigger with the scheduling").isNotEmpty()
                .contains(serverDefault());
        assertThat(jdbc.sql("SELECT synchronous_commit FROM commit_probe WHERE tbl = 'scheduler_firing' AND subject = :s"
                + " AND op = 'UPDATE'").param("s", name).query(String.class).list())
                .as("the handler's transaction marking the history").isNotEmpty().containsOnly(serverDefault());
    }

    @Test
    void synchronousBookkeepingWaitsForTheFlushAsBefore() {
        String name = fireOneJob(BookkeepingCommit.SYNCHRONOUS);
        assertThat(settings("qrtz_fired_triggers", name)).isNotEmpty().containsOnly(serverDefault());
    }

    @Test
    void theSettingEndsWithTheTransactionSoAPooledConnectionGoesBackUnchanged() throws Exception {
        try (Connection pooled = dataSource.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(pooled, true);
            try (Statement s = pooled.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE probe_target (x INT)");
                s.execute("CREATE CONSTRAINT TRIGGER commit_probe AFTER INSERT ON probe_target DEFERRABLE INITIALLY"
                        + " DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_probe_record()");
            }
            try (Connection bookkeeping = new AsynchronousCommits(one).getConnection();
                    Statement s = bookkeeping.createStatement()) {
                bookkeeping.setAutoCommit(false);
                s.execute("INSERT INTO probe_target VALUES (1)");
                bookkeeping.commit();
                // the next transaction on the same physical connection, as the pool's next borrower would run it
                s.execute("INSERT INTO probe_target VALUES (2)");
                pooled.commit();
                bookkeeping.setAutoCommit(true);
                try (ResultSet rs = s.executeQuery(
                        "SELECT setting || '/' || source FROM pg_settings WHERE name = 'synchronous_commit'")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(serverDefault());
                }
                s.execute("DROP TABLE probe_target");
            }
        }
        assertThat(jdbc.sql("SELECT synchronous_commit FROM commit_probe WHERE tbl = 'probe_target' ORDER BY ctid")
                .query(String.class).list()).containsExactly(OWN, serverDefault());
    }

    /** The bookkeeping's own setting, made for its transaction alone. */
    static final String OWN = "off/session";

    /** The setting and source of a pooled connection outside any transaction (the server's configuration). */
    private String serverDefault() {
        return jdbc.sql("SELECT setting || '/' || source FROM pg_settings WHERE name = 'synchronous_commit'")
                .query(String.class).single();
    }

    /** Starts a scheduler of its own (unique cluster name), fires one job, returns the name (also the job's subject). */
    private String fireOneJob(BookkeepingCommit commit) {
        String name = "commit-" + commit.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestTasks.Recording task = new TestTasks.Recording("commit-probe");
        SchedulerSettings settings = SchedulerSettings.defaults().withName(name).withBookkeeping(commit);
        try (QuartzJobScheduler scheduler = new QuartzJobScheduler(dataSource, transactions, () -> List.of(task),
                e -> { }, Clock.systemUTC(), settings)) {
            scheduler.start();
            scheduler.schedule("commit-probe", name, Instant.now().plusMillis(300).truncatedTo(ChronoUnit.MILLIS));
            await().atMost(Duration.ofSeconds(30)).until(() -> !task.runsOf(name).isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM qrtz_triggers"
                    + " WHERE sched_name = :n").param("n", name).query(Long.class).single() == 0);
        }
        return name;
    }

    private List<String> settings(String table, String schedulerName) {
        return jdbc.sql("SELECT synchronous_commit FROM commit_probe WHERE tbl = :t AND sched_name = :n")
                .param("t", table).param("n", schedulerName).query(String.class).list();
    }
}
