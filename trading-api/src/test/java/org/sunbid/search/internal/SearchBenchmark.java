package org.sunbid.search.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchQuery;

/**
 * Not a test: loads N synthetic Chinese notices (fixed seed) into Lucene, Elasticsearch (when
 * SUNBID_TEST_ELASTICSEARCH_URIS is set) and an embedded PostgreSQL, then times the same fixed query mix on each
 * (single client thread) and prints index time, p50/p99 latency and QPS. Run with trading-api/bench/search.sh.
 */
public final class SearchBenchmark {

    static final String[] DISTRICTS = { "西湖区", "上城区", "拱墅区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区" };
    static final String[] REGIONS = { "330106", "330102", "330105", "330108", "330109", "330110", "330113", "330114", "330111", "330112" };
    static final String[] OBJECTS = { "文三路", "学院路", "中小学", "人民医院", "体育中心", "污水处理厂", "城市公园", "政务服务中心",
            "地铁站", "图书馆", "老旧小区", "菜市场", "养老院", "数据中心", "农贸市场" };
    static final String[] WORKS = { "道路改造工程", "排水管网改造工程", "计算机设备采购", "物业管理服务", "绿化养护服务", "智慧教室设备采购",
            "食堂设备采购", "安防监控系统采购", "屋面维修工程", "消防设施改造工程", "办公家具采购", "信息化运维服务" };
    static final String[] KINDS = { "TENDER_ANNOUNCEMENT", "TENDER_ANNOUNCEMENT", "TENDER_ANNOUNCEMENT", "CLARIFICATION",
            "AWARD", "AWARD", "CANDIDATE_PUBLICITY", "FAILED_TENDER" };
    static final String[] TYPES = { "CONSTRUCTION", "GOVERNMENT_PROCUREMENT" };
    static final String[] CLASSES = { "B0201", "B0202", "A0201", "A0202", "C01", "C02", "B01", "A05" };
    static final String[] PHRASES = { "投标人须具备相应资质", "本项目接受联合体投标", "投标截止时间前递交电子投标文件", "评标办法为综合评估法",
            "资金来源为财政资金", "质保期三年", "服务期限一年", "供应商须提供售后服务方案", "项目预算已落实", "施工工期一百八十日历天",
            "合同履行地点为采购人指定地点", "中标人须按时签订合同", "采用电子招标投标方式", "不接受进口产品", "须提供近三年类似业绩" };
    static final String[] COMPANIES = { "浙江宏远建设集团有限公司", "杭州数码科技有限公司", "宁波甬信软件有限公司", "浙江华信物业服务有限公司",
            "杭州园林绿化股份有限公司", "温州瓯江建设有限公司" };
    static final String[] QUERIES = { "道路改造", "计算机 采购", "物业管理", "排水管网", "智慧教室", "安防监控", "绿化养护", "屋面维修",
            "消防设施", "办公家具", "文三路", "人民医院 改造", "信息化运维", "食堂设备", "综合评估法" };

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("n", "100000"));
        int queries = Integer.parseInt(System.getProperty("queries", "1000"));
        Set<String> engines = Set.of(System.getProperty("engines", "lucene,elasticsearch,postgresql").split(","));
        String es = System.getenv("SUNBID_TEST_ELASTICSEARCH_URIS");
        System.out.printf(Locale.ROOT, "search benchmark: N=%d notices, %d timed queries (+%d warm-up), single client thread, seed 42%n",
                n, queries, queries / 5);
        Iterable<SearchDocument> docs = generate(n);
        boolean rebuildUnderLoad = Boolean.parseBoolean(System.getProperty("rebuild", "false"));
        System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        List<SearchQuery> mix = queryMix(queries + queries / 5);
        List<String> rows = new ArrayList<>();

        if (engines.contains("lucene")) {
            String kept = System.getProperty("lucene.dir");
            Path folder = kept != null ? Path.of(kept) : Files.createTempDirectory("sunbid-bench-lucene");
            try (SearchIndex lucene = new LuceneSearchIndex(folder)) {
                rows.add(run("Lucene 9.12 (embedded)", lucene, docs, n, mix, queries));
                System.out.printf(Locale.ROOT, "Lucene: %s on disk, %s%n", megabytes(size(folder)), heap());
                if (rebuildUnderLoad) {
                    rows.add(duringRebuild("Lucene during a rebuild (same queries, second thread rebuilding)", lucene,
                            docs, mix, queries));
                }
            }
        }
        if (!engines.contains("elasticsearch")) {
            // not requested
        } else if (es != null && !es.isBlank()) {
            List<URI> uris = Arrays.stream(es.split(",")).map(String::strip).map(URI::create).toList();
            String kept = System.getProperty("es.index");
            try (ElasticsearchSearchIndex index = new ElasticsearchSearchIndex(uris,
                    kept != null ? kept : "sunbid-bench-" + UUID.randomUUID())) {
                try {
                    serverTimed = true;
                    rows.add(run("Elasticsearch 9 (single node, " + System.getProperty("esHeap", "512 MB") + " heap)",
                            index, docs, n, mix, queries));
                } finally {
                    serverTimed = false;
                    if (kept == null) {
                        index.drop();
                    }
                }
            }
        } else {
            rows.add("| Elasticsearch | skipped: SUNBID_TEST_ELASTICSEARCH_URIS not set | | | |");
        }
        if (engines.contains("postgresql")) {
            rows.add(postgres(docs, mix, queries));
        }

        System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
        System.out.println();
        System.out.println("| engine | index time | p50 | p99 | QPS |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Sentences of a tender's technical specification, the text PDFBox extracts from its PDF attachments. */
    static final String[] SPEC = { "技术参数应满足国家现行标准", "设备须为全新未使用产品", "供货周期不超过三十日", "提供原厂授权书",
            "施工组织设计应包括进度计划", "质量标准为合格", "安全文明施工措施费不可竞争", "工程量清单详见附件", "主要材料品牌推荐表",
            "售后服务响应时间不超过两小时", "验收按采购文件和合同执行", "付款方式为按进度支付" };

    /**
     * The N notices, made again on each pass from seed 42 (never all in memory: a million notices with attachments
     * would not fit a small heap). Every tenth notice carries about 2,000 characters of attachment text.
     */
    static Iterable<SearchDocument> generate(int n) {
        return () -> new java.util.Iterator<>() {
            private final Random r = new Random(42);
            private final Random text = new Random(4242);
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public SearchDocument next() {
                return document(i++, r, text);
            }
        };
    }

    static SearchDocument document(int i, Random r, Random text) {
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        int d = r.nextInt(DISTRICTS.length);
        String work = WORKS[r.nextInt(WORKS.length)];
        String kind = KINDS[r.nextInt(KINDS.length)];
        String title = DISTRICTS[d] + OBJECTS[r.nextInt(OBJECTS.length)] + work + (kind.equals("AWARD") ? "中标结果公告" : "招标公告");
        StringBuilder body = new StringBuilder(title).append("。");
        for (int p = 0; p < 6; p++) {
            body.append(PHRASES[r.nextInt(PHRASES.length)]).append("，");
        }
        String winner = kind.equals("AWARD") ? COMPANIES[r.nextInt(COMPANIES.length)] : null;
        BigDecimal amount = BigDecimal.valueOf(10_000 + r.nextInt(50_000_000), 0).setScale(2);
        Instant published = t0.plusSeconds(r.nextInt(365 * 86_400));
        StringBuilder attachments = new StringBuilder();
        if (i % 10 == 0) {
            attachments.append(title).append(" 技术规格书\n");
            while (attachments.length() < 2000) {
                attachments.append(SPEC[text.nextInt(SPEC.length)]).append("。")
                        .append(OBJECTS[text.nextInt(OBJECTS.length)]).append(WORKS[text.nextInt(WORKS.length)]).append("；");
            }
        }
        return new SearchDocument("b" + i, "NB" + i, kind, TYPES[r.nextInt(TYPES.length)], REGIONS[d],
                List.of(CLASSES[r.nextInt(CLASSES.length)]), amount, published, DISTRICTS[d] + "政府采购中心", null, winner,
                title, body.toString(), false, "p" + (i / 3), DISTRICTS[d] + "政府采购中心 公开招标", attachments.toString(),
                published.plusSeconds(20 * 86_400L), published.plusSeconds(20 * 86_400L + 1800));
    }

    /** Half plain full text, half full text plus one or two filters; all sorted by relevance, 20 per page. */
    static List<SearchQuery> queryMix(int count) {
        Random r = new Random(7);
        List<SearchQuery> mix = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SearchQuery.Builder b = SearchQuery.builder().text(QUERIES[r.nextInt(QUERIES.length)]).size(20);
            switch (i % 4) {
                case 1 -> b.kinds(Set.of("AWARD"));
                case 2 -> b.region(REGIONS[r.nextInt(REGIONS.length)]).minAmount(BigDecimal.valueOf(1_000_000));
                case 3 -> b.from(Instant.parse("2025-03-01T00:00:00Z")).to(Instant.parse("2025-09-01T00:00:00Z"))
                        .kinds(Set.of("TENDER_ANNOUNCEMENT"));
                default -> { }
            }
            mix.add(b.build());
        }
        return mix;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static long size(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /** Heap in use after a full collection (what the index keeps), and the maximum. */
    static String heap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return "heap used after GC " + megabytes(rt.totalMemory() - rt.freeMemory()) + " of max " + megabytes(rt.maxMemory());
    }

    /**
     * The embedded index while it is rebuilt from scratch on another thread: every query must still answer (from the
     * content before the rebuild), timed as the normal run.
     */
    static String duringRebuild(String name, SearchIndex index, Iterable<SearchDocument> docs, List<SearchQuery> mix,
            int timed) throws Exception {
        long before = index.count();
        java.util.concurrent.atomic.AtomicLong emptyAnswers = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        Thread rebuild = new Thread(() -> index.rebuild(docs), "rebuild");
        rebuild.start();
        Timing t = time(mix, timed, q -> {
            if (index.search(q).total() == 0) {
                emptyAnswers.incrementAndGet();
            }
        });
        boolean overlapped = rebuild.isAlive();
        rebuild.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d notices before, %d after; queries overlapped the rebuild: %s; "
                + "answers with no hit: %d; rebuild took %.1f s%n", name, before, index.count(), overlapped,
                emptyAnswers.get(), seconds);
        return name(name, seconds, t);
    }

    /**
     * Builds the index (or reuses one a previous invocation built and kept: {@code -Dlucene.dir}, {@code -Des.index},
     * when it already holds the N notices), then times the queries unless {@code -DbuildOnly=true}. Building and
     * querying in separate invocations lets the two engines' builds overlap and their queries run back to back.
     */
    static String run(String name, SearchIndex index, Iterable<SearchDocument> docs, int n, List<SearchQuery> mix,
            int timed) {
        double indexSeconds = Double.NaN;
        if (index.count() == n) {
            System.out.printf(Locale.ROOT, "%s: reusing the %d notices an earlier invocation indexed%n", name, n);
        } else {
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            index.rebuild(docs);
            indexSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: indexed %d in %.1f s (this JVM's CPU during the build: %.1f s)%n", name,
                    index.count(), indexSeconds, (processCpuNanos() - cpu) / 1e9);
        }
        if (Boolean.getBoolean("buildOnly")) {
            return String.format(Locale.ROOT, "| %s | %.1f s | (build only) | | |", name, indexSeconds);
        }
        return name(name, indexSeconds, time(mix, timed, q -> index.search(q)));
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String postgres(Iterable<SearchDocument> docs, List<SearchQuery> mix, int timed) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_notice (id text primary key, kind text, region text, amount numeric(18,2),"
                        + " published timestamptz, title text, body text)");
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into bench_notice values (?,?,?,?,?,?,?)")) {
                int i = 0;
                for (SearchDocument d : docs) {
                    ps.setString(1, d.id());
                    ps.setString(2, d.kind());
                    ps.setString(3, d.regionCode());
                    ps.setBigDecimal(4, d.amount());
                    ps.setTimestamp(5, Timestamp.from(d.publishedAt()));
                    ps.setString(6, d.title());
                    ps.setString(7, d.body());
                    ps.addBatch();
                    if (++i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze bench_notice");
            }
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "PostgreSQL ILIKE: loaded in %.1f s%n", indexSeconds);
            return name("PostgreSQL 17 ILIKE baseline (no index)", indexSeconds, time(mix, timed, q -> {
                StringBuilder sql = new StringBuilder("select id, title from bench_notice where true");
                List<Object> params = new ArrayList<>();
                for (String piece : QueryText.pieces(q.text())) {
                    sql.append(" and (title ilike ? or body ilike ?)");
                    String like = "%" + piece.replace("%", "\\%").replace("_", "\\_") + "%";
                    params.add(like);
                    params.add(like);
                }
                if (!q.kinds().isEmpty()) {
                    sql.append(" and kind = ?");
                    params.add(q.kinds().iterator().next());
                }
                q.region().ifPresent(rg -> { sql.append(" and region like ?"); params.add(Cursors.regionPrefix(rg) + "%"); });
                q.minAmount().ifPresent(a -> { sql.append(" and amount >= ?"); params.add(a); });
                q.from().ifPresent(f -> { sql.append(" and published >= ?"); params.add(Timestamp.from(f)); });
                q.to().ifPresent(t -> { sql.append(" and published <= ?"); params.add(Timestamp.from(t)); });
                sql.append(" order by published desc limit 20");
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(2);
                        }
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    record Timing(double p50, double p99, double qps) {
    }

    /**
     * Wall time per query (what a visitor waits), and CPU time: the client thread's per query, and for an engine in
     * another process ({@code -Des.pid}) that process's CPU over all the timed queries, per query. On a shared machine
     * the wall time includes waiting for a core; the CPU time does not.
     */
    static Timing time(List<SearchQuery> mix, int timed, Consumer<SearchQuery> query) {
        int warm = mix.size() - timed;
        for (int i = 0; i < warm; i++) {
            query.accept(mix.get(i));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[timed];
        long[] cpu = new long[timed];
        long serverCpu = serverCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            query.accept(mix.get(warm + i));
            nanos[i] = System.nanoTime() - t;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long server = serverCpuNanos() - serverCpu;
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "  client thread CPU per query: p50 %.2f ms, p99 %.2f ms, mean %.2f ms%s; "
                + "load average now %s%n", cpu[timed / 2] / 1e6, cpu[(int) Math.ceil(timed * 0.99) - 1] / 1e6,
                Arrays.stream(cpu).average().orElse(0) / 1e6, serverCpu < 0 ? "" : String.format(Locale.ROOT,
                        "; server process CPU per query (mean): %.2f ms", server / 1e6 / timed), loadAverage());
        return new Timing(nanos[timed / 2] / 1e6, nanos[(int) Math.ceil(timed * 0.99) - 1] / 1e6, timed / seconds);
    }

    /** CPU time of the process named by {@code -Des.pid} (user + system, from /proc), or -1. */
    static long serverCpuNanos() {
        String pid = System.getProperty("es.pid");
        if (pid == null || !serverTimed) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // clock ticks of 10 ms
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Set while the engine in the other process is the one being timed. */
    static volatile boolean serverTimed;

    static String name(String engine, double indexSeconds, Timing t) {
        String built = Double.isNaN(indexSeconds) ? "reused" : String.format(Locale.ROOT, "%.1f s", indexSeconds);
        String row = String.format(Locale.ROOT, "| %s | %s | %.2f ms | %.2f ms | %.0f |", engine, built, t.p50(),
                t.p99(), t.qps());
        System.out.println(row);
        return row;
    }
}
