package org.sunbid.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sunbid.scheduler.QuartzJobScheduler;

/**
 * Benchmark, not a test: N jobs due within a window, fired by one and then two {@link SchedulerNode} JVMs on one
 * embedded PostgreSQL; prints lateness (fired − due) p50/p99/max. Run with {@code scripts/bench-scheduler.sh}.
 * Arguments: jobs (10000), window seconds (60), threads per node (10), batch size (10).
 */
public final class SchedulerBenchmark {

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The nodes run with production's misfire threshold unless told otherwise: with the tests' 5 s, every job
        // later than that went through Quartz's misfire scan, which took the cluster lock over and over (2026-12-03).
        System.setProperty(SchedulerNode.MISFIRE, System.getProperty(SchedulerNode.MISFIRE,
                Long.toString(org.sunbid.scheduler.SchedulerSettings.defaults().misfireThreshold().toMillis())));
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int windowSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        long window = args.length > 4 ? Long.parseLong(args[4]) : 500;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                .setServerConfig("synchronous_commit", System.getProperty("bench.synchronousCommit", "on")).start();
                HikariDataSource dataSource = SchedulerNode.dataSource(postgres.getJdbcUrl("postgres", "postgres"), 10)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            for (String ddl : SchedulerNode.TABLES.split(";")) {
                if (!ddl.isBlank()) {
                    jdbc.sql(ddl).update();
                }
            }
            try (QuartzJobScheduler scheduling = new QuartzJobScheduler(dataSource,
                    new DataSourceTransactionManager(dataSource), () -> SchedulerNode.tasks(dataSource, "bench"),
                    e -> { }, Clock.systemUTC(), SchedulerNode.settings(threads, batch))) {
                System.out.printf("scheduler benchmark: %d jobs due within %d s, %d threads, batch %d, window %d ms per node, "
                        + "Quartz bookkeeping commits %s, completions grouped by up to %d%s, misfire threshold %s, %s; load average %s%n",
                        jobs, windowSeconds, threads, batch, window, SchedulerNode.settings(threads, batch).bookkeeping(),
                        SchedulerNode.settings(threads, batch).completionGroup(),
                        SchedulerNode.settings(threads, batch).completeInBackground() ? " in the background" : "",
                        SchedulerNode.settings(threads, batch).misfireThreshold(), Runtime.version(), loadAverage());
                if (Boolean.parseBoolean(System.getProperty("bench.warmup", "true"))) {
                    // Warm the harness and the database first (JIT, connection pools, table statistics): without it
                    // the first measured run pays for all of that and reports it as scheduler lateness.
                    System.out.println("warm-up run (not measured):");
                    run(postgres, jdbc, scheduling, "warmup", 1, Math.min(2000, jobs), 20, threads, batch, window);
                }
                Map<String, Object> one = run(postgres, jdbc, scheduling, "1node", 1, jobs, windowSeconds, threads, batch, window);
                Map<String, Object> two = run(postgres, jdbc, scheduling, "2nodes", 2, jobs, windowSeconds, threads, batch, window);
                System.out.printf("load average at end: %s%n", loadAverage());
                System.out.printf("ratio p99 two nodes / one node: %.2f%n",
                        ((Number) two.get("p99")).doubleValue() / Math.max(1, ((Number) one.get("p99")).doubleValue()));
            }
        }
    }

    private static Map<String, Object> run(EmbeddedPostgres postgres, JdbcClient jdbc, QuartzJobScheduler scheduling,
            String label, int nodes, int jobs, int windowSeconds, int threads, int batch, long window) throws Exception {
        // Every measured run starts from an empty job store: jobs a run before left unfired would otherwise be due
        // first and be fired ahead of this run's own (the two-node rows of 2026-12-03 began on such leftovers).
        long left = clearStore(jdbc);
        if (left > 0) {
            System.out.printf("%-7s removed %d jobs left unfired by the run before%n", label, left);
        }
        // Probe the scheduling rate the way the jobs are scheduled below (four threads), so that every job is stored
        // before the first falls due: the harness's own scheduling must be over before the window, not compete with it.
        int probes = 400;
        double probeSeconds = schedule(scheduling, "probe-" + label, probes, i -> Instant.now().plus(Duration.ofDays(1)));
        for (int i = 0; i < probes; i++) {
            scheduling.cancel("reliability-count", "probe-" + label + "-" + i);
        }
        long leadMillis = 20_000 + (long) (jobs * probeSeconds * 1000 / probes * 1.5);
        Instant first = Instant.now().plusMillis(leadMillis).truncatedTo(ChronoUnit.MILLIS);
        long spacingMicros = windowSeconds * 1_000_000L / jobs;
        double scheduleSeconds = schedule(scheduling, label, jobs, i -> first.plus(spacingMicros * i, ChronoUnit.MICROS));
        System.out.printf("%-7s scheduling took %.1f s of a %.1f s lead; %.1f s to spare before the window%n", label,
                scheduleSeconds, leadMillis / 1e3, Duration.between(Instant.now(), first).toMillis() / 1e3);
        List<Process> processes = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            processes.add(startNode(postgres, label + "-n" + n, threads, batch, window));
        }
        Instant now = Instant.now();
        if (now.isAfter(first)) {
            System.out.printf("WARNING: scheduling (%.1f s) overran the lead; early jobs are late by that%n",
                    scheduleSeconds);
        }
        Duration wait = Duration.between(Instant.now(), first.plusSeconds(windowSeconds + 180));
        try {
            Awaitility.await().atMost(wait.isNegative() ? Duration.ZERO : wait).pollInterval(Duration.ofSeconds(1))
                    .until(() -> fired(jdbc, label) >= jobs);
        } catch (ConditionTimeoutException stillFiring) {
            // reported below: the figures then cover the jobs fired so far
        }
        long count = fired(jdbc, label);
        double nodeCpu = processes.stream().mapToDouble(p -> p.info().totalCpuDuration().map(Duration::toMillis)
                .orElse(0L) / 1e3).sum();
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            p.waitFor();
        }
        Map<String, Object> stats = jdbc.sql("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lateness_ms) AS p50,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY lateness_ms) AS p99,
                       max(lateness_ms) AS max, count(*) AS n, count(DISTINCT node) AS nodes
                FROM reliability_firing WHERE subject LIKE :p
                """).param("p", label + "-%").query().singleRow();
        long duplicates = jdbc.sql("SELECT count(*) FROM reliability_duplicate WHERE subject LIKE :p")
                .param("p", label + "-%").query(Long.class).single();
        System.out.printf("%-7s scheduled %d in %.1f s (%.0f/s); fired %d (duplicates %d) by %s node(s); "
                + "lateness ms p50 %.0f, p99 %.0f, max %s; node CPU %.1f s; load %s%n", label, jobs, scheduleSeconds,
                jobs / scheduleSeconds, count, duplicates, stats.get("nodes"), ((Number) stats.get("p50")).doubleValue(),
                ((Number) stats.get("p99")).doubleValue(), stats.get("max"), nodeCpu, loadAverage());
        return stats;
    }

    /** Schedules {@code label-0 … label-(jobs-1)} on four threads; returns the seconds it took. */
    private static double schedule(QuartzJobScheduler scheduling, String label, int jobs,
            java.util.function.IntFunction<Instant> due) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    for (int i = offset; i < jobs; i += 4) {
                        scheduling.schedule("reliability-count", label + "-" + i, due.apply(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * Deletes every job and trigger of the benchmark's cluster (no node is running then; the harness's own scheduler
     * is never started) and cancels the history rows still open; returns the number of jobs removed.
     */
    private static long clearStore(JdbcClient jdbc) {
        long jobs = jdbc.sql("SELECT count(*) FROM qrtz_job_details WHERE sched_name = :s")
                .param("s", SchedulerNode.CLUSTER).query(Long.class).single();
        for (String table : List.of("qrtz_fired_triggers", "qrtz_simple_triggers", "qrtz_triggers", "qrtz_job_details")) {
            jdbc.sql("DELETE FROM " + table + " WHERE sched_name = :s").param("s", SchedulerNode.CLUSTER).update();
        }
        jdbc.sql("UPDATE scheduler_firing SET status = 'CANCELLED', finished_at = now()"
                + " WHERE status IN ('PENDING', 'RETRYING')").update();
        return jobs;
    }

    private static long fired(JdbcClient jdbc, String label) {
        return jdbc.sql("SELECT count(*) FROM reliability_firing WHERE subject LIKE :p").param("p", label + "-%")
                .query(Long.class).single();
    }

    private static Process startNode(EmbeddedPostgres postgres, String name, int threads, int batch, long window) throws Exception {
        Path log = Path.of("target", "bench-node-" + name + ".log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        String jfrFolder = System.getProperty("bench.nodeJfr");
        if (jfrFolder != null) {
            // one flight recording per node, written when the harness stops it (-Dbench.nodeJfr=folder)
            command.add("-XX:StartFlightRecording=filename=" + Path.of(jfrFolder, "node-" + name + ".jfr")
                    + ",settings=profile");
        }
        command.addAll(List.of(
                "-D" + SchedulerNode.BOOKKEEPING + "=" + SchedulerNode.settings(threads, batch).bookkeeping(),
                "-D" + SchedulerNode.MISFIRE + "=" + SchedulerNode.settings(threads, batch).misfireThreshold().toMillis(),
                "-D" + SchedulerNode.COMPLETION_GROUP + "=" + SchedulerNode.settings(threads, batch).completionGroup(),
                "-D" + SchedulerNode.COMPLETE_IN_BACKGROUND + "=" + SchedulerNode.settings(threads, batch).completeInBackground(),
                "-cp", System.getProperty("java.class.path"),
                SchedulerNode.class.getName(), postgres.getJdbcUrl("postgres", "postgres"), name,
                Integer.toString(threads), Integer.toString(batch), Long.toString(window)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .failFast(() -> !process.isAlive())
                    .until(() -> Files.readString(log).contains("READY " + name));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException("node " + name + " did not start: " + Files.readString(log));
        }
        return process;
    }
}
