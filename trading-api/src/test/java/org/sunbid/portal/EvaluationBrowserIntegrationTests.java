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
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.pdf.PdfRenderer;
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

    /** Who sits, who bid, where: a session opened from the store with three experts and three bids. */
    record Session(UUID project, UUID lot, String name, String lotName, List<Member> committee, List<Member> bidders,
            List<OfferedBid> bids) {

        String api() {
            return "/api/evaluations/" + lot;
        }
    }

    Member person(Browser browser, UUID id, String username) throws Exception {
        SigningKey key = TestCa.issue("CN=" + username + ",O=Sunbid 测试", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        members.bindCertificate(id, Certificates.toPem(key.certificate()), null);
        return new Member(id, members.details(id).name(), username, login(browser, username), key);
    }

    Member company(Browser browser, Role role, String name) throws Exception {
        var form = MemberFixtures.company(role, name);
        UUID id = members.registerCompany(form, Map.of()).id();
        members.approve(id, null);
        return person(browser, id, form.username());
    }

    /** A submitted project of the tenderee (token), its lot's session open with three experts and three bids. */
    Session session(Browser browser, String tendereeToken) throws Exception {
        String name = "评标室测试" + UUID.randomUUID().toString().substring(0, 6) + "工程";
        UUID project = UUID.fromString(PortalApi.call(browser, "POST", "/api/projects", tendereeToken,
                ProjectFixtures.openTender(name)).get("id").asText());
        PortalApi.call(browser, "POST", "/api/projects/" + project + "/submit", tendereeToken, null);
        JsonNode lots = PortalApi.call(browser, "GET", "/api/projects/" + project, tendereeToken, null).get("lots");
        UUID lot = UUID.fromString(lots.get(0).get("id").asText());
        List<Member> committee = new ArrayList<>();
        for (ExpertFixtures.Expert e : ExpertFixtures.admitted(members, library, ExpertFixtures.freshRegion(), "B0201", 3)) {
            committee.add(person(browser, e.id(), e.username()));
        }
        List<Member> bidders = new ArrayList<>();
        List<OfferedBid> bids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Member bidder = company(browser, Role.BIDDER, List.of("甲", "乙", "丙").get(i) + "建设"
                    + UUID.randomUUID().toString().substring(0, 4) + "有限公司");
            bidders.add(bidder);
            bids.add(new OfferedBid(new BidId(UUID.randomUUID()), MemberId.of(bidder.id()), bidder.name(),
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
        return new Session(project, lot, name, lots.get(0).get("name").asText(), committee, bidders, bids);
    }

    @Test
    void anExpertScoresWithItsKeyInTheBrowserAndTheChairSignsTheReport(Browser browser) throws Exception {
        String tenderee = "tenderee-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createMemberAccount(tenderee, PortalApi.PASSWORD, Role.TENDEREE, MemberId.of(UUID.randomUUID()), "西湖区城建中心");
        Session session = session(browser, PortalApi.login(browser, tenderee));
        UUID lot = session.lot();
        String name = session.name();
        String lotName = session.lotName();
        List<Member> committee = session.committee();
        List<OfferedBid> bids = session.bids();
        List<String> bidders = session.bidders().stream().map(Member::name).toList();

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
        assertThat(Api.JSON.readTree((String) row[0]).get("values").get("business").asText()).isEqualTo("18.5");
        assertThat(verifiesWithOpenssl((String) row[0], (byte[]) row[1], me)).as("the browser's CMS verifies with openssl")
                .isTrue();

        // the others score; the chair draws the report and uploads its PAdES signature
        for (Member other : committee.subList(1, 3)) {
            for (OfferedBid b : bids.subList(0, 2)) {
                submitSheet(browser, session, other, b);
            }
        }
        browser.open(room);
        browser.awaitText("#sheets tbody", committee.get(2).name());
        assertThat(browser.findAll("#sheets tbody tr")).hasSize(6);
        browser.click("#draw-report");
        browser.awaitText("#room-facts", "评标报告签署");
        assertThat(browser.find("#ranking tbody tr").getText()).as("lowest price, best scores").contains(bidders.get(0));
        byte[] report = PortalApi.bytes(browser, api + "/report.pdf", me.token());
        browser.find("#signed-report").sendKeys(write("signed.pdf", padesSign(report, me)).toString());
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

    @Test
    void theTenderePublicisesAnswersAnObjectionSignsTheAwardInTheBrowserAndUploadsTheContract(Browser browser)
            throws Exception {
        Member tenderee = company(browser, Role.TENDEREE, "城建中心" + UUID.randomUUID().toString().substring(0, 4));
        Session session = session(browser, tenderee.token());
        evaluateThroughTheApi(browser, session);
        UUID lot = session.lot();
        List<Member> bidders = session.bidders();
        String page = "/award.html?lot=" + lot;

        // the tenderee picks the lot, and publishes the candidates: too short a publicity is refused on the form
        browser.signIn(tenderee.username(), MemberFixtures.PASSWORD, "/award.html");
        browser.awaitText("#lots tbody", session.name());
        browser.click("#lots tbody a");
        browser.awaitText("#facts", "待发布公示");
        assertThat(browser.find("#candidates tbody").getText()).contains(bidders.get(0).name(), bidders.get(1).name())
                .doesNotContain(lot.toString());
        browser.type("#publicity-days", "2");
        browser.click("#publicity button[type=submit]");
        browser.await("#publicity .field-error");
        browser.type("#publicity-days", "3");
        browser.click("#publicity button[type=submit]");
        browser.awaitText("#facts", "公示中");

        // a bidder of the lot objects, the text signed in its browser; the award is suspended until the answer
        Member objector = bidders.get(2);
        browser.signIn(objector.username(), MemberFixtures.PASSWORD, page);
        browser.awaitText("#facts", "公示中");
        browser.type("#object-text", "第一中标候选人的项目经理业绩存疑");
        keyFiles(browser, "#object-signer", objector, "objector");
        browser.click("#object button[type=submit]");
        browser.awaitText("#status", "异议已提交");
        assertThat(browser.find("#facts").getText()).contains("暂停定标");

        browser.signIn(tenderee.username(), MemberFixtures.PASSWORD, page);
        browser.awaitText("#objections tbody", objector.name());
        browser.type("#objections form.answer input", "经核查业绩属实，维持评标结果");
        browser.click("#objections form.answer button");
        browser.awaitText("#status", "异议已答复");

        // after the publicity: a decision signed with another key is refused; the tenderee's own key awards
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        browser.open(page);
        browser.await("#decide-bid option");
        assertThat(browser.find("#decide-help").getText()).as("the intake's funding is 财政资金").contains("排名第一");
        keyFiles(browser, "#decide-signer", objector, "wrong");
        browser.click("#decide button[type=submit]");
        browser.awaitText("#status", "签名");
        assertThat(browser.find("#facts").getText()).contains("公示中");
        browser.open(page);
        browser.await("#decide-bid option");
        keyFiles(browser, "#decide-signer", tenderee, "tenderee");
        browser.click("#decide button[type=submit]");
        browser.awaitText("#facts", "已定标");
        assertThat(browser.find("#facts").getText()).contains(bidders.get(0).name());
        var decision = jdbc.sql("select content, signature from award_evidence where lot_id = ? and kind = 'DECISION'")
                .param(lot).query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) }).single();
        assertThat(verifiesWithOpenssl((String) decision[0], (byte[]) decision[1], tenderee)).isTrue();

        ByteArrayOutputStream contract = new ByteArrayOutputStream();
        PdfRenderer.render(new DocumentSpec("施工合同", "Contract", "", null, List.of(new DocumentSpec.Paragraph(
                "双方签订的施工合同"))), contract);
        browser.find("#contract-file").sendKeys(write("contract.pdf", contract.toByteArray()).toString());
        browser.click("#contract button[type=submit]");
        browser.awaitText("#facts", "项目完成");
        browser.screenshot("EvaluationBrowserIntegrationTests.award");

        // the public award notice shows the ranked candidates by name, the winner marked
        String notice = jdbc.sql("select public_id from notice where project_id = ? and kind = 'AWARD'")
                .param(session.project()).query(String.class).single();
        browser.open("/notice.html?id=" + notice);
        browser.awaitText("#candidates", bidders.get(0).name());
        assertThat(browser.find("#candidates tbody").getText()).contains(bidders.get(1).name()).contains("中标");
        assertThat(browser.find("#related").getText()).as("the contract notice by its title").contains("合同订立公告");
    }

    /** Everything up to the concluded evaluation, through the API: all pass, equal sheets, the report signed by all. */
    private void evaluateThroughTheApi(Browser browser, Session session) throws Exception {
        String api = session.api();
        List<Member> committee = session.committee();
        for (Member m : committee) {
            post(browser, m, api + "/check-in", null);
            post(browser, m, api + "/declaration", Map.of("conflict", false));
        }
        for (Member m : committee) {
            post(browser, m, api + "/chair-votes", Map.of("candidate", committee.get(0).id()));
        }
        for (Member m : committee) {
            post(browser, m, api + "/compliance", Map.of("votes", votes(session.bids(), null)));
        }
        for (Member m : committee) {
            for (OfferedBid b : session.bids()) {
                submitSheet(browser, session, m, b);
            }
        }
        post(browser, committee.get(0), api + "/report", null);
        for (Member m : committee) {
            byte[] current = PortalApi.bytes(browser, api + "/report.pdf", m.token());
            PortalApi.upload(browser, api + "/report/signatures", m.token(), padesSign(current, m));
        }
    }

    private void submitSheet(Browser browser, Session session, Member m, OfferedBid b) throws Exception {
        String text = ("{\"format\":\"sunbid-score-sheet/1\",\"lot\":\"%s\",\"bid\":\"%s\",\"member\":\"%s\","
                + "\"values\":{\"technical\":\"32\",\"business\":\"17\"}}").formatted(session.lot(), b.bid().value(), m.id());
        post(browser, m, session.api() + "/bids/" + b.bid().value() + "/score-sheet", Map.of("content", text,
                "signature", Base64.getEncoder().encodeToString(new CmsSigner(m.key())
                        .sign(text.getBytes(StandardCharsets.UTF_8), true))));
    }

    private byte[] padesSign(byte[] pdf, Member m) throws Exception {
        Path unsigned = write("report-" + m.id() + ".pdf", pdf);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        PadesSigner.sign(unsigned, signed, m.key(), null, new PadesSigner.Appearance("评标委员会", m.name(),
                "评标报告签名", "", -1, 40, 150), clock.instant());
        return signed.toByteArray();
    }

    private void keyFiles(Browser browser, String panel, Member m, String name) throws Exception {
        browser.find(panel + " input.key-file").sendKeys(write(name + ".key.pem", pem(m.key())).toString());
        browser.find(panel + " input.cert-file").sendKeys(write(name + ".pem",
                Certificates.toPem(m.key().certificate())).toString());
    }

    private boolean verifiesWithOpenssl(String content, byte[] signature, Member signer) throws Exception {
        String id = UUID.randomUUID().toString();
        Path text = Files.writeString(files.resolve(id + ".txt"), content);
        Path sig = Files.write(files.resolve(id + ".p7s"), signature);
        Path certs = files.resolve(id + ".pem");
        return run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
                text.toString(), "-noverify", "-certsout", certs.toString(), "-out", "/dev/null") == 0
                && Files.readString(certs).equals(Certificates.toPem(signer.key().certificate()));
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
                boolean pass = failing == null || !(b.bid().value().equals(failing) && c.equals("资格审查"));
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
