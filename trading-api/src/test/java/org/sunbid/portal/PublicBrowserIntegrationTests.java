package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.credit.BanKind;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditManagement;
import org.sunbid.credit.CreditRecord;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.search.SearchManagement;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;

/** The public pages in a real headless Chromium: home, search, notice, credit lists and verification. */
@BrowserTest
class PublicBrowserIntegrationTests {

    @Autowired
    NoticeManagement notices;

    @Autowired
    SearchManagement search;

    @Autowired
    DocumentManagement documents;

    @Autowired
    CreditManagement credit;

    @Autowired
    org.sunbid.member.MemberSetup members;

    @Autowired
    org.sunbid.platform.PlatformTrust trust;

    @TempDir
    Path dir;

    /** A fresh marker word no other notice contains, so counts are exact. */
    static String marker(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 4);
    }

    static String transactionCode() {
        return "3301062026B" + String.format("%06d", (int) (Math.random() * 1_000_000));
    }

    Notice publish(String marker, NoticeKind kind, UUID project, String code, String type, String winner, List<NoticeDraft.NoticeLot> lots) {
        String title = marker + (kind == NoticeKind.AWARD ? "项目中标结果公告" : "项目招标公告");
        return notices.publish(new NoticeDraft("portal:" + marker + ":" + kind + ":" + UUID.randomUUID(), kind, project, code, marker + "项目",
                type, "OPEN", title, "本项目为" + marker + "综合改造，欢迎投标。", "330106", List.of("B0201"),
                new BigDecimal("3200000.00"), "浙江大学", null, winner, Instant.now().plusSeconds(86_400 * 25),
                Instant.now().plusSeconds(86_400 * 25 + 1800), lots, null));
    }

    void indexed(Browser browser, String query, int total) {
        HttpClient http = HttpClient.newHttpClient();
        URI url = URI.create(browser.base() + "/api/public/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        Awaitility.await("the notices indexed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    search.processOutbox(); // the outbox row may be written after publish() returns (an event listener)
                    return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body();
                }, body -> body.contains("\"total\":" + total + ","));
    }

    @Test
    void anOldSearchLinkLeadsToTheSearchPageWhereAFacetFilterKeepsTheHighlightedMatch(Browser browser) throws Exception {
        String marker = marker("玉泉");
        publish(marker, NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(), transactionCode(), "CONSTRUCTION", null, List.of());
        publish(marker, NoticeKind.AWARD, UUID.randomUUID(), transactionCode(), "GOVERNMENT_PROCUREMENT", "杭州江南建设有限公司", List.of());
        indexed(browser, marker, 2);
        String query = URLEncoder.encode(marker, StandardCharsets.UTF_8);

        browser.open("/?q=" + query);
        browser.until(d -> d.getCurrentUrl().contains("/search.html?q="));
        browser.awaitText("#status", "共找到 2 条公告");
        assertThat(browser.find("#facets").getText()).contains("工程建设 (1)").contains("政府采购 (1)");
        assertThat(browser.find("#csv").getAttribute("href")).contains("/api/public/search.csv?q=" + query);

        browser.click("#facets button[data-field=projectType][data-value=CONSTRUCTION]");
        browser.awaitText("#status", "共找到 1 条公告");
        assertThat(browser.driver().getCurrentUrl()).contains("projectType=CONSTRUCTION").contains("q=" + query);
        assertThat(browser.find("#hits em").getText()).isEqualTo(marker);
        assertThat(browser.find("#hits a").getAttribute("href")).contains("/notice.html?id=N");
        assertThat(browser.find("#facets button[data-value=CONSTRUCTION]").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.find("#active").getText()).contains("项目类型：工程建设");
        // the card: stage, time left to the deadline, amount in 万元, region by name
        assertThat(browser.find("#hits .meta").getText()).contains("正在报名").contains("320 万元")
                .contains("浙江省杭州市西湖区").doesNotContain("330106");
        assertThat(browser.find("#hits .deadline").getText()).containsPattern("投标截止 .*（剩余 2[45] 天 \\d+ 小时）");

        // the filter form: award notices only, sorted by amount; the state is a deep link that reloads the same way
        browser.click("#active .chip");
        browser.awaitText("#status", "共找到 2 条公告");
        browser.click("#more-filters summary");
        new org.openqa.selenium.support.ui.Select(browser.find("#kind")).selectByValue("award");
        new org.openqa.selenium.support.ui.Select(browser.find("#region")).selectByVisibleText("杭州市西湖区");
        browser.click("#submit");
        browser.awaitText("#status", "共找到 1 条公告");
        assertThat(browser.find("#hits .meta").getText()).contains("中标结果公告").contains("杭州江南建设有限公司")
                .contains("已定标");
        assertThat(browser.find("#active").getText()).contains("浙江省杭州市西湖区");
        String deepLink = browser.driver().getCurrentUrl();
        assertThat(deepLink).contains("kind=award").contains("region=330106");
        browser.open(deepLink.substring(browser.base().length()));
        browser.awaitText("#status", "共找到 1 条公告");
        assertThat(browser.find("#kind").getAttribute("value")).isEqualTo("award");
    }

    @Test
    void resultsPageByNumberAndBySearchAfterCursorAsDeepLinks(Browser browser) throws Exception {
        String marker = marker("钱塘");
        for (int i = 0; i < 23; i++) {
            publish(marker, NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(), transactionCode(), "CONSTRUCTION", null, List.of());
        }
        indexed(browser, marker, 23);
        String query = URLEncoder.encode(marker, StandardCharsets.UTF_8);

        browser.open("/search.html?q=" + query + "&sort=date");
        browser.awaitText("#status", "共找到 23 条公告");
        assertThat(browser.findAll("#hits > li")).hasSize(20);
        String firstOfPageOne = browser.find("#hits a").getAttribute("href");
        assertThat(browser.find("#pager a[aria-current=page]").getText()).isEqualTo("1");
        browser.click("#pager a[rel=next]");
        browser.until(d -> d.findElements(By.cssSelector("#hits > li")).size() == 3);
        assertThat(browser.driver().getCurrentUrl()).contains("page=2").contains("sort=date");
        assertThat(browser.find("#pager a[aria-current=page]").getText()).isEqualTo("2");
        assertThat(browser.findAll("#hits a").stream().map(a -> a.getAttribute("href"))).doesNotContain(firstOfPageOne);

        // the same second page through the search-after cursor, as pages beyond the 10 000-hit window are reached
        String first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base()
                + "/api/public/search?sort=date&size=20&q=" + query)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String cursor = tools.jackson.databind.json.JsonMapper.builder().build().readTree(first).get("next").asText();
        browser.open("/search.html?q=" + query + "&sort=date&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&n=2");
        browser.until(d -> d.findElements(By.cssSelector("#hits > li")).size() == 3);
        assertThat(browser.find("#pager").getText()).contains("第 2 页").contains("回到第一页");
        assertThat(browser.findAll("#hits a").stream().map(a -> a.getAttribute("href"))).doesNotContain(firstOfPageOne);

        // asking for test projects too is part of the deep link, the CSV link and the active filters
        browser.open("/search.html?q=" + query + "&sort=date&includeTests=true");
        browser.awaitText("#status", "共找到 23 条公告");
        assertThat(browser.find("#csv").getAttribute("href")).contains("includeTests=true");
        assertThat(browser.find("#active").getText()).contains("测试项目").contains("一并显示");
    }

    @Test
    void theSearchPageWorksWithTheKeyboardAlone(Browser browser) throws Exception {
        String marker = marker("玉泉");
        publish(marker, NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(), transactionCode(), "CONSTRUCTION", null, List.of());
        publish(marker, NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(), transactionCode(), "STATE_PROPERTY", null, List.of());
        indexed(browser, marker, 2);

        browser.open("/search.html");
        browser.await("#q");
        Actions keys = new Actions(browser.driver());
        tabUntil(browser, keys, "#q");
        keys.sendKeys(marker).sendKeys(Keys.ENTER).perform();
        browser.awaitText("#status", "共找到 2 条公告");
        assertThat(browser.driver().getCurrentUrl()).contains("q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));

        tabUntil(browser, keys, "#facets button[data-field=projectType]");
        WebElement facet = browser.driver().switchTo().activeElement();
        String value = facet.getAttribute("data-value");
        keys.sendKeys(Keys.ENTER).perform();
        browser.awaitText("#status", "共找到 1 条公告");
        assertThat(browser.driver().getCurrentUrl()).contains("projectType=" + value);
        assertThat(browser.find("#hits .meta").getText()).contains(value.equals("CONSTRUCTION") ? "工程建设" : "国有产权");
        assertThat(browser.find("#facets button[data-value=" + value + "]").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.script("return document.activeElement.dataset.value")).as("focus stays on the pressed facet")
                .isEqualTo(value);

        // Enter again on the same (focused) facet removes the filter
        keys.sendKeys(Keys.ENTER).perform();
        browser.awaitText("#status", "共找到 2 条公告");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("projectType=");
    }

    /** Presses Tab (at most 60 times) until the focused element matches css; fails if it never does. */
    private static void tabUntil(Browser browser, Actions keys, String css) {
        for (int i = 0; i < 60; i++) {
            keys.sendKeys(Keys.TAB).perform();
            Object matches = browser.script("return document.activeElement.matches(arguments[0])", css);
            if (Boolean.TRUE.equals(matches)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    @Test
    void aNoticePageShowsItsFactsAttachmentsRelatedNoticesAndOcdsAndSwitchesToEnglish(Browser browser) throws Exception {
        String marker = marker("紫金港");
        UUID project = UUID.randomUUID();
        String code = transactionCode();
        UUID lot = UUID.randomUUID();
        List<NoticeDraft.NoticeLot> lots = List.of(new NoticeDraft.NoticeLot(lot, 1, "第一标段 主线道路",
                new BigDecimal("10000000.00"), new BigDecimal("200000.00")));
        Notice tender = publish(marker, NoticeKind.TENDER_ANNOUNCEMENT, project, code, "CONSTRUCTION", null, lots);
        Notice award = publish(marker, NoticeKind.AWARD, project, code, "CONSTRUCTION", "杭州江南建设有限公司", lots);
        SignedDocument record = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.OPENING_RECORD, lot, null,
                Visibility.PUBLIC, receiptContent(code)));

        browser.open("/notice.html?id=" + tender.publicId());
        browser.awaitText("#notice h1", tender.title());
        assertThat(browser.find("dl.facts").getText()).contains(code).contains("浙江大学").contains("3,200,000.00 元");
        assertThat(browser.find("table.data").getText()).contains("第一标段 主线道路");
        browser.awaitText("#attachments", record.title());
        assertThat(browser.find("#attachments a").getAttribute("href")).endsWith("/api/public/documents/" + record.id() + "/pdf");
        assertThat(browser.findAll("#related li")).hasSize(2);
        assertThat(browser.find("#related").getText()).contains(award.title());
        assertThat(browser.find("#related a[aria-current=page]").getText()).isEqualTo(tender.title());
        assertThat(browser.find("#permalink").getAttribute("href")).endsWith("/notice.html?id=" + tender.publicId());

        String ocds = browser.find("#ocds").getAttribute("href");
        assertThat(ocds).endsWith("/api/public/notices/" + tender.publicId() + "/ocds");
        String release = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ocds)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(release).contains("\"ocid\"").contains("\"id\":\"" + tender.publicId() + "\"");

        browser.click("#related a:not([aria-current])");
        browser.awaitText("#notice h1", award.title());
        assertThat(browser.find("dl.facts").getText()).contains("杭州江南建设有限公司");

        browser.click("#lang");
        browser.awaitText("#notice", "Notice text");
        assertThat(browser.find("header nav").getText()).contains("Open data");
        assertThat(browser.find("dl.facts").getText()).contains("Transaction code");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
    }

    @Test
    void theCreditPageListsBansAndBadRecordsWithSearchAndTabs(Browser browser) {
        String code = "91330100" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        LocalDate today = LocalDate.now(CreditManagement.ZONE);
        CreditManagement.Document decision = new CreditManagement.Document("决定书.pdf", "application/pdf",
                ("行政处罚决定书 " + code).getBytes(StandardCharsets.UTF_8));
        credit.imposeBan(new CreditManagement.NewBan(null, code, BanKind.FRAUD, BanScope.CONSTRUCTION, "提供虚假业绩骗取中标",
                "《招标投标法实施条例》第六十八条", "杭州市西湖区住房和城乡建设局", today.minusDays(3), today.plusYears(2), decision),
                org.sunbid.identity.AccountId.of(UUID.randomUUID()));
        UUID member = UUID.randomUUID();
        String description = "无正当理由放弃中标资格" + code.substring(12);
        credit.addRecord(new CreditManagement.NewRecord(member, CreditRecord.Kind.BAD, CreditRecord.Severity.SERIOUS,
                description, "《招标投标法实施条例》第七十四条", "杭州市公共资源交易管理办公室", today.minusDays(2),
                today.minusDays(2), null, decision), org.sunbid.identity.AccountId.of(UUID.randomUUID()));

        browser.open("/credit.html");
        browser.awaitText("#credit-status", "显示");
        browser.type("#credit-q", code.toLowerCase(Locale.ROOT));
        browser.click("#credit-filter button[type=submit]");
        browser.awaitText("#credit-status", "显示 1 条");
        String row = browser.find("#credit-table tbody").getText();
        assertThat(row).contains(code).contains("弄虚作假、骗取中标").contains("工程建设项目").contains("杭州市西湖区住房和城乡建设局");
        assertThat(browser.driver().getCurrentUrl()).contains("tab=bans").contains("q=" + code.toLowerCase(Locale.ROOT));

        new org.openqa.selenium.support.ui.Select(browser.find("#credit-kind")).selectByValue("BID_RIGGING_OR_BRIBERY");
        browser.click("#credit-filter button[type=submit]");
        browser.awaitText("#credit-status", "没有符合条件的记录");

        browser.click("#tab-records");
        browser.awaitText("#credit-status", "显示");
        browser.type("#credit-q", description);
        browser.click("#credit-filter button[type=submit]");
        browser.awaitText("#credit-status", "显示 1 条");
        assertThat(browser.find("#credit-table tbody").getText()).contains(description).contains("较重").contains(member.toString());
        assertThat(browser.find("#tab-records").getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.find("#tab-bans").getAttribute("aria-current")).isNull();

        // a registered company's record carries its registered name, which the search also finds
        UUID company = org.sunbid.member.MemberFixtures.approved(members, org.sunbid.identity.Role.BIDDER).memberId();
        String companyName = members.find(company).orElseThrow().name();
        credit.addRecord(new CreditManagement.NewRecord(company, CreditRecord.Kind.BAD, CreditRecord.Severity.MINOR,
                "未按规定签订合同" + code.substring(12), "《招标投标法实施条例》第七十三条", "杭州市公共资源交易管理办公室",
                today.minusDays(1), today.minusDays(1), null, decision), org.sunbid.identity.AccountId.of(UUID.randomUUID()));
        browser.open("/credit.html?tab=records&q=" + java.net.URLEncoder.encode("未按规定签订合同" + code.substring(12),
                StandardCharsets.UTF_8));
        browser.awaitText("#credit-status", "显示 1 条");
        assertThat(browser.find("#credit-table tbody strong").getText()).isEqualTo(companyName);
    }

    @Test
    void theVerificationPageAcceptsAPdfThePlatformSignedAndRefusesATamperedCopy(Browser browser) throws Exception {
        SignedDocument issued = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.OPENING_RECORD,
                UUID.randomUUID(), null, Visibility.PUBLIC, receiptContent(transactionCode())));
        byte[] pdf = documents.pdfForPlatform(DocumentId.of(issued.id())).orElseThrow();
        Path good = Files.write(dir.resolve("开标记录.pdf"), pdf);
        byte[] changed = pdf.clone();
        changed[changed.length / 3] ^= 0x20;
        Path tampered = Files.write(dir.resolve("tampered.pdf"), changed);

        // as if the QR code printed on the PDF was scanned
        browser.open(URI.create(documents.verificationUrl(DocumentId.of(issued.id()))).getPath());
        browser.awaitText("#qr-document", issued.sha256());
        assertThat(browser.driver().getCurrentUrl()).endsWith("/verify.html?document=" + issued.id());
        browser.find("#verify-file").sendKeys(good.toAbsolutePath().toString());
        browser.awaitText("#verdict", "有效");
        assertThat(browser.find("#qr-match").getText()).contains("完全一致");
        assertThat(browser.find("#verdict").getText()).contains("全部签名有效");
        String result = browser.find("#verify-result").getText();
        assertThat(result).contains(issued.sha256()).contains("可信时间戳").contains("Sunbid");
        browser.screenshot("PublicBrowserIntegrationTests.verifiedPdf");

        browser.find("#verify-file").sendKeys(tampered.toAbsolutePath().toString());
        browser.awaitText("#verdict", "无效");
        assertThat(browser.find("#verify-result .findings.bad").getText()).isNotBlank();
        assertThat(browser.find("#qr-match").getText()).contains("不一致");

        browser.find("#verify-file").sendKeys(Files.writeString(dir.resolve("note.json"), "{\"statement\":\"x\"}").toString());
        browser.awaitText("#verdict", "无法核验");
    }

    @Test
    void theVerificationPageExplainsAReceiptAndChecksTheSealedFileInTheBrowser(Browser browser) throws Exception {
        // a receipt made with the platform's own document key and time-stamp authority, as BidManagement makes them
        byte[] sealed = new byte[50_000];
        new java.util.Random(7).nextBytes(sealed);
        Path sealedFile = Files.write(dir.resolve("tender.sealed"), sealed);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(sealed);
        String sha256 = java.util.HexFormat.of().formatHex(digest);
        var stamp = trust.timestamps().stamp(org.sunbid.signing.DigestAlgorithm.SHA256, digest);
        UUID bid = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        Instant received = Instant.parse("2026-11-20T02:00:00Z");
        java.util.Map<String, Object> statement = new java.util.LinkedHashMap<>();
        statement.put("type", "sunbid-bid-receipt/1");
        statement.put("bid", bid.toString());
        statement.put("project", UUID.randomUUID().toString());
        statement.put("lot", lot.toString());
        statement.put("member", UUID.randomUUID().toString());
        statement.put("sha256", sha256);
        statement.put("size", sealed.length);
        statement.put("receivedAt", received.toString());
        statement.put("timestampSerial", stamp.serialNumber().toString(16));
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        String statementJson = json.writeValueAsString(statement);
        byte[] signature = new org.sunbid.signing.cms.CmsSigner(trust.documentSigner())
                .sign(statementJson.getBytes(StandardCharsets.UTF_8), true);
        java.util.Map<String, Object> receipt = new java.util.LinkedHashMap<>();
        receipt.put("bidId", bid.toString());
        receipt.put("lotId", lot.toString());
        receipt.put("sha256", sha256);
        receipt.put("size", sealed.length);
        receipt.put("receivedAt", received.toString());
        receipt.put("statement", statementJson);
        receipt.put("signature", java.util.Base64.getEncoder().encodeToString(signature));
        receipt.put("timestampToken", java.util.Base64.getEncoder().encodeToString(stamp.token()));
        Path good = Files.writeString(dir.resolve("receipt-" + bid + ".json"), json.writeValueAsString(receipt));
        receipt.put("sha256", "0".repeat(64));
        Path altered = Files.writeString(dir.resolve("altered.json"), json.writeValueAsString(receipt));

        browser.open("/verify.html");
        browser.find("#verify-file").sendKeys(good.toString());
        browser.awaitText("#verdict", "回执有效");
        String result = browser.find("#verify-result").getText();
        assertThat(result).contains("Sunbid Platform Document Signer").contains(sha256).contains(bid.toString())
                .contains("50,000 字节").contains(stamp.serialNumber().toString(16));
        browser.find("#sealed-file").sendKeys(sealedFile.toString());
        browser.awaitText("#sealed-result", "一致：回执证明的正是这个文件");
        browser.find("#sealed-file").sendKeys(good.toString());
        browser.awaitText("#sealed-result", "不一致");
        browser.screenshot("PublicBrowserIntegrationTests.verifiedReceipt");

        browser.find("#verify-file").sendKeys(altered.toString());
        browser.awaitText("#verdict", "回执无效");
        assertThat(browser.find("#verify-result .findings.bad").getText()).contains("文件哈希与签名内容不一致");
    }

    @Test
    void theHomePageShowsTheLatestNoticesAndCountsAndFitsANarrowWindow(Browser browser) throws Exception {
        String marker = marker("钱塘");
        Notice tender = publish(marker, NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(), transactionCode(), "CONSTRUCTION", null, List.of());
        Notice award = publish(marker, NoticeKind.AWARD, UUID.randomUUID(), transactionCode(), "CONSTRUCTION", "浙江钱塘路桥工程有限公司", List.of());
        indexed(browser, marker, 2);

        browser.open("/");
        browser.awaitText("#latest-tenders", tender.title());
        browser.awaitText("#latest-awards", award.title());
        browser.awaitText("#counts", "中标结果公告");
        assertThat(browser.find("#counts a[href*='kind=award']").getText()).matches("(?s)[1-9][0-9,]*\\s*中标结果公告");

        browser.driver().manage().window().setSize(new Dimension(390, 900));
        browser.open("/");
        browser.awaitText("#latest-awards", award.title());
        Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        browser.screenshot("PublicBrowserIntegrationTests.homeNarrow");
        browser.type("#home-q", marker);
        browser.find("#home-q").sendKeys(Keys.ENTER);
        browser.awaitText("#status", "共找到 2 条公告");
        Object searchOverflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(searchOverflow).isEqualTo(false);
        browser.screenshot("PublicBrowserIntegrationTests.searchNarrow");
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void theOpenDataPageGivesWorkingFeedLinksAndCurlLinesForThisServer(Browser browser) throws Exception {
        browser.open("/open-data.html");
        browser.awaitText("#mirror-script", browser.base() + "/api/public/changes?cursor=");
        String atom = browser.find("#atom-links a[href*='kind=award']").getAttribute("href");
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(atom)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        String changes = browser.find("#changes a").getAttribute("href");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(changes)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"cursor\"").contains("\"hasMore\"");
        browser.click("#lang");
        browser.awaitText("h1", "Open data");
        assertThat(browser.find("#changes").getText()).contains("Mirror every notice with curl and jq");
    }

    /** A real opening record as the platform renders and signs it. */
    private static java.util.function.Function<String, org.sunbid.signing.pdf.DocumentSpec> receiptContent(String code) {
        return PlatformDocuments.openingRecord(new PlatformDocuments.OpeningRecord(code, "紫金港路提升改造工程",
                "第一标段 主线道路", Instant.now(), "第一开标室", List.of(
                        new PlatformDocuments.OpeningLine("杭州江南建设有限公司", "9,876,543.21", "300 日历天", "已缴纳", "有效", "已解密"),
                        new PlatformDocuments.OpeningLine("浙江钱塘路桥工程有限公司", "9,912,000.00", "280 日历天", "已缴纳", "有效", "已解密"),
                        new PlatformDocuments.OpeningLine("宁波海港市政建设有限公司", "10,050,000.00", "310 日历天", "已缴纳", "有效", "已解密")),
                "有效投标 3 家 / valid bids: 3"));
    }
}
