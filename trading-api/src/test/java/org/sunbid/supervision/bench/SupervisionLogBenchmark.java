package org.sunbid.supervision.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.sunbid.SunbidApplication;
import org.sunbid.signing.merkle.InclusionProof;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.signing.merkle.TreeHead;
import org.sunbid.supervision.SignedTreeHead;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.supervision.VerificationReport;
import org.sunbid.supervision.internal.Entries;
import org.sunbid.supervision.internal.LogWriter;

/**
 * Not a test: in one run, with the former in-memory queue (baseline) and with the transactional outbox, times acts that
 * insert a row and publish an event in a transaction on several threads (the request thread's cost and how fast
 * entries reach the log), then appends N entries published outside a transaction, verifies the whole log, produces
 * 1,000 inclusion proofs, and times {@code sha256sum} over the same bytes.
 * Run with {@code trading-api/bench/supervision-bench.sh [entries] [acts] [threads]}.
 */
public final class SupervisionLogBenchmark {

    /** A stand-in feature event of typical size (a bid-like record with ids, amounts and a hash). */
    public record BenchBidSubmitted(UUID bid, UUID lot, UUID bidder, String sha256, long size, String note) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int acts = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        System.out.printf("load average before: %s%n", loadAverage());
        // the same run measures the former in-memory queue (the baseline) and the transactional outbox
        java.util.Map<String, Acts> figures = new java.util.LinkedHashMap<>();
        for (String delivery : System.getProperty("bench.deliveries", "memory,outbox").split(",")) {
            Path dataDir = Files.createTempDirectory("sunbid-bench-");
            // command-line arguments, not builder defaults: application.yml's server.port would override a default
            ConfigurableApplicationContext app = new SpringApplicationBuilder(SunbidApplication.class)
                    .run("--sunbid.data-dir=" + dataDir, "--sunbid.database.ephemeral=true", "--server.port=0",
                            "--sunbid.keys.passphrase=benchmark-only-passphrase", "--sunbid.supervision.delivery=" + delivery,
                            "--logging.level.root=WARN", "--sunbid.supervision.tree-head-interval=PT24H");
            try {
                // the floor (the same acts without an event) first, in each context, then with the event
                figures.put(delivery + ", act without an event", acts(app, acts, threads, false));
                figures.put(delivery, acts(app, acts, threads, true));
                System.out.printf("%n== %s delivery: events published outside a transaction ==%n", delivery);
                run(app, n, dataDir);
            } finally {
                app.close();
            }
        }
        System.out.printf("%n== request-thread cost of an act (insert a row, publish one event, commit), %d acts by %d "
                + "threads ==%n", acts, threads);
        System.out.println("| delivery | act p50 ms | act p99 ms | acts/s | entries/s into the log (until flushed) |");
        System.out.println("|---|---|---|---|---|");
        figures.forEach((name, f) -> System.out.printf("| %s | %.3f | %.3f | %.0f | %s |%n", name, f.p50(), f.p99(),
                f.actsPerSecond(), f.entriesPerSecond() < 0 ? "—" : "%.0f".formatted(f.entriesPerSecond())));
        System.out.printf("load average after: %s%n", loadAverage());
    }

    /** Figures of the act phase: act time percentiles (ms), acts per second, log entries per second until flushed. */
    record Acts(double p50, double p99, double actsPerSecond, double entriesPerSecond) {
    }

    /**
     * {@code n} acts on {@code threads} threads, each a transaction that inserts a row and (if {@code withEvent})
     * publishes one event: what a request thread pays for its entry, and how fast entries reach the log.
     */
    static Acts acts(ConfigurableApplicationContext app, int n, int threads, boolean withEvent) throws Exception {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                .TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        jdbc.sql("create table if not exists bench_act (id uuid primary key, at timestamptz not null)").update();
        LogWriter writer = app.getBean(LogWriter.class);
        SupervisionLog log = app.getBean(SupervisionLog.class);
        log.flush();
        long before = writer.tree().size();
        long[] nanos = new long[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long t0 = System.nanoTime();
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Random random = new Random();
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    UUID id = new UUID(random.nextLong(), random.nextLong());
                    BenchBidSubmitted event = new BenchBidSubmitted(id, new UUID(random.nextLong(), random.nextLong()),
                            new UUID(random.nextLong(), random.nextLong()), Long.toHexString(random.nextLong()).repeat(4),
                            random.nextInt(1 << 24), "投标文件已提交 #" + i);
                    long s = System.nanoTime();
                    tx.executeWithoutResult(status -> {
                        jdbc.sql("insert into bench_act (id, at) values (?, now())").param(id).update();
                        if (withEvent) {
                            app.publishEvent(event);
                        }
                    });
                    nanos[i] = System.nanoTime() - s;
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double actSeconds = (System.nanoTime() - t0) / 1e9;
        if (!writer.flush(Duration.ofMinutes(30))) {
            throw new IllegalStateException("writer did not catch up");
        }
        double logSeconds = (System.nanoTime() - t0) / 1e9;
        long appended = writer.tree().size() - before;
        if (withEvent && appended < n) {
            throw new IllegalStateException("only " + appended + " of " + n + " entries appended");
        }
        Arrays.sort(nanos);
        return new Acts(nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, n / actSeconds,
                withEvent ? appended / logSeconds : -1);
    }

    /** Marks where a phase starts, to cut a flight recording of the run by phase. */
    static void phase(String name) {
        System.out.printf("phase %s from %s (load %s)%n", name, java.time.Instant.now(), loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static void run(ConfigurableApplicationContext app, int n, Path dataDir) throws Exception {
        ApplicationEventPublisher events = app;
        LogWriter writer = app.getBean(LogWriter.class);
        SupervisionLog log = app.getBean(SupervisionLog.class);
        Entries entries = app.getBean(Entries.class);
        log.flush();
        long startSize = writer.tree().size();
        Random random = new Random(42);

        // 1. Appends: the publishing thread's cost per event (what a request pays) and the sustained rate.
        long[] publishNanos = new long[n];
        phase("appends");
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            BenchBidSubmitted event = new BenchBidSubmitted(new UUID(random.nextLong(), random.nextLong()),
                    new UUID(random.nextLong(), random.nextLong()), new UUID(random.nextLong(), random.nextLong()),
                    Long.toHexString(random.nextLong()).repeat(4), random.nextInt(1 << 24), "投标文件已提交 #" + i);
            long s = System.nanoTime();
            events.publishEvent(event);
            publishNanos[i] = System.nanoTime() - s;
            if ((i & 0x3fff) == 0 && writer.tree().size() + 200_000 < startSize + i) {
                writer.flush(Duration.ofMinutes(5)); // keep the queue bounded; not counted in publish latency
            }
        }
        if (!writer.flush(Duration.ofMinutes(30))) {
            throw new IllegalStateException("writer did not catch up");
        }
        double appendSeconds = (System.nanoTime() - t0) / 1e9;
        LogWriter.Stats stats = writer.stats();
        Arrays.sort(publishNanos);
        double p50 = publishNanos[n / 2] / 1e6;
        double p99 = publishNanos[(int) (n * 0.99)] / 1e6;
        double p999 = publishNanos[(int) (n * 0.999)] / 1e6;
        double max = publishNanos[n - 1] / 1e6;

        SignedTreeHead head = log.issueTreeHeadNow(null);
        long size = head.treeSize();

        // 2. Whole-log verification, and sha256sum over the same bytes (details + leaf bytes of every entry).
        phase("verification");
        VerificationReport report = log.verify();
        if (!report.intact()) {
            throw new IllegalStateException("verification failed: " + report);
        }
        // The floor of reading: the same COPY the verification runs, drained without looking at a byte
        // (PostgreSQL producing the stream and the driver receiving it).
        phase("COPY alone");
        long c0 = System.nanoTime();
        long copyBytes = drainCopy(app);
        double copySeconds = (System.nanoTime() - c0) / 1e9;
        phase("baselines");
        Path bytes = dataDir.resolve("log-bytes.bin");
        long[] total = { 0 };
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bytes), 1 << 20)) {
            entries.stream(0, size, (entry, leaf) -> {
                try {
                    byte[] d = entry.details().getBytes(StandardCharsets.UTF_8);
                    byte[] l = entry.leafBytes();
                    out.write(d);
                    out.write(l);
                    total[0] += d.length + l.length;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        digest(bytes, "sha256sum"); // warm the page cache
        long s0 = System.nanoTime();
        digest(bytes, "sha256sum");
        double shaSeconds = (System.nanoTime() - s0) / 1e9;
        long o0 = System.nanoTime();
        digest(bytes, "openssl", "dgst", "-sha256");
        double opensslSeconds = (System.nanoTime() - o0) / 1e9;

        // 3. 1,000 inclusion proofs: through the API facade (DB read + proof + self-check + read logged),
        //    and the bare proof generation from the in-memory subtree cache.
        int proofs = 1000;
        long p0 = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            log.entry((long) (random.nextDouble() * size), size, null);
        }
        double facadeSeconds = (System.nanoTime() - p0) / 1e9;
        TreeHead trusted = new TreeHead(size, head.rootHashBytes());
        long q0 = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < proofs; i++) {
            long seq = (long) (random.nextDouble() * size);
            InclusionProof proof = InclusionProof.generate(writer.tree(), seq, size);
            ok += proof.verify(writer.tree().leafHash(seq), trusted) ? 1 : 0;
        }
        double bareSeconds = (System.nanoTime() - q0) / 1e9;
        if (ok != proofs) {
            throw new IllegalStateException("proofs failed");
        }
        byte[] root = MerkleTree.root(writer.tree(), size);

        System.out.printf("""
                supervision log benchmark (%d new entries, tree size %d, root %s…)
                appends:       %.1f s, %.0f entries/s (group commit, tree maintained)
                writer:        %d batches (avg %.0f entries), %.1f s in batch transactions, %.1f s of it in the insert
                publish cost:  p50 %.4f ms, p99 %.4f ms, p99.9 %.4f ms, max %.2f ms (on the publishing thread)
                verify:        %.2f s for %d entries (%.0f entries/s)
                COPY alone:    %.2f s to read the same rows' COPY stream (%.1f MB) and drop it -> verify/COPY = %.1fx
                sha256sum:     %.2f s over the same %d bytes (%.1f MB) -> verify/sha256sum = %.1fx
                openssl dgst:  %.2f s over the same bytes -> verify/openssl = %.1fx
                1000 proofs:   %.2f s via SupervisionLog.entry (DB read, proof, self-check, read logged); %.4f s bare generate+verify
                %n""", n, size, java.util.HexFormat.of().formatHex(root).substring(0, 16), appendSeconds, n / appendSeconds,
                stats.batches(), (double) stats.entries() / Math.max(1, stats.batches()), stats.batchSeconds(),
                stats.insertSeconds(),
                p50, p99, p999, max, report.seconds(), report.entriesChecked(),
                report.entriesChecked() / report.seconds(), copySeconds, copyBytes / 1e6, report.seconds() / copySeconds,
                shaSeconds, total[0], total[0] / 1e6,
                report.seconds() / shaSeconds, opensslSeconds, report.seconds() / opensslSeconds, facadeSeconds, bareSeconds);
    }

    /** Reads the verification's COPY query into nothing; returns the bytes of the stream. */
    static long drainCopy(ConfigurableApplicationContext app) {
        org.springframework.jdbc.core.JdbcTemplate template = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        return template.execute((java.sql.Connection con) -> {
            String sql = "copy (select seq::int8, at, actor, actor_role, action, subject, details, details_sha256, "
                    + "client_ip, device_fingerprint, encoding::int4, leaf_hash from supervision_entry where seq >= 0 "
                    + "order by seq) to stdout (format binary)";
            try (java.io.InputStream in = new org.postgresql.copy.PGCopyInputStream(
                    con.unwrap(org.postgresql.PGConnection.class), sql)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                }
                return total;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static void digest(Path file, String... command) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
        args.add(file.toString());
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
