package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.support.TemporaryDataDirectory;

/**
 * The public search page in a real headless Chromium: the page's JavaScript calls the API and shows the highlighted
 * match. Skipped, with a printed reason, where no Chromium is installed ({@code .ci/setup.sh} installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
class PortalBrowserIntegrationTests {

    static Path chromium;

    @LocalServerPort
    int port;

    @Autowired
    NoticeManagement notices;

    @Autowired
    org.sunbid.search.SearchManagement search;

    @BeforeAll
    static void findChromium() {
        chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            System.out.println("SKIPPED PortalBrowserIntegrationTests: no Chromium installed (apt-get install chromium)");
        }
        assumeTrue(chromium != null, "no Chromium installed");
    }

    @Test
    void aPublicSearchShowsTheHighlightedMatchAndTheFacets() throws Exception {
        String marker = "玉泉" + UUID.randomUUID().toString().substring(0, 4);
        notices.publish(new NoticeDraft("portal:" + marker, NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(),
                "3301062026B" + String.format("%06d", Math.abs(marker.hashCode()) % 1_000_000), marker + "校区改造工程",
                "CONSTRUCTION", "OPEN", marker + "校区改造工程招标公告", "本项目为" + marker + "校区综合改造，欢迎投标。", "330106",
                List.of("B0201"), new BigDecimal("3200000.00"), "浙江大学", null, null, Instant.now().plusSeconds(86_400 * 25),
                Instant.now().plusSeconds(86_400 * 25 + 1800), List.of(), null));
        String query = URLEncoder.encode(marker, StandardCharsets.UTF_8);
        search.processOutbox();
        awaitIndexed("http://127.0.0.1:" + port + "/api/public/search?q=" + query);

        String dom = dumpDom("http://127.0.0.1:" + port + "/?q=" + query);
        assertThat(dom).contains("共找到 1 条公告");
        assertThat(dom).contains("<em>" + marker + "</em>");
        assertThat(dom).contains("工程建设 (1)");
        assertThat(dom).contains("href=\"/notice.html?id=N");
    }

    private void awaitIndexed(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.body().contains("\"total\":1")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the notice was not indexed within 30 s");
    }

    private String dumpDom(String url) throws Exception {
        Path profile = Files.createTempDirectory("sunbid-chromium-");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", url));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish");
        }
        String dom = out.toString(StandardCharsets.UTF_8);
        Path target = Path.of("target", "portal");
        Files.createDirectories(target);
        Files.writeString(target.resolve("search.html"), dom);
        return dom;
    }
}
