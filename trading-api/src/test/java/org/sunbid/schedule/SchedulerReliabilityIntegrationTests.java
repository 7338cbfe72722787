package org.sunbid.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sunbid.scheduler.FiringRecord;
import org.sunbid.scheduler.FiringStatus;
import org.sunbid.scheduler.QuartzJobScheduler;

/**
 * Real processes: one PostgreSQL, scheduler nodes in separate JVMs ({@link SchedulerNode}), jobs counted in a table
 * with a unique key. Nodes are killed with SIGKILL ({@code destroyForcibly}) to prove that work survives a crash.
 */
@Timeout(300)
class SchedulerReliabilityIntegrationTests {

    static EmbeddedPostgres postgres;
    static HikariDataSource dataSource;
    static JdbcClient jdbc;
    static QuartzJobScheduler scheduling;
    final List<Process> nodes = new ArrayList<>();

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        dataSource = SchedulerNode.dataSource(url, 8);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        for (String ddl : SchedulerNode.TABLES.split(";")) {
            if (!ddl.isBlank()) {
                jdbc.sql(ddl).update();
            }
        }
        // Schedules jobs from the test JVM; never started, so it fires nothing itself.
        scheduling = new QuartzJobScheduler(dataSource, new DataSourceTransactionManager(dataSource),
                () -> SchedulerNode.tasks(dataSource, "test"), e -> { }, Clock.systemUTC(), SchedulerNode.settings(4, 4));
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (scheduling != null) {
            scheduling.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void twoNodesFire200JobsExactlyOnceInTotalEvenWhenOneIsKilledHalfWay() throws Exception {
        Process a = node("a");
        Process b = node("b");
        Instant first = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String subject = "pair-" + i + "-" + UUID.randomUUID();
            subjects.add(subject);
            scheduling.schedule("reliability-count", subject, first.plusMillis(150L * i)); // 200 jobs over 30 s
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> fired("pair-") >= 100);
        a.destroyForcibly().waitFor();
        long beforeKill = fired("pair-");
        Map<String, Long> byNodeAtKill = byNode("pair-");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> fired("pair-") == 200);
        // a late duplicate would show up here
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> fired("pair-") == 200);
        assertThat(jdbc.sql("SELECT subject FROM reliability_firing WHERE subject LIKE 'pair-%'").query(String.class)
                .list()).containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(duplicates("pair-")).isZero();
        assertThat(byNodeAtKill).as("both nodes shared the work before the kill").containsKeys("a", "b");
        assertThat(byNode("pair-").get("b")).as("node b fired everything left after a died")
                .isEqualTo(200 - byNodeAtKill.get("a"));
        assertThat(beforeKill).isLessThan(200);
        List<FiringRecord> history = scheduling.firings(EnumSet.allOf(FiringStatus.class), 1000).stream()
                .filter(f -> f.subject().startsWith("pair-")).toList();
        assertThat(history).hasSize(200).allSatisfy(f -> assertThat(f.status()).isEqualTo(FiringStatus.FIRED));
        b.destroyForcibly().waitFor();
    }

    @Test
    void aNodeStoppedAcrossADueTimeFiresTheJobWhenItComesBackAndSaysHowLate() throws Exception {
        Process c = node("c");
        String subject = "restart-" + UUID.randomUUID();
        Instant due = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        scheduling.schedule("reliability-count", subject, due);
        c.destroy(); // orderly stop (SIGTERM): the node shuts its scheduler down
        c.waitFor();
        Duration pastDue = Duration.between(Instant.now(), due).plusSeconds(4);
        await("nobody is up to fire it").during(pastDue).atMost(pastDue.plusSeconds(2)).until(() -> fired(subject) == 0);

        node("c2");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> fired(subject) == 1);
        long lateness = jdbc.sql("SELECT lateness_ms FROM reliability_firing WHERE subject = :s").param("s", subject)
                .query(Long.class).single();
        assertThat(lateness).as("handler told how late it runs").isGreaterThanOrEqualTo(4000);
        assertThat(jdbc.sql("SELECT node FROM reliability_firing WHERE subject = :s").param("s", subject)
                .query(String.class).single()).isEqualTo("c2");
        assertThat(duplicates(subject)).isZero();
    }

    @Test
    void reschedulingJobsWhileANodeIsMidFiringAnotherLosesAndDoublesNothing() throws Exception {
        node("d");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slow = "slow-4000-" + run;
        String earlier = "moved-earlier-" + run;
        String later = "moved-later-" + run;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        scheduling.schedule("reliability-slow", slow, now.plusSeconds(2));
        scheduling.schedule("reliability-count", earlier, now.plusSeconds(600));
        scheduling.schedule("reliability-count", later, now.plusSeconds(5));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc
                .sql("SELECT count(*) FROM reliability_marker WHERE subject = :s").param("s", slow)
                .query(Long.class).single() == 1);
        Instant newEarlier = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Instant newLater = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
        scheduling.reschedule("reliability-count", earlier, newEarlier);
        scheduling.reschedule("reliability-count", later, newLater);
        assertThat(fired(slow)).as("the slow job is still running").isZero();

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> fired(slow) + fired(earlier) + fired(later) == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> fired(slow) + fired(earlier) + fired(later) == 3);
        assertThat(dueOf(earlier)).isEqualTo(newEarlier);
        assertThat(dueOf(later)).isEqualTo(newLater);
        assertThat(fired(slow) + fired(earlier) + fired(later)).isEqualTo(3);
        assertThat(duplicates(run)).isZero();
        assertThat(scheduling.firings(EnumSet.of(FiringStatus.CANCELLED), 1000)).extracting(FiringRecord::subject)
                .contains(earlier, later);
        assertThat(scheduling.pending("reliability-count", earlier)).isEmpty();
    }

    private Process node(String name) throws Exception {
        Path log = Path.of("target", "reliability-node-" + name + ".log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SchedulerNode.class.getName(),
                postgres.getJdbcUrl("postgres", "postgres"), name, "10", "10")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(process);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " died: " + Files.readString(log));
            }
            return Files.readString(log).contains("READY " + name);
        });
        return process;
    }

    private static long fired(String prefix) {
        return jdbc.sql("SELECT count(*) FROM reliability_firing WHERE subject LIKE :p").param("p", prefix + "%")
                .query(Long.class).single();
    }

    private static long duplicates(String part) {
        return jdbc.sql("SELECT count(*) FROM reliability_duplicate WHERE subject LIKE :p").param("p", "%" + part + "%")
                .query(Long.class).single();
    }

    private static Instant dueOf(String subject) {
        return jdbc.sql("SELECT due_at FROM reliability_firing WHERE subject = :s").param("s", subject)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private static Map<String, Long> byNode(String prefix) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT node, count(*) AS n FROM reliability_firing WHERE subject LIKE :p GROUP BY node")
                .param("p", prefix + "%").query((rs, i) -> counts.put(rs.getString("node"), rs.getLong("n"))).list();
        return counts;
    }

}
