package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;

/**
 * The regulator's complaints page in a real headless Chromium: the queue shows names and the due day, and the
 * regulator accepts (suspending the procedure), pauses, resumes and decides through the page; the decision letter is
 * linked. The complaint itself is filed through the API in {@code ComplaintIntegrationTests}; here it is a row.
 */
@BrowserTest
class ComplaintBrowserIntegrationTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    JdbcClient jdbc;

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
