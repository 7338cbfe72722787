package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bid.BidId;
import org.sunbid.evaluation.Criterion;
import org.sunbid.evaluation.EvaluationMethod;
import org.sunbid.evaluation.EvaluationPlan;
import org.sunbid.evaluation.EvaluationSession;
import org.sunbid.evaluation.OfferedBid;
import org.sunbid.evaluation.PriceScoreFormula;
import org.sunbid.evaluation.internal.EvaluationStore;
import org.sunbid.expert.Committees;
import org.sunbid.expert.ExpertFixtures;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberId;
import org.sunbid.member.MemberSetup;
import org.sunbid.project.LotId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.support.Api;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import org.sunbid.support.MutableClock;
import org.sunbid.support.TestCa;
import tools.jackson.databind.JsonNode;

/**
 * The committee's evaluation room in a real Chromium: an expert checks in, declares, votes the chair, reviews
 * compliance, and signs score sheets in the browser with its key file (WebCrypto CMS) — the platform verifies each
 * against the expert's bound certificate, and a sheet signed with another member's key is refused on the page. The
 * chair draws the report and uploads its PAdES signature; staff watch progress without prices or scores. The other
 * two members act through the API. The session starts from the evaluation store (the opening and the draw that lead
 * to it are covered by TenderToArchiveIntegrationTests).
 */
@BrowserTest
class EvaluationBrowserIntegrationTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    ExpertLibrary library;

    @Autowired
    EvaluationStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @TempDir
    Path files;

    record Member(UUID id, String name, String username, String token, SigningKey key) {
    }

    @Test
    void anExpertScoresWithItsKeyInTheBrowserAndTheChairSignsTheReport(Browser browser) throws Exception {
        String name = "评标室测试" + UUID.randomUUID().toString().substring(0, 6) + "工程";
        String[] created = PortalApi.submittedProject(browser, accounts, name);
        UUID project = UUID.fromString(created[0]);
        JsonNode lots = PortalApi.call(browser, "GET", "/api/projects/" + project, created[1], null).get("lots");
        UUID lot = UUID.fromString(lots.get(0).get("id").asText());
        String lotName = lots.get(0).get("name").asText();

        List<Member> committee = new ArrayList<>();
        for (ExpertFixtures.Expert e : ExpertFixtures.admitted(members, library, ExpertFixtures.freshRegion(), "B0201", 3)) {
            SigningKey key = TestCa.issue("CN=评委" + committee.size() + ",O=Sunbid 测试",
                    Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
            members.bindCertificate(e.id(), Certificates.toPem(key.certificate()), null);
            committee.add(new Member(e.id(), members.details(e.id()).name(), e.username(), login(browser, e.username()),
                    key));
        }
        List<String> bidders = new ArrayList<>();
        List<OfferedBid> bids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String bidderName = List.of("甲", "乙", "丙").get(i) + "建设" + UUID.randomUUID().toString().substring(0, 4)
                    + "有限公司";
            UUID bidder = members.registerCompany(MemberFixtures.company(Role.BIDDER, bidderName), Map.of()).id();
            members.approve(bidder, null);
            bidders.add(bidderName);
            bids.add(new OfferedBid(new BidId(UUID.randomUUID()), MemberId.of(bidder), bidderName,
                    new BigDecimal(4_000_000 + 50_000 * i + ".00"), clock.instant().minusSeconds(3600 - i), List.of()));
        }
        EvaluationPlan plan = new EvaluationPlan(EvaluationMethod.COMPREHENSIVE_SCORING, List.of("资格审查", "响应性"),
                List.of(new Criterion("price", "投标报价", Criterion.Category.PRICE, BigDecimal.valueOf(40)),
                        new Criterion("technical", "技术方案", Criterion.Category.TECHNICAL, BigDecimal.valueOf(40)),
                        new Criterion("business", "商务", Criterion.Category.BUSINESS, BigDecimal.valueOf(20))),
                new PriceScoreFormula.LowestPriceRatio(), null, null, null, null);
        store.savePlan(LotId.of(lot), project, plan, UUID.randomUUID(), clock.instant());
        store.insertSession(project, EvaluationSession.open(LotId.of(lot), plan, bids, committee.stream()
                .map(m -> new Committees.CommitteeMember(MemberId.of(m.id()), m.name(), Committees.Role.DRAWN_EXPERT))
                .toList(), clock.instant(), Duration.ofHours(8)), clock.instant());

        Member me = committee.get(0);
        String room = "/expert/evaluation.html?lot=" + lot;
        String api = "/api/evaluations/" + lot;
        for (Member other : committee.subList(1, 3)) {
            post(browser, other, api + "/check-in", null);
            post(browser, other, api + "/declaration", Map.of("conflict", false));
        }

        // check-in, declaration and the chair vote on the page
        browser.signIn(me.username(), MemberFixtures.PASSWORD, room);
        browser.awaitText("#room-title", name);
        assertThat(browser.find("#room-title").getText()).contains(lotName);
        assertThat(browser.find("#bids tbody").getText()).contains(bidders.get(0)).contains("4,000,000.00");
        assertThat(browser.find("#collusion-state").getText()).as("alerts shown as information").contains("已检查");
        browser.click("#check-in");
        browser.until(d -> browser.find("#declare").isDisplayed());
        browser.click("#declare button[type=submit]");
        browser.awaitText("#seats tbody", "无利害关系");
        browser.click("#seats tr[data-member='" + me.id() + "'] button.vote-chair");
        for (Member other : committee.subList(1, 3)) {
            post(browser, other, api + "/chair-votes", Map.of("candidate", me.id()));
        }
        browser.open(room);
        browser.awaitText("#room-facts", "符合性审查");
        assertThat(browser.find("#room-facts").getText()).contains(me.name());

        // compliance: the other two fail the third bid; on the page the expert fails it too, with a reason
        UUID failing = bids.get(2).bid().value();
        for (Member other : committee.subList(1, 3)) {
            post(browser, other, api + "/compliance", Map.of("votes", votes(bids, failing)));
        }
        String failRow = "#compliance-table tr[data-bid='" + failing + "']";
        browser.driver().findElement(By.cssSelector(failRow + " select option[value=fail]")).click();
        browser.type(failRow + " input", "投标保证金不足");
        browser.click("#compliance button[type=submit]");
        browser.awaitText("#room-facts", "评分");
        assertThat(browser.find("#bids tbody").getText()).contains("不通过").contains("投标保证金不足");
        assertThat(browser.findAll("#scoring tbody tr")).as("the failed bid is not scored").hasSize(2);
        assertThat(browser.find("#scoring tbody").getText()).doesNotContain(bidders.get(2));

        // a sheet signed in the browser with another member's key is refused and not kept
        UUID first = bids.get(0).bid().value();
        Path otherKey = write("other.key.pem", pem(committee.get(1).key()));
        Path otherCert = write("other.pem", Certificates.toPem(committee.get(1).key().certificate()));
        browser.find("#signer input.key-file").sendKeys(otherKey.toString());
        browser.find("#signer input.cert-file").sendKeys(otherCert.toString());
        score(browser, first, "35", "18.5");
        browser.awaitText("#scoring-status", "签名");
        assertThat(sheetCount(lot)).isZero();

        // with its own key: the platform verifies the signature, the sheet is kept exactly as signed
        browser.driver().navigate().refresh();
        browser.awaitText("#room-facts", "评分");
        browser.find("#signer input.key-file").sendKeys(write("me.key.pem", pem(me.key())).toString());
        browser.find("#signer input.cert-file").sendKeys(write("me.pem",
                Certificates.toPem(me.key().certificate())).toString());
        score(browser, first, "35", "18.5");
        browser.awaitText("#scoring-status", "平台已验证签名");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("EvaluationBrowserIntegrationTests.scoring");
        score(browser, bids.get(1).bid().value(), "30", "16");
        browser.until(d -> sheetCount(lot) == 2);
        var row = jdbc.sql("select content, signature from evaluation_sheet where lot_id = ? and bid_id = ?")
                .params(lot, first).query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) }).single();
        String content = (String) row[0];
        assertThat(Api.JSON.readTree(content).get("values").get("business").asText()).isEqualTo("18.5");
        Path sheet = Files.writeString(files.resolve("sheet.json"), content);
        Path signature = Files.write(files.resolve("sheet.p7s"), (byte[]) row[1]);
        Path signer = files.resolve("signer.pem");
        assertThat(run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", sheet.toString(), "-noverify", "-certsout", signer.toString(), "-out", "/dev/null"))
                .as("the browser's CMS verifies with openssl").isZero();
        assertThat(Files.readString(signer)).isEqualTo(Certificates.toPem(me.key().certificate()));

        // the others score; the chair draws the report and uploads its PAdES signature
        for (Member other : committee.subList(1, 3)) {
            for (OfferedBid b : bids.subList(0, 2)) {
                String text = "{\"format\":\"sunbid-score-sheet/1\",\"lot\":\"%s\",\"bid\":\"%s\",\"member\":\"%s\",\"values\":{\"technical\":\"32\",\"business\":\"17\"}}"
                        .formatted(lot, b.bid().value(), other.id());
                post(browser, other, api + "/bids/" + b.bid().value() + "/score-sheet", Map.of("content", text,
                        "signature", Base64.getEncoder().encodeToString(new CmsSigner(other.key())
                                .sign(text.getBytes(StandardCharsets.UTF_8), true))));
            }
        }
        browser.open(room);
        browser.awaitText("#sheets tbody", committee.get(2).name());
        assertThat(browser.findAll("#sheets tbody tr")).hasSize(6);
        browser.click("#draw-report");
        browser.awaitText("#room-facts", "评标报告签署");
        assertThat(browser.find("#ranking tbody tr").getText()).as("lowest price, best scores").contains(bidders.get(0));
        byte[] report = PortalApi.bytes(browser, api + "/report.pdf", me.token());
        Path unsigned = write("report.pdf", report);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        PadesSigner.sign(unsigned, signed, me.key(), null, new PadesSigner.Appearance("评标委员会", me.name(),
                "评标报告签名", "", -1, 40, 150), clock.instant());
        browser.find("#signed-report").sendKeys(write("signed.pdf", signed.toByteArray()).toString());
        browser.click("#sign-report button[type=submit]");
        browser.awaitText("#status", "签名已验证");
        browser.awaitText("#seats tr[data-member='" + me.id() + "']", "✓");
        browser.script("document.getElementById('report-section').scrollIntoView()");
        browser.screenshot("EvaluationBrowserIntegrationTests.room");

        // staff watch progress: seats, counts and phase, never prices or scores
        String staff = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(staff, PortalApi.PASSWORD, Role.STAFF, "交易中心监督员", null);
        browser.signIn(staff, PortalApi.PASSWORD, "/staff/evaluation.html?lot=" + lot);
        browser.awaitText("#seats tbody", me.name());
        String monitor = browser.find("main").getText();
        assertThat(monitor).contains(name).contains("评标报告签署").contains(bidders.get(1))
                .doesNotContain("4,000,000").doesNotContain("4,050,000").doesNotContain("18.5");
        browser.screenshot("EvaluationBrowserIntegrationTests.monitor");
    }

    private static void score(Browser browser, UUID bid, String technical, String business) {
        String row = "#score-" + bid;
        browser.type(row + " input[data-key=technical]", technical);
        browser.type(row + " input[data-key=business]", business);
        browser.click(row + " button.sign-sheet");
    }

    private static List<Map<String, Object>> votes(List<OfferedBid> bids, UUID failing) {
        List<Map<String, Object>> votes = new ArrayList<>();
        for (OfferedBid b : bids) {
            for (String c : List.of("资格审查", "响应性")) {
                boolean pass = !(b.bid().value().equals(failing) && c.equals("资格审查"));
                Map<String, Object> v = new LinkedHashMap<>(Map.of("bid", b.bid().value(), "criterion", c, "pass", pass));
                if (!pass) {
                    v.put("reason", "投标保证金不足");
                }
                votes.add(v);
            }
        }
        return votes;
    }

    private long sheetCount(UUID lot) {
        return jdbc.sql("select count(*) from evaluation_sheet where lot_id = ?").param(lot).query(Long.class).single();
    }

    private static String login(Browser browser, String username) throws Exception {
        return PortalApi.call(browser, "POST", "/api/auth/login", null, Map.of("username", username, "password",
                MemberFixtures.PASSWORD)).get("accessToken").asText();
    }

    private static void post(Browser browser, Member member, String path, Object body) throws Exception {
        PortalApi.call(browser, "POST", path, member.token(), body);
    }

    private static String pem(SigningKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(files.resolve(name), bytes);
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
