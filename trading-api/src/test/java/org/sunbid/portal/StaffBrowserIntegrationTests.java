package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberStatus;
import org.sunbid.member.Upload;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;

/** Centre staff's pages in a real headless Chromium. */
@BrowserTest
class StaffBrowserIntegrationTests {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberManagement members;

    String staff() {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, Role.STAFF, "交易中心审核员", null);
        return username;
    }

    /** A company registered with one qualification and its scan, waiting for review. */
    UUID pendingCompany(String name) {
        MemberForms.CompanyRegistration base = MemberFixtures.company(Role.BIDDER, name);
        MemberForms.CompanyRegistration form = new MemberForms.CompanyRegistration(base.role(), base.username(),
                base.password(), base.name(), base.uscc(), base.legalRepresentative(), base.controllingShareholder(),
                base.contacts(), base.address(), base.regionCode(), base.businessScope(), base.bankAccount(),
                List.of(new MemberForms.QualificationInput("建筑业企业资质", "D233012345", "市政公用工程施工总承包贰级",
                        "浙江省住房和城乡建设厅", "2030-12-31")));
        byte[] scan = MemberFixtures.png(2048);
        return members.registerCompany(form, Map.of("qualifications[0].scan",
                new Upload("qualifications[0].scan", "资质证书.png", scan.length, () -> new ByteArrayInputStream(scan))))
                .id();
    }

    @Test
    void staffApproveAPendingMemberOnTheReviewPageAfterOpeningItsQualificationScan(Browser browser) {
        String name = "审核测试" + UUID.randomUUID().toString().substring(0, 6) + "建设有限公司";
        UUID member = pendingCompany(name);

        browser.signIn(staff(), PASSWORD, "/staff/members.html?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        browser.awaitText("#members tbody", name);
        assertThat(browser.find("#members tbody tr").getText()).contains("待审核");
        browser.click("#members tbody a");
        browser.until(d -> d.getCurrentUrl().contains("id=" + member));
        browser.awaitText("#member-title", name);
        assertThat(browser.find("#qualifications").getText()).contains("D233012345");

        // the scan opens in a new tab, fetched with the staff member's token
        String page = browser.driver().getWindowHandle();
        browser.click("#qualifications button.scan");
        browser.until(d -> d.getWindowHandles().size() == 2);
        for (String handle : browser.driver().getWindowHandles()) {
            if (!handle.equals(page)) {
                browser.driver().switchTo().window(handle);
                browser.until(d -> d.getCurrentUrl().startsWith("blob:"));
                browser.driver().close();
            }
        }
        browser.driver().switchTo().window(page);

        browser.click("#approve");
        browser.awaitText("#decision-status", "已审核通过");
        assertThat(members.details(member).status()).isEqualTo(MemberStatus.APPROVED);
        assertThat(browser.find("#member-fields").getText()).contains("已审核");
        assertThat(browser.find("#decision").isDisplayed()).isFalse();
    }

    @Test
    void returningAMemberNeedsAReasonWhichTheMemberThenSees(Browser browser) {
        String name = "退回测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        UUID member = pendingCompany(name);
        browser.signIn(staff(), PASSWORD, "/staff/members.html?id=" + member);
        browser.awaitText("#member-title", name);
        browser.click("#return-form button[type=submit]");
        assertThat(browser.await("#return-form .field-error").getText()).isNotBlank();
        assertThat(members.details(member).status()).isEqualTo(MemberStatus.PENDING);

        browser.type("#reason", "营业执照扫描件不清晰，请重新上传。");
        browser.click("#return-form button[type=submit]");
        browser.awaitText("#decision-status", "已退回");
        assertThat(members.details(member).status()).isEqualTo(MemberStatus.RETURNED);
        assertThat(browser.find("#member-fields").getText()).contains("营业执照扫描件不清晰");
    }
}
