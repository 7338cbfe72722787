package org.sunbid.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sunbid.scheduler.BookkeepingCommit;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.QuartzJobScheduler;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.scheduler.SchedulerSettings;

/**
 * One scheduler node in its own JVM for the reliability tests and the benchmark: plain Quartz through our port, no
 * Spring context. Arguments: JDBC URL, node label, threads, batch size. Prints {@code READY} once firing.
 */
public final class SchedulerNode {

    static final String CLUSTER = "sunbid-reliability";
    /** System property naming the {@link BookkeepingCommit} of the nodes (the benchmark passes it on to them). */
    static final String BOOKKEEPING = "bench.bookkeeping";
    /** System property: the nodes' misfire threshold in ms (5 s for the tests; the benchmark passes its own on). */
    static final String MISFIRE = "bench.misfireThresholdMs";
    /** System property: job completions recorded together (1 = Quartz's own one transaction per job). */
    static final String COMPLETION_GROUP = "bench.completionGroup";
    /** System property: workers hand job completions to a writer thread (the benchmark passes it on to the nodes). */
    static final String COMPLETE_IN_BACKGROUND = "bench.completeInBackground";

    private SchedulerNode() {
    }

    /** Settings shared by the nodes and by the test that schedules their jobs. */
    static SchedulerSettings settings(int threads, int batch) {
        return settings(threads, batch, Duration.ofMillis(500));
    }

    static SchedulerSettings settings(int threads, int batch, Duration batchWindow) {
        return new SchedulerSettings(CLUSTER, true, threads, batch, batchWindow, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(Long.getLong(MISFIRE, 5_000)), List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                BookkeepingCommit.valueOf(System.getProperty(BOOKKEEPING, BookkeepingCommit.ASYNCHRONOUS.name())),
                Integer.getInteger(COMPLETION_GROUP, SchedulerSettings.DEFAULT_COMPLETION_GROUP),
                Boolean.getBoolean(COMPLETE_IN_BACKGROUND));
    }

    static HikariDataSource dataSource(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** The handlers the nodes run; they write through the transaction the scheduler opened for the firing. */
    static List<ScheduledTask> tasks(DataSource dataSource, String node) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ScheduledTask count = new ScheduledTask() {
            @Override
            public String kind() {
                return "reliability-count";
            }

            @Override
            public void run(Firing f) {
                record(jdbc, f, node);
            }
        };
        ScheduledTask slow = new ScheduledTask() {
            @Override
            public String kind() {
                return "reliability-slow";
            }

            @Override
            public void run(Firing f) throws Exception {
                // tell the test we are inside the handler, outside the firing's transaction
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement(
                                "INSERT INTO reliability_marker (subject, node) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    s.setString(1, f.subject());
                    s.setString(2, node);
                    s.executeUpdate();
                }
                // the handler's own work time (named in the subject), not a wait in the test: the reliability test
                // kills this node with kill -9 while handlers are inside it
                Thread.sleep(Long.parseLong(f.subject().split("-")[1]));
                record(jdbc, f, node);
            }
        };
        return List.of(count, slow);
    }

    /** One row per subject; a second firing of a subject is written to the duplicates table instead. */
    static void record(JdbcClient jdbc, Firing f, String node) {
        int inserted = jdbc.sql("""
                INSERT INTO reliability_firing (subject, node, due_at, fired_at, lateness_ms, attempt)
                VALUES (:subject, :node, :due, :fired, :late, :attempt) ON CONFLICT (subject) DO NOTHING
                """).param("subject", f.subject()).param("node", node).param("due", Timestamp.from(f.dueAt()))
                .param("fired", Timestamp.from(f.firedAt())).param("late", f.lateness().toMillis())
                .param("attempt", f.attempt()).update();
        if (inserted == 0) {
            jdbc.sql("INSERT INTO reliability_duplicate (subject, node) VALUES (:subject, :node)")
                    .param("subject", f.subject()).param("node", node).update();
        }
    }

    static final String TABLES = """
            CREATE TABLE IF NOT EXISTS reliability_firing (subject VARCHAR(200) PRIMARY KEY, node VARCHAR(50) NOT NULL,
                due_at TIMESTAMPTZ NOT NULL, fired_at TIMESTAMPTZ NOT NULL, lateness_ms BIGINT NOT NULL,
                attempt INT NOT NULL, recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
            CREATE TABLE IF NOT EXISTS reliability_duplicate (subject VARCHAR(200) NOT NULL, node VARCHAR(50) NOT NULL);
            CREATE TABLE IF NOT EXISTS reliability_marker (subject VARCHAR(200) NOT NULL, node VARCHAR(50) NOT NULL,
                at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
            """;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.sunbid"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        String url = args[0];
        String node = args[1];
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : threads;
        Duration window = Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 500);
        HikariDataSource dataSource = dataSource(url, threads + 4);
        QuartzJobScheduler scheduler = new QuartzJobScheduler(dataSource, new DataSourceTransactionManager(dataSource),
                () -> tasks(dataSource, node), e -> { }, Clock.systemUTC(), settings(threads, batch, window));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            dataSource.close();
        }));
        scheduler.start();
        System.out.println("READY " + node + " " + scheduler.node());
        System.out.flush();
        Thread.currentThread().join();
    }
}
