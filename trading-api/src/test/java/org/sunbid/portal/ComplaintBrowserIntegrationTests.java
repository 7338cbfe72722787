package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.evaluation.MemberSignatures;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import org.sunbid.support.TestCa;

/**
 * The complaints pages in a real headless Chromium: a bidder files a complaint about its answered objection, signed in
 * the browser with its key file (never uploaded), and follows it; the regulator's queue shows names and the due day,
 * and the regulator accepts (suspending the procedure), pauses, resumes and decides through the page; the decision
 * letter is linked.
 */
@BrowserTest
class ComplaintBrowserIntegrationTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberSignatures signatures;

    @Test
    void aBidderFilesAComplaintSignedInTheBrowserAndFollowsIt(Browser browser, @TempDir Path files) throws Exception {
        String name = "浏览器投诉测试" + UUID.randomUUID().toString().substring(0, 6) + "工程";
        UUID project = UUID.fromString(PortalApi.submittedProject(browser, accounts, name)[0]);
        var bidder = MemberFixtures.approved(members, Role.BIDDER);
        SigningKey key = TestCa.issue("CN=投诉人,O=投诉人", Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
        members.bindCertificate(bidder.memberId(), Certificates.toPem(key.certificate()), null);
        Path keyFile = Files.writeString(files.resolve("company.key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path certFile = Files.writeString(files.resolve("company.pem"), Certificates.toPem(key.certificate()));
        // the bidder's objection to the documents, answered two days ago
        UUID objection = UUID.randomUUID();
        Instant filed = Instant.now().minus(Duration.ofDays(3));
        jdbc.sql("insert into project_objection (id, project_id, filed_by, text, filed_at, answer_due, answer, answered_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)").params(objection, project, bidder.memberId(), "评分办法倾向特定品牌。",
                        Timestamp.from(filed), Timestamp.from(filed.plus(Duration.ofDays(3))), "不予修改。",
                        Timestamp.from(filed.plus(Duration.ofDays(1)))).update();

        browser.signIn(bidder.username(), MemberFixtures.PASSWORD, "/bidder/complaints.html");
        browser.awaitText("#objections tbody", name);
        assertThat(browser.find("#objections tbody tr").getText()).contains("招标文件");
        browser.click("#objections tbody tr button");
        browser.awaitText("#file-title", name);
        String text = "评分办法指定品牌，异议答复未予纠正，请求责令修改。";
        browser.type("#file-text", text);
        browser.find("#file input.key-file").sendKeys(keyFile.toString());
        browser.find("#file input.cert-file").sendKeys(certFile.toString());
        browser.click("#file button[type=submit]");
        browser.awaitText("#complaints tbody", "待受理");
        assertThat(browser.find("#complaints tbody").getText()).contains(name);
        assertThat(browser.findAll("#objections tbody tr button")).as("filed once: no second filing").isEmpty();
        browser.screenshot("ComplaintBrowserIntegrationTests.bidderFiled");
        // the signature made in the browser is the bidder's bound key's, over the very text filed
        var filedRow = jdbc.sql("select text, signature from complaint where objection_id = ?").param(objection)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).single();
        assertThat(filedRow.getKey()).isEqualTo(text);
        assertThat(signatures.signer(MemberId.of(bidder.memberId()), text.getBytes(StandardCharsets.UTF_8),
                filedRow.getValue())).isPresent();
    }

    @Test
    void aRegulatorHandlesAComplaintFromTheQueueToTheSignedDecision(Browser browser) throws Exception {
        String name = "投诉页面测试" + UUID.randomUUID().toString().substring(0, 6) + "工程";
        UUID project = UUID.fromString(PortalApi.submittedProject(browser, accounts, name)[0]);
        var complainant = MemberFixtures.approved(members, Role.BIDDER);
        String complainantName = members.details(complainant.memberId()).name();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into complaint (id, project_id, objection_id, complainant, text, signature, signature_sha256,
                    known_on, filed_at, filed_on, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED')""")
                .params(id, project, UUID.randomUUID(), complainant.memberId(), "资格条件排斥外地投标人，答复未纠正。",
                        new byte[] { 1 }, "0".repeat(64), Date.valueOf(today), Timestamp.from(Instant.now()),
                        Date.valueOf(today))
                .update();
        String regulator = "regulator-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(regulator, PortalApi.PASSWORD, Role.REGULATOR, "监管测试员", null);

        browser.signIn(regulator, PortalApi.PASSWORD, "/regulator/complaints.html");
        String row = "#complaint-" + id;
        browser.awaitText(row, name);
        assertThat(browser.find(row).getText()).contains(complainantName, "待受理").doesNotContain(id.toString())
                .doesNotContain(complainant.memberId().toString());
        browser.click(row + " a");
        browser.awaitText("#detail-title", name);

        browser.click("#accept input[name=suspendProcedure]");
        browser.click("#accept button");
        browser.awaitText(row, "已受理");
        browser.awaitText(row, "已暂停");
        browser.type("#pause-reason", "组织专家评审资格条件");
        browser.click("#pause button");
        browser.awaitText("#pauses tbody", "组织专家评审资格条件");
        assertThat(browser.find("#decide").isDisplayed()).as("no decision while paused").isFalse();
        browser.click("#resume button");
        browser.until(d -> browser.find("#decide").isDisplayed());
        browser.type("#decide-text", "投诉成立，责令招标人修改资格条件。");
        browser.driver().findElement(By.cssSelector("#decide-verdict option[value=UPHELD]")).click();
        browser.click("#decide button");
        browser.awaitText(row, "已作出决定");
        browser.awaitText("#facts", "投诉成立");
        assertThat(browser.find("#facts a").getAttribute("href")).contains("/api/public/documents/").endsWith("/pdf");
        browser.script("document.getElementById('detail').scrollIntoView()");
        browser.screenshot("ComplaintBrowserIntegrationTests.decided");
        assertThat(jdbc.sql("select holder_id from project_hold where project_id = ?").param(project)
                .query(UUID.class).list()).as("the suspension ended with the decision").isEmpty();
    }
}
