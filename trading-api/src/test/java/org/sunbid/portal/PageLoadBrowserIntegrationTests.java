package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sunbid.support.Api;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * Pages as served (versioned files, import map, module and bundle preloads) against the same pages as written
 * ({@code ?assets=plain}), in one headless Chromium: the sequential round trips before the page's own files are all in
 * (waves of requests, each able to start only once an earlier one ended), and what a second visit still asks the
 * network for. The figures are printed (docs/benchmarks.md keeps a run's).
 */
@BrowserTest
class PageLoadBrowserIntegrationTests {

    /** Requests to the application in waves: a request's wave is one more than the latest wave that ended before it began. */
    private static final String MEASURE = """
            const nav = performance.getEntriesByType('navigation')[0];
            const own = performance.getEntriesByType('resource').filter((r) => new URL(r.name).origin === location.origin)
              .sort((a, b) => a.startTime - b.startTime);
            const done = [];
            let assetWaves = 1; let allWaves = 1; let network = nav.transferSize > 0 ? 1 : 0; let bytes = nav.transferSize;
            for (const r of own) {
              // the page itself is every request's root (wave 1), even one its parser found before it had all arrived
              const wave = 1 + Math.max(1, ...done.filter((d) => d.end <= r.startTime + 1).map((d) => d.wave));
              done.push({ end: r.responseEnd, wave });
              allWaves = Math.max(allWaves, wave);
              if (!r.name.includes('/api/')) { assetWaves = Math.max(assetWaves, wave); }
              if (r.transferSize > 0) { network++; bytes += r.transferSize; }
            }
            return JSON.stringify({ requests: own.length + 1, assetWaves, allWaves, network, bytes });""";

    record Load(int requests, int assetWaves, int allWaves, int network, long bytes) {
        static Load of(JsonNode n) {
            return new Load(n.get("requests").asInt(), n.get("assetWaves").asInt(), n.get("allWaves").asInt(),
                    n.get("network").asInt(), n.get("bytes").asLong());
        }
    }

    private static Load load(Browser browser, String path) throws Exception {
        browser.open(path);
        browser.until(d -> !browser.await("h1").getText().isBlank() && Boolean.TRUE.equals(browser.script(
                "return document.readyState === 'complete' && !document.body.innerText.includes('加载中')")));
        // let late requests (API calls after the bundles) finish before measuring
        String[] last = { "" };
        browser.until(d -> {
            String now = String.valueOf(browser.script("return performance.getEntriesByType('resource').length"));
            boolean settled = now.equals(last[0]);
            last[0] = now;
            return settled;
        });
        return Load.of(Api.JSON.readTree((String) browser.script(MEASURE)));
    }

    @Test
    void servedPagesNeedFewerSequentialRoundTripsAndAlmostNoRequestsOnASecondVisit(Browser browser) throws Exception {
        ChromeDriver chromium = (ChromeDriver) browser.driver();
        for (String page : List.of("/credit.html", "/verify.html")) {
            Map<String, Load> figures = new java.util.LinkedHashMap<>();
            for (String variant : List.of("plain", "served")) {
                String path = variant.equals("plain") ? page + "?assets=plain" : page;
                chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
                figures.put(variant + " first visit", load(browser, path));
                figures.put(variant + " second visit", load(browser, path));
            }
            figures.forEach((what, load) -> System.out.printf("page-load %s %s: %s%n", page, what, load));
            Load plainFirst = figures.get("plain first visit");
            // Waves are read from timings: a busy machine can delay a request until an unrelated one has ended, which
            // only ever adds waves (a file that needs another cannot start before that one ends). So the plain page's
            // figure is never below its true depth, and the served page is cold-loaded again, up to four more times,
            // until one visit shows its own depth.
            int servedWaves = figures.get("served first visit").assetWaves();
            for (int retry = 0; retry < 4 && servedWaves >= plainFirst.assetWaves(); retry++) {
                chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
                Load again = load(browser, page);
                System.out.printf("page-load %s served first visit (again): %s%n", page, again);
                servedWaves = Math.min(servedWaves, again.assetWaves());
            }
            assertThat(servedWaves).as(page + " round trips for its files").isLessThan(plainFirst.assetWaves());
            assertThat(figures.get("served second visit").network()).as(page + " second visit")
                    .isLessThan(figures.get("plain second visit").network());
        }
    }
}
