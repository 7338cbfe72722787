package org.sunbid.expert;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.SunbidApplication;
import org.sunbid.credit.BanKind;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditManagement;
import org.sunbid.expert.internal.OpeningFacts;
import org.sunbid.expert.internal.PlanStore;
import org.sunbid.expert.internal.PoolFreezing;
import org.sunbid.expert.internal.PoolStore;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.id.LotId;
import org.sunbid.signing.draw.DrawAlgorithm;
import org.sunbid.signing.draw.DrawPool;
import org.sunbid.signing.draw.DrawVerifier;
import org.sunbid.signing.draw.SignedDrawRecord;

/**
 * Draws from a library of N experts (default 100,000) with 50 declared conflicts per lot and every avoidance rule in
 * play, in one JVM against the embedded PostgreSQL: the pool freeze (at the deadline), the whole draw (what
 * {@code POST …/expert-draw} runs) with the pool snapshot in memory and read from the database, the selection step
 * alone, and {@code draw-verify} of the record and pool file, each against two baselines measured in the same run
 * (SHA-256 of the pool file; a plain SELECT of the library's ids). A plain main, never run by {@code ./mvnw verify}: {@code trading-api/bench/expert-draw-bench.sh}.
 */
public final class ExpertDrawBenchmark {

    public static void main(String[] args) throws Exception {
        int experts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int draws = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean warmOnly = args.length > 2 && args[2].equals("warm"); // only the warm draws (the request's case)
        Path dataDir = Files.createTempDirectory("sunbid-drawbench-");
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(SunbidApplication.class).run("--sunbid.data-dir=" + dataDir,
                    "--sunbid.database.ephemeral=true", "--server.port=0",
                    "--sunbid.keys.passphrase=drawbench-" + UUID.randomUUID(), "--logging.level.root=WARN",
                    "--sunbid.scheduler.name=sunbid-drawbench", "--sunbid.supervision.tree-head-interval=PT24H");
            new ExpertDrawBenchmark(app).run(experts, draws, warmOnly);
        } finally {
            if (app != null) {
                app.close();
            }
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final MemberSetup members;
    private final CreditManagement credit;
    private final ExpertDraws expertDraws;
    private final PlatformTrust trust;
    private final PlanStore plans;
    private final PoolFreezing freezing;
    private final PoolStore pools;
    private final OpeningFacts openingFacts;
    private final org.springframework.transaction.PlatformTransactionManager transactions;
    private static final UUID BENCH = new UUID(0, 42);

    ExpertDrawBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.members = app.getBean(MemberSetup.class);
        this.credit = app.getBean(CreditManagement.class);
        this.expertDraws = app.getBean(ExpertDraws.class);
        this.trust = app.getBean(PlatformTrust.class);
        this.plans = app.getBean(PlanStore.class);
        this.freezing = app.getBean(PoolFreezing.class);
        this.pools = app.getBean(PoolStore.class);
        this.openingFacts = app.getBean(OpeningFacts.class);
        this.transactions = app.getBean(org.springframework.transaction.PlatformTransactionManager.class);
    }

    void run(int experts, int draws, boolean warmOnly) throws Exception {
        System.out.println("load average at start: " + loadAverage());
        long t0 = System.nanoTime();
        UUID tenderee = company(Role.TENDEREE);
        List<UUID> bidders = List.of(company(Role.BIDDER), company(Role.BIDDER), company(Role.BIDDER));
        String department = MemberFixtures.uscc();
        library(experts, tenderee, bidders, department);
        List<UUID> lots = new ArrayList<>();
        for (int i = 0; i < (warmOnly ? draws + 3 : 3 * draws + 3); i++) {
            lots.add(openedLot(tenderee, bidders, department, i));
        }
        System.out.printf("setup: %,d experts, %d opened lots in %.1f s%n", experts, lots.size(), (System.nanoTime() - t0) / 1e9);

        // whole draw, as the staff endpoint and the scheduled job run it: 3 warm-up draws, then `draws` whose pool was
        // frozen just before (as the expert-pool-freeze job does at the deadline) and whose facts were taken at the
        // opening (as the opening's listener does), both still in memory; `draws` with the pool in memory but the
        // facts read at the draw (the way every draw worked before the opening kept them); and `draws` with both
        // dropped (read back from the database, as after a restart). The freeze and the opening's facts are timed
        // apart: they are not in the draw.
        List<Double> freeze = new ArrayList<>();
        List<Double> atOpening = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> factsAtDraw = new ArrayList<>();
        List<Double> factsAtDrawCpu = new ArrayList<>();
        List<Double> factsAtDrawDbCpu = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> selectIds = new ArrayList<>();
        List<Double> warmCpu = new ArrayList<>();
        List<Double> warmDbCpu = new ArrayList<>();
        List<Double> warmDbCpuNs = new ArrayList<>();
        List<Double> warmQueued = new ArrayList<>();
        List<Double> warmDbQueued = new ArrayList<>();
        List<Double> warmWithACore = new ArrayList<>();
        List<Double> warmWithCores = new ArrayList<>();
        long postmaster = postmaster();
        ExpertDraws.DrawSummary last = null;
        Path jfr = Path.of(System.getProperty("bench.jfr", System.getProperty("java.io.tmpdir") + "/expert-draws-"
                + ProcessHandle.current().pid() + ".jfr"));
        DrawTrace trace = new DrawTrace(jfr);
        List<DrawTrace.Draw> traced = List.of();
        for (int i = 0; i < lots.size(); i++) {
            if (i == 3 + draws) { // the warm draws are traced; the recording is read before the other kinds run
                traced = trace.draws();
            }
            boolean isCold = i >= 3 + 2 * draws;
            boolean atDraw = !isCold && i >= 3 + draws;
            CommitteePlan plan = plans.find(new LotId(lots.get(i))).orElseThrow();
            Instant deadline = jdbc.sql("select bid_deadline from project where id = ?").param(plan.project())
                    .query(java.sql.Timestamp.class).single().toInstant();
            long f = System.nanoTime();
            inTransaction(() -> freezing.frozen(plan, deadline));
            freeze.add((System.nanoTime() - f) / 1e6);
            // what the opening's listener does once the opening commits: the lot's facts fixed by then, kept in memory
            long o = System.nanoTime();
            inTransaction(() -> openingFacts.of(plan));
            atOpening.add((System.nanoTime() - o) / 1e6);
            if (SETTLE) {
                // the freeze runs at the deadline, hours before the draw: by the draw its snapshot has long been
                // promoted and its garbage collected. Without this the young collection that copies the fresh
                // snapshot falls into the draw right after it (the GC column of round 7's first run).
                System.gc();
            }
            if (isCold) {
                pools.forgetCached();
            }
            if (isCold || atDraw) {
                openingFacts.forget(); // as before this round: every fact read at the draw
            }
            long dbBefore = databaseTicks(postmaster);
            long[] dbSchedBefore = databaseSched(postmaster);
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long[] schedBefore = threadSched();
            boolean traceIt = i >= 3 && i < 3 + draws;
            long allocatedBefore = ALLOCATION.getCurrentThreadAllocatedBytes();
            DrawTrace.DrawWindow window = traceIt ? DrawTrace.begin(i) : null;
            long s = System.nanoTime();
            last = expertDraws.draw(new LotId(lots.get(i)));
            double ms = (System.nanoTime() - s) / 1e6;
            long[] schedAfter = threadSched();
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
            if (traceIt) {
                DrawTrace.end(window, (schedAfter[1] - schedBefore[1]) / 1e6, cpu,
                        ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedBefore);
            }
            long[] dbSchedAfter = databaseSched(postmaster);
            double dbCpu = (databaseTicks(postmaster) - dbBefore) * 10.0; // USER_HZ = 100: 10 ms per tick
            // time runnable but waiting for a core (/proc schedstat): the draw's thread, and the database's processes
            double queued = (schedAfter[1] - schedBefore[1]) / 1e6;
            double dbQueued = (dbSchedAfter[1] - dbSchedBefore[1]) / 1e6;
            if (i >= 3 && !isCold && !atDraw) {
                warmQueued.add(queued);
                warmDbQueued.add(dbQueued);
                warmDbCpuNs.add((dbSchedAfter[0] - dbSchedBefore[0]) / 1e6);
                warmWithACore.add(ms - queued);
                warmWithCores.add(ms - queued - dbQueued);
            }
            if (i >= 3 && !isCold) {
                (atDraw ? factsAtDrawCpu : warmCpu).add(cpu);
                (atDraw ? factsAtDrawDbCpu : warmDbCpu).add(dbCpu);
            }
            long b = System.nanoTime();
            jdbc.sql("select member_id from expert_library order by member_id").query(UUID.class).list();
            selectIds.add((System.nanoTime() - b) / 1e6);
            if (i >= 3) {
                (isCold ? cold : atDraw ? factsAtDraw : warm).add(ms);
            }
        }
        if (traced.isEmpty()) {
            traced = trace.draws();
        }
        trace.close();
        String json = jdbc.sql("select record from expert_draw where id = ?").param(last.draw()).query(String.class).single();
        byte[] poolFile = pools.file(new LotId(lots.get(lots.size() - 1))).orElseThrow();
        SignedDrawRecord signed = SignedDrawRecord.parse(json);
        // selection step alone: the same pool, exclusions and seed; indexed as the draw runs it, and without the index
        DrawPool pool = DrawPool.parse(poolFile);
        System.out.printf("last draw: pool %,d (file %,d bytes, %s, %,d marked not qualified), record %s: excluded %,d, "
                + "members %d, reserves %d, record %,d bytes%n", last.pool(), poolFile.length, pool.type(),
                pool.unqualified().cardinality(), signed.record().type(), last.excluded(), last.members(), last.reserves(),
                json.getBytes(StandardCharsets.UTF_8).length);
        pool.index(signed.record().groups());
        BitSet excluded = pool.positions(signed.record().excludedExperts());
        Set<String> excludedIds = signed.record().excludedExperts();
        byte[] seed = HexFormat.of().parseHex(signed.record().seed());
        List<Double> selection = new ArrayList<>();
        List<Double> selectionCpu = new ArrayList<>();
        List<Double> unindexed = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            DrawAlgorithm.Outcome outcome = DrawAlgorithm.draw(seed, signed.record().groups(), pool, excluded);
            long e = System.nanoTime();
            long ce = THREADS.getCurrentThreadCpuTime();
            if (!outcome.members().equals(signed.record().members())) {
                throw new IllegalStateException("selection differs from the record");
            }
            if (i >= 200) {
                selection.add((e - s) / 1e6);
                selectionCpu.add((ce - c) / 1e6);
            }
            if (i % 10 == 0) {
                s = System.nanoTime();
                DrawAlgorithm.draw(seed, signed.record().groups(), pool.candidates(), excludedIds);
                if (i >= 200) {
                    unindexed.add((System.nanoTime() - s) / 1e6);
                }
            }
        }

        // draw-verify of the same record and pool file (parse both + signature + timestamp + replay), and the baseline
        List<Double> verify = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            long s = System.nanoTime();
            DrawVerifier.Report report = DrawVerifier.verify(SignedDrawRecord.parse(json), DrawPool.parse(poolFile),
                    List.of(trust.root()));
            long e = System.nanoTime();
            if (!report.valid()) {
                throw new IllegalStateException("record does not verify: " + report.problems());
            }
            long b = System.nanoTime();
            MessageDigest.getInstance("SHA-256").digest(poolFile);
            long be = System.nanoTime();
            if (i >= 3) {
                verify.add((e - s) / 1e6);
                baseline.add((be - b) / 1e6);
            }
        }
        double base = median(baseline);
        double ids = median(selectIds);
        System.out.printf("%n%-52s %9s %9s %9s %9s %10s %10s%n", "measure (ms)", "p50", "p90", "p99", "max", "÷ SHA-256",
                "÷ SELECT");
        print("baseline A: SHA-256 of the pool file", baseline, base, ids);
        print("baseline B: SELECT of the library's ids (JDBC)", selectIds, base, ids);
        print("selection step (indexed, as the draw runs it)", selection, base, ids);
        print("  the same, its thread's CPU time (on a core)", selectionCpu, base, ids);
        print("selection step without the group index", unindexed, base, ids);
        print("whole draw, pool and opening facts in memory", warm, base, ids);
        print("  its CPU: the draw's thread", warmCpu, base, ids);
        print("  its CPU: database processes (10 ms ticks)", warmDbCpu, base, ids);
        print("  its CPU: database processes (schedstat, ns)", warmDbCpuNs, base, ids);
        print("  waiting for a core: the draw's thread", warmQueued, base, ids);
        print("  waiting for a core: database processes", warmDbQueued, base, ids);
        print("  wall minus the thread's wait for a core", warmWithACore, base, ids);
        print("  wall minus every wait for a core", warmWithCores, base, ids);
        print("whole draw, pool in memory, facts read at the draw", factsAtDraw, base, ids);
        print("  its CPU: the draw's thread", factsAtDrawCpu, base, ids);
        print("  its CPU: database processes (10 ms ticks)", factsAtDrawDbCpu, base, ids);
        print("whole draw, pool and facts read from the database", cold, base, ids);
        print("pool freeze (at the deadline, not in the draw)", freeze, base, ids);
        print("facts at the opening (not in the draw)", atOpening, base, ids);
        print("draw-verify (parse, CMS, RFC 3161, replay)", verify, base, ids);
        breakdown(new LotId(lots.get(lots.size() - 1)), signed.record().canonicalBytes());
        DrawTrace.print(traced, 10);
        trace.printProfile();
        System.out.println("JFR recording of the warm draws: " + jfr);
        System.out.println("load average at end: " + loadAverage());
    }

    /** The draw's steps measured apart on the last lot (median of 10 runs each), to show where the time goes. */
    private void breakdown(LotId lot, byte[] canonical) throws Exception {
        var app = this.app;
        org.sunbid.expert.internal.LotFacts facts = app.getBean(org.sunbid.expert.internal.LotFacts.class);
        org.sunbid.expert.internal.LibraryStore library = app.getBean(org.sunbid.expert.internal.LibraryStore.class);
        org.sunbid.expert.internal.DrawStore drawStore = app.getBean(org.sunbid.expert.internal.DrawStore.class);
        CommitteePlan plan = plans.find(lot).orElseThrow();
        var l = facts.lot(plan.project(), lot);
        var bids = facts.openedBids(lot).orElseThrow();
        var parties = facts.parties(l, bids, plan.supervisingUscc());
        Map<String, java.util.concurrent.Callable<Object>> steps = new java.util.LinkedHashMap<>();
        steps.put("lot facts (project, lot)", () -> facts.lot(plan.project(), lot));
        steps.put("opened bids", () -> facts.openedBids(lot));
        steps.put("parties (registry, relations)", () -> facts.parties(l, bids, plan.supervisingUscc()));
        steps.put("credit (bans, bad records)", () -> List.of(facts.banned(), facts.badRecords()));
        steps.put("conflicts, leave", () -> List.of(library.conflictsWith(parties.bidderUsccs(), l.bidDeadline()),
                library.onLeave(l.openingAt(), l.openingAt().plusSeconds(86_400), l.bidDeadline())));
        steps.put("recent draws, this project's draws", () -> List.of(drawStore.askedBetween(
                l.bidDeadline().minusSeconds(30 * 86_400L), l.bidDeadline()), drawStore.drawnForProject(plan.project())));
        steps.put("frozen pool (in memory)", () -> freezing.frozen(plan, l.bidDeadline()));
        steps.put("CMS signature of the record", () -> new org.sunbid.signing.cms.CmsSigner(trust.documentSigner())
                .sign(canonical, true));
        steps.put("RFC 3161 token", () -> trust.timestamps().stamp(org.sunbid.signing.DigestAlgorithm.SHA256,
                MessageDigest.getInstance("SHA-256").digest(canonical)));
        System.out.printf("%nstep (ms, median of 10)%n");
        for (var step : steps.entrySet()) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long s = System.nanoTime();
                step.getValue().call();
                times.add((System.nanoTime() - s) / 1e6);
            }
            System.out.printf("  %-44s %9.2f%n", step.getKey(), median(times));
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;
    /** Whether a lot's freeze is collected before its draw ({@code -Dbench.settle=false}: as in round 7's first run). */
    private static final boolean SETTLE = Boolean.parseBoolean(System.getProperty("bench.settle", "true"));

    /**
     * This thread's {@code /proc/thread-self/schedstat}: [0] ns it ran on a core, [1] ns it was runnable but waited for
     * one (preempted or not yet scheduled). What the machine's other work costs the draw is the second figure.
     */
    private static long[] threadSched() {
        try {
            String[] f = Files.readString(Path.of("/proc/thread-self/schedstat")).strip().split(" ");
            return new long[] { Long.parseLong(f[0]), Long.parseLong(f[1]) };
        } catch (java.io.IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** The same summed over this PostgreSQL instance's processes (the postmaster's children). */
    private static long[] databaseSched(long postmaster) {
        long[] sum = new long[2];
        if (postmaster < 0) {
            return sum;
        }
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
            String[] stat = procStat(Long.parseLong(proc.getName()));
            if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                try {
                    String[] f = Files.readString(proc.toPath().resolve("schedstat")).strip().split(" ");
                    sum[0] += Long.parseLong(f[0]);
                    sum[1] += Long.parseLong(f[1]);
                } catch (java.io.IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        }
        return sum;
    }

    /** The embedded PostgreSQL's postmaster: the parent of this connection's backend. */
    private long postmaster() {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        String[] stat = procStat(backend);
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    /**
     * CPU time (user + system, in clock ticks) of every process of this PostgreSQL instance: the postmaster's children
     * (backends, WAL writer, checkpointer); the database's share of a draw, which the JVM's clocks do not see. The
     * machine is shared: only this instance's processes are counted.
     */
    private static long databaseTicks(long postmaster) {
        if (postmaster < 0) {
            return 0;
        }
        long ticks = 0;
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
            String[] stat = procStat(Long.parseLong(proc.getName()));
            if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            }
        }
        return ticks;
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime. */
    private static String[] procStat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private void inTransaction(Runnable work) {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> work.run());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void print(String what, List<Double> values, double base, double ids) {
        if (values.isEmpty()) {
            System.out.printf("%-52s %9s%n", what, "not run");
            return;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-52s %9.2f %9.2f %9.2f %9.2f %9.2fx %9.2fx%n", what, percentile(v, 50), percentile(v, 90),
                percentile(v, 99), v[v.length - 1], percentile(v, 50) / base, percentile(v, 50) / ids);
    }

    private static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private UUID company(Role role) {
        var form = MemberFixtures.company(role, "基准" + role.name() + UUID.randomUUID().toString().substring(0, 4),
                MemberFixtures.uscc(), MemberFixtures.idNumber(), null);
        UUID id = members.registerCompany(form, Map.of()).id();
        members.approve(id, null);
        return id;
    }

    private String uscc(UUID member) {
        return members.details(member).company().uscc();
    }

    /**
     * N experts in B0201 (region 330106), 5% without a senior title; 20 employed by each bidder, 10 by the tenderee, 10
     * by the supervising department; 50 conflicts declared against the bidders; 100 on leave at the openings; 100
     * invited three times this month; 20 banned and 20 with a published bad record.
     */
    private void library(int n, UUID tenderee, List<UUID> bidders, String department) {
        Instant admitted = Instant.now().minus(30, ChronoUnit.DAYS);
        jdbc.sql("""
                insert into expert_library (member_id, name, email, title, years, employer_uscc, region, specialties,
                    status, admitted_at, updated_at)
                select gen_random_uuid(), '专家' || g, null, case when g % 20 = 0 then 'INTERMEDIATE' else 'SENIOR' end,
                    10 + g % 20, '91330106' || lpad((g % 900000)::text, 9, '0') || 'X', '330106', '{B0201}', 'ACTIVE', ?, ?
                  from generate_series(1, ?) g""").params(ts(admitted), ts(admitted), n).update();
        List<UUID> ids = jdbc.sql("select member_id from expert_library order by member_id").query(UUID.class).list();
        int k = 0;
        for (UUID bidder : bidders) {
            k = employ(ids, k, 20, uscc(bidder));
        }
        k = employ(ids, k, 10, uscc(tenderee));
        k = employ(ids, k, 10, department);
        jdbc.sql("""
                insert into expert_library_version (member_id, version, valid_from, title, years, employer_uscc, region,
                    specialties, status)
                select member_id, 1, admitted_at, title, years, employer_uscc, region, specialties, status from expert_library""")
                .update();
        for (int i = 0; i < 50; i++) {
            jdbc.sql("insert into expert_conflict (id, member_id, uscc, reason, declared_at) values (?, ?, ?, '曾任顾问', ?)")
                    .params(UUID.randomUUID(), ids.get(k++), uscc(bidders.get(i % 3)), ts(admitted)).update();
        }
        for (int i = 0; i < 100; i++) {
            jdbc.sql("insert into expert_leave (id, member_id, starts_at, ends_at, reason, declared_at) values (?, ?, ?, ?, '出差', ?)")
                    .params(UUID.randomUUID(), ids.get(k++), ts(Instant.now().minus(3, ChronoUnit.DAYS)),
                            ts(Instant.now().plus(3, ChronoUnit.DAYS)), ts(admitted)).update();
        }
        UUID draw = UUID.randomUUID();
        jdbc.sql("""
                insert into expert_draw (id, lot_id, project_id, sequence, record, record_sha256, drawn_at)
                values (?, ?, ?, 0, '{}', repeat('0', 64), now())""").params(draw, UUID.randomUUID(), UUID.randomUUID()).update();
        for (int i = 0; i < 100; i++) {
            UUID expert = ids.get(k++);
            for (int j = 0; j < 3; j++) {
                jdbc.sql("""
                        insert into expert_seat (id, lot_id, project_id, draw_id, group_index, rank, expert_id, state,
                            invited_at) values (?, ?, ?, ?, 0, ?, ?, 'ACCEPTED', now() - interval '5 days')""")
                        .params(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), draw, j, expert).update();
            }
        }
        for (int i = 0; i < 20; i++) {
            credit.imposeBan(new CreditManagement.NewBan(ids.get(k++), null, BanKind.FRAUD, BanScope.ALL, "串通投标",
                    "《招标投标法实施条例》第六十七条", "某区公共资源交易监督管理局", LocalDate.now().minusDays(10),
                    LocalDate.now().plusYears(1), new CreditManagement.Document("d.txt", "text/plain", "决定书".getBytes(StandardCharsets.UTF_8))), org.sunbid.identity.AccountId.of(BENCH));
            credit.addRecord(new CreditManagement.NewRecord(ids.get(k++), org.sunbid.credit.CreditRecord.Kind.BAD,
                    org.sunbid.credit.CreditRecord.Severity.SERIOUS, "提供虚假材料", "《招标投标法实施条例》第六十八条",
                    "某区住房和城乡建设局", LocalDate.now().minusDays(10), LocalDate.now().minusDays(10), null,
                    new CreditManagement.Document("d.txt", "text/plain", "决定书".getBytes(StandardCharsets.UTF_8))), org.sunbid.identity.AccountId.of(BENCH));
        }
    }

    private int employ(List<UUID> ids, int from, int count, String uscc) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("update expert_library set employer_uscc = ? where member_id = ?").params(uscc, ids.get(from + i)).update();
        }
        return from + count;
    }

    /** A published project (bid deadline n seconds apart from the others) whose one lot was opened an hour ago. */
    private UUID openedLot(UUID tenderee, List<UUID> bidders, String department, int n) {
        Instant deadline = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS).minusSeconds(n);
        return OpenedLotRows.insert(jdbc, tenderee, bidders, department, deadline, "B0201", null, 7, 2)[1];
    }

    private static java.sql.Timestamp ts(Instant i) {
        return java.sql.Timestamp.from(i);
    }
}
