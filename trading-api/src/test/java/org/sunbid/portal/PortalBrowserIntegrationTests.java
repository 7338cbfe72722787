package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.search.SearchManagement;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;

/** The portal's frame and public search in a real headless Chromium. */
@BrowserTest
class PortalBrowserIntegrationTests {

    @Autowired
    NoticeManagement notices;

    @Autowired
    SearchManagement search;

    @Test
    void aPublicSearchShowsTheHighlightedMatchAndTheFacets(Browser browser) throws Exception {
        String marker = "玉泉" + UUID.randomUUID().toString().substring(0, 4);
        notices.publish(new NoticeDraft("portal:" + marker, NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(),
                "3301062026B" + String.format("%06d", Math.abs(marker.hashCode()) % 1_000_000), marker + "校区改造工程",
                "CONSTRUCTION", "OPEN", marker + "校区改造工程招标公告", "本项目为" + marker + "校区综合改造，欢迎投标。", "330106",
                List.of("B0201"), new BigDecimal("3200000.00"), "浙江大学", null, null, Instant.now().plusSeconds(86_400 * 25),
                Instant.now().plusSeconds(86_400 * 25 + 1800), List.of(), null));
        String query = URLEncoder.encode(marker, StandardCharsets.UTF_8);
        search.processOutbox();
        awaitIndexed(browser.base() + "/api/public/search?q=" + query);

        browser.open("/?q=" + query);
        browser.awaitText("#status", "共找到 1 条公告");
        assertThat(browser.find("#hits em").getText()).isEqualTo(marker);
        assertThat(browser.find("#facets").getText()).contains("工程建设 (1)");
        assertThat(browser.find("#hits a").getAttribute("href")).contains("/notice.html?id=N");
    }

    @Test
    void aStaffMemberSignsInAndSeesTheStaffNavigationThenSignsOut(Browser browser) {
        browser.open("/login.html");
        browser.type("#username", "admin").type("#password", "wrong-password-1");
        browser.click("#login button[type=submit]");
        assertThat(browser.await(".field-error, #login-status .error").getText()).isNotBlank();

        browser.signIn("admin", "Admin@Sunbid2026");
        assertThat(browser.find("header nav").getText()).contains("会员审核");
        browser.click("#sign-out");
        browser.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("header nav a[href='/login.html']")).isEmpty());
        assertThat(browser.script("return sessionStorage.getItem('sunbid.session')")).isNull();
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
}
