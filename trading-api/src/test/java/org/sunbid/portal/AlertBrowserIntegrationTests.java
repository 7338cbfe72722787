package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.alert.Signal;
import org.sunbid.alert.SignalKind;
import org.sunbid.alert.internal.Alert;
import org.sunbid.alert.internal.Alerts;
import org.sunbid.credit.CreditManagement;
import org.sunbid.credit.CreditRecord;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;

/**
 * The regulator's alerts page in a real headless Chromium: the alert by score, its detail with the machine
 * fingerprint table and the alike passages side by side (highlighted), and the workflow open → investigating →
 * confirmed through the page, which records the bad credit records of the linked bidders. The alert is stored as the
 * engine stores one (the signals themselves are computed from opened packages in {@code CollusionAlertIntegrationTests}).
 */
@BrowserTest
class AlertBrowserIntegrationTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    Alerts alerts;

    @Autowired
    CreditManagement credit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegulatorReadsTheEvidenceSideBySideAndConfirmsTheAlertIntoBadCreditRecords(Browser browser) throws Exception {
        String name = "预警页面测试" + UUID.randomUUID().toString().substring(0, 6) + "工程";
        String[] submitted = PortalApi.submittedProject(browser, accounts, name);
        UUID project = UUID.fromString(submitted[0]);
        UUID lot = UUID.fromString(PortalApi.call(browser, "GET", "/api/projects/" + project, submitted[1], null)
                .get("lots").get(0).get("id").asText());
        UUID first = MemberFixtures.approved(members, Role.BIDDER).memberId();
        UUID second = MemberFixtures.approved(members, Role.BIDDER).memberId();
        String shared = "本工程采用钢筋混凝土框架结构施工时应先做样板段经监理验收合格后再全面展开";
        Alert alert = Alert.raise(lot, project, List.of(
                new Signal(SignalKind.SAME_MAC, List.of(first, second), Map.of("mac", "3c:52:82:bb:bb:bb"), 30),
                new Signal(SignalKind.ALIKE_TEXT, List.of(first, second),
                        Map.of("jaccard", 0.86, "passages", List.of(shared, "混凝土浇筑后十二小时内开始养护")), 25)),
                55, Instant.now());
        alerts.save(alert);
        String regulator = "regulator-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(regulator, PortalApi.PASSWORD, Role.REGULATOR, "监管测试员", null);

        browser.signIn(regulator, PortalApi.PASSWORD, "/regulator/alerts.html");
        browser.awaitText("#alerts tbody", name);
        browser.driver().findElement(By.linkText(browser.find("#alerts tbody").findElements(By.tagName("a")).stream()
                .filter(a -> a.getText().contains(name)).findFirst().orElseThrow().getText())).click();
        browser.awaitText("#detail-title", name);
        // the fingerprint evidence as a table, bidders by name, never by id
        assertThat(browser.find("#signals tbody").getText()).contains("3c:52:82:bb:bb:bb")
                .doesNotContain(first.toString());
        // the alike passages side by side: one column per bidder, the shared sentences highlighted
        assertThat(browser.findAll("#passages article")).hasSize(2);
        assertThat(browser.findAll("#passages article mark")).hasSize(4)
                .allSatisfy(m -> assertThat(m.getText()).isNotBlank());
        assertThat(browser.find("#passages").getText()).contains(shared, "Jaccard 0.86");
        assertThat(browser.find("#chart-prices").isDisplayed()).isTrue();

        new Select(browser.find("#handle-action")).selectByValue("investigation");
        browser.type("#handle-reason", "同一MAC地址且技术标雷同，立案调查");
        browser.click("#handle button[type=submit]");
        browser.awaitText("#steps tbody", "同一MAC地址且技术标雷同");
        browser.awaitText("#detail-meta", "调查中");
        new Select(browser.find("#handle-action")).selectByValue("confirmation");
        browser.type("#handle-reason", "经调查，两家投标文件由同一台电脑编制，认定串通投标");
        browser.click("#handle button[type=submit]");
        browser.awaitText("#steps tbody", "认定串通投标");
        browser.until(d -> !d.findElement(By.id("handle")).isDisplayed());
        browser.script("document.getElementById('detail').scrollIntoView()");
        browser.screenshot("AlertBrowserIntegrationTests.confirmed");

        // confirmation is the bad credit record proposal for exactly the linked bidders
        for (UUID bidder : List.of(first, second)) {
            assertThat(credit.recordsOf(org.sunbid.platform.id.MemberId.of(bidder))).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(CreditRecord.Kind.BAD))
                    .satisfies(r -> assertThat(r.description()).contains(alert.id().toString()));
        }
        assertThat(jdbc.sql("select state from alert where id = ?").param(alert.id()).query(String.class).single())
                .isEqualTo("CONFIRMED");
    }
}
