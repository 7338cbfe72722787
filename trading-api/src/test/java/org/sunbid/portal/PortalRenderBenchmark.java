package org.sunbid.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Not a test: loads portal pages of a running Sunbid in headless Chromium and prints, per page, the median of N loads
 * (cold cache and warm cache): first contentful paint, the time until the page's content is drawn (a selector that
 * appears only when the data arrived), DOMContentLoaded, and the page weight (requests, bytes on the wire, bytes
 * decoded; whether ECharts was loaded). Usage (base URL and loads as system properties):
 * {@code java -cp … -Dbase=http://127.0.0.1:8080 -Dloads=5 org.sunbid.portal.PortalRenderBenchmark}.
 */
public final class PortalRenderBenchmark {

    /** Records when a selector first matches, from the very start of the document. */
    static final String WATCH = """
            window.__ready = {};
            (function () {
              const watch = { '#latest-tenders li.card': 'home', '#hits > li': 'search' };
              const check = () => {
                for (const [css, name] of Object.entries(watch)) {
                  if (!window.__ready[name] && document.querySelector(css)) { window.__ready[name] = performance.now(); }
                }
              };
              new MutationObserver(check).observe(document, { childList: true, subtree: true });
            })();
            """;

    record Page(String name, String path) {
    }

    /**
     * Fills a running platform's database with {@code n} synthetic notices (one SQL statement; every tenth with
     * attachment text as publication would have extracted it).
     */
    static void fill(String base, int n) throws Exception {
        String url = System.getProperty("jdbc");
        String password = Files.readString(Path.of(System.getProperty("passwordFile"))).strip();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", password);
                java.sql.Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("alter table notice disable trigger notice_immutable");
            s.executeUpdate(FILL.replace("%d", Integer.toString(n))); // not formatted(): the SQL has its own % (modulo)
            s.executeUpdate("""
                    insert into search_attachment_text (notice_id, text, documents, extracted_at)
                    select id, case when seq % 10 = 0 then repeat(title || ' 技术规格书 设备须为全新未使用产品 质量标准为合格 ', 40)
                    else '' end, case when seq % 10 = 0 then 1 else 0 end, now()
                    from notice where idempotency_key like 'bench:%' on conflict do nothing
                    """);
            s.execute("alter table notice enable trigger notice_immutable");
            System.out.printf(Locale.ROOT, "filled %d notices in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Rebuilds the running platform's search index through the admin API and prints how long it took. */
    static void rebuild(String base) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"Admin@Sunbid2026\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String token = login.replaceAll("(?s).*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        long start = System.nanoTime();
        String rebuilt = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/admin/search/rebuild"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofHours(2))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        System.out.printf(Locale.ROOT, "rebuild through the admin API: %s in %.1f s%n", rebuilt, (System.nanoTime() - start) / 1e9);
    }

    /** N notices of Hangzhou districts, kinds and works, as the search benchmark makes them, in one statement. */
    static final String FILL = """
            insert into notice (id, public_id, idempotency_key, kind, project_id, transaction_code, project_name,
                project_type, procedure, title, body, region_code, classification_codes, amount, tenderee, winner,
                bid_deadline, opening_at, lots, published_at)
            select gen_random_uuid(), 'NB' || g, 'bench:' || g, k.kind, md5('bench-project-' || (g / 3))::uuid,
                '3301062026B' || lpad(g::text, 7, '0'), t.title, case when g % 2 = 0 then 'CONSTRUCTION' else 'GOVERNMENT_PROCUREMENT' end,
                'OPEN', t.title || case when k.kind = 'AWARD' then '中标结果公告' else '招标公告' end,
                t.title || '。投标人须具备相应资质，评标办法为综合评估法，采用电子招标投标方式，项目预算已落实。' || chr(10)
                    || '招标人：' || d.name || '政府采购中心' || chr(10) || '采购方式：公开招标',
                d.code, array[(array['B0201','B0202','A0201','A0202','C01','C02','B01','A05'])[1 + g % 8]],
                (10000 + (g::bigint * 7919) % 50000000)::numeric, d.name || '政府采购中心',
                case when k.kind = 'AWARD' then '浙江宏远建设集团有限公司' end,
                now() + ((g % 60) - 20) * interval '1 day', now() + ((g % 60) - 20) * interval '1 day' + interval '30 minutes',
                '[]'::jsonb, now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second'
            from generate_series(1, %d) g
            cross join lateral (select (array['西湖区','上城区','拱墅区','滨江区','萧山区','余杭区','临平区','钱塘区','富阳区','临安区'])[1 + g % 10] as name,
                (array['330106','330102','330105','330108','330109','330110','330113','330114','330111','330112'])[1 + g % 10] as code) d
            cross join lateral (select (array['TENDER_ANNOUNCEMENT','TENDER_ANNOUNCEMENT','TENDER_ANNOUNCEMENT','CLARIFICATION','AWARD','AWARD','CANDIDATE_PUBLICITY','FAILED_TENDER'])[1 + (g / 7) % 8] as kind) k
            cross join lateral (select d.name || (array['文三路','学院路','中小学','人民医院','体育中心','污水处理厂','城市公园','政务服务中心','地铁站','图书馆','老旧小区','菜市场','养老院','数据中心','农贸市场'])[1 + (g / 11) % 15]
                || (array['道路改造工程','排水管网改造工程','计算机设备采购','物业管理服务','绿化养护服务','智慧教室设备采购','食堂设备采购','安防监控系统采购','屋面维修工程','消防设施改造工程','办公家具采购','信息化运维服务'])[1 + (g / 13) % 12] as title) t
            """;

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("base", "http://127.0.0.1:8080");
        if (System.getProperty("fill") != null) {
            fill(base, Integer.parseInt(System.getProperty("fill")));
        }
        if (Boolean.parseBoolean(System.getProperty("rebuild", Boolean.toString(System.getProperty("fill") != null)))) {
            rebuild(base);
        }
        if (!Boolean.parseBoolean(System.getProperty("pages", "true"))) {
            return;
        }
        int loads = Integer.parseInt(System.getProperty("loads", "5"));
        String q = java.net.URLEncoder.encode(System.getProperty("q", "道路改造"), java.nio.charset.StandardCharsets.UTF_8);
        List<Page> pages = List.of(new Page("home", "/"), new Page("search", "/search.html?q=" + q),
                new Page("search", "/search.html?q=" + q + "&kind=tender-announcement&region=330106&minAmount=100000"),
                new Page("search", "/search.html?sort=date"));
        System.out.printf(Locale.ROOT, "portal render: %s, %d loads per page and cache state, load average %s%n", base,
                loads, Files.readString(Path.of("/proc/loadavg")).strip());
        Path profile = Files.createTempDirectory("sunbid-render-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--window-size=1366,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
            driver.executeCdpCommand("Network.enable", Map.of());
            System.out.println();
            System.out.println("| page | cache | first contentful paint p50 / max | content drawn p50 / max | DOMContentLoaded p50 | "
                    + "slowest request p50 | requests | bytes on the wire | bytes decoded | ECharts |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (Page page : pages) {
                for (boolean cold : new boolean[] { true, false }) {
                    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", cold));
                    driver.get(base + page.path()); // one load first so a warm run has something cached
                    List<double[]> runs = new ArrayList<>();
                    for (int i = 0; i < loads; i++) {
                        runs.add(load(driver, base + page.path(), page.name()));
                    }
                    double[] m = quantile(runs, 0.5);
                    double[] max = quantile(runs, 1.0);
                    System.out.printf(Locale.ROOT, "| %s | %s | %.0f / %.0f ms | %.0f / %.0f ms | %.0f ms | %.0f ms | %.0f | %.0f B | %.0f B | %s |%n",
                            page.path(), cold ? "cold" : "warm", m[0], max[0], m[1], max[1], m[2], m[7], m[3], m[4], m[5],
                            max[6] > 0 ? "yes" : "no");
                    System.out.println("  slowest requests of the last load: " + slowest);
                }
            }
            System.out.printf(Locale.ROOT, "load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            driver.quit();
        }
    }

    /** The slowest requests of the last load (name and duration), for finding which one holds the page back. */
    static String slowest = "";

    /** fcp, content drawn, DOMContentLoaded, requests, transfer bytes, decoded bytes, echarts (0/1), slowest request. */
    static double[] load(ChromeDriver driver, String url, String name) {
        driver.get(url);
        Object ready = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> driver.executeScript("return window.__ready && window.__ready[arguments[0]] || null", name));
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) driver.executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const resources = performance.getEntriesByType('resource');
                return {
                  fcp: paint ? paint.startTime : -1,
                  dcl: nav.domContentLoadedEventEnd,
                  requests: resources.length + 1,
                  transfer: resources.reduce((s, r) => s + r.transferSize, nav.transferSize),
                  decoded: resources.reduce((s, r) => s + r.decodedBodySize, nav.decodedBodySize),
                  echarts: resources.some((r) => r.name.includes('echarts')) ? 1 : 0,
                  slowest: resources.reduce((m, r) => Math.max(m, r.duration), 0),
                  top: resources.slice().sort((a, b) => b.duration - a.duration).slice(0, 3)
                    .map((r) => Math.round(r.duration) + ' ms ' + r.name.replace(location.origin, '')).join(', '),
                };
                """);
        slowest = String.valueOf(facts.get("top"));
        return new double[] { number(facts.get("fcp")), ready == null ? -1 : number(ready), number(facts.get("dcl")),
                number(facts.get("requests")), number(facts.get("transfer")), number(facts.get("decoded")),
                number(facts.get("echarts")), number(facts.get("slowest")) };
    }

    static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : -1;
    }

    /** Per column, the value at quantile {@code q} of the loads (0.5 the median, 1.0 the maximum). */
    static double[] quantile(List<double[]> runs, double q) {
        double[] out = new double[runs.get(0).length];
        for (int k = 0; k < out.length; k++) {
            final int col = k;
            double[] values = runs.stream().mapToDouble(r -> r[col]).sorted().toArray();
            out[k] = values[Math.min(values.length - 1, (int) (q * values.length))];
        }
        return out;
    }
}
