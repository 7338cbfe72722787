package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sunbid.identity.AccountId;
import org.sunbid.schedule.BookingPurpose;
import org.sunbid.schedule.BookingRequest;
import org.sunbid.schedule.Room;
import org.sunbid.schedule.RoomKind;
import org.sunbid.schedule.RoomManagement;
import org.sunbid.schedule.RoomSpec;
import org.sunbid.schedule.ScheduleManagement;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberSetup;
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
    MemberSetup members;

    @Autowired
    RoomManagement rooms;

    @Autowired
    ScheduleManagement schedule;

    JsonNode api(Browser browser, String method, String path, String token, Object body) throws Exception {
        return PortalApi.call(browser, method, path, token, body);
    }

    String staff() {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, Role.STAFF, "交易中心审核员", null);
        return username;
    }

    UUID accountId(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
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

    @Test
    void staffAcceptASubmittedProjectAndApproveItsAnnouncementOnTheIntakePage(Browser browser) throws Exception {
        String name = "受理测试" + UUID.randomUUID().toString().substring(0, 6) + "道路工程";
        String[] submitted = PortalApi.submittedProject(browser, accounts, name);
        String id = submitted[0];
        String token = submitted[1];

        browser.signIn(staff(), PASSWORD, "/staff/projects.html?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        browser.awaitText("#projects tbody", name);
        assertThat(browser.find("#projects tbody tr").getText()).contains("待受理");
        browser.click("#projects tbody a");
        browser.awaitText("#project-title", name);
        browser.click("#accept");
        browser.awaitText("#action-status", "已受理进场");
        assertThat(browser.find("#project-fields").getText()).contains("会审中");

        browser.click(".review-item[data-item=ANNOUNCEMENT] button.approve");
        browser.awaitText("#action-status", "会审意见已提交");
        JsonNode sheet = api(browser, "GET", "/api/projects/" + id + "/review", token, null);
        JsonNode announcement = sheet.get("items").valueStream()
                .filter(i -> i.get("item").asText().equals("ANNOUNCEMENT")).findFirst().orElseThrow();
        assertThat(announcement.get("missingApprovals").valueStream().map(JsonNode::asText).toList())
                .doesNotContain("STAFF");
        assertThat(browser.find(".review-item[data-item=ANNOUNCEMENT]").getText()).contains("交易中心：同意");
    }

    @Test
    void theRoomCalendarShowsABookingByNamesAndMovesBetweenDaysAndWeeksByKeyboard(Browser browser) throws Exception {
        Room room = rooms.create(new RoomSpec("第" + UUID.randomUUID().toString().substring(0, 4) + "开标室",
                RoomKind.OPENING_HALL, 40, List.of("投影仪"), false, "交易中心三楼"));
        // a Wednesday two weeks or more ahead, so the next day is in the same week
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY));
        Instant start = day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        String staff = staff();
        String projectName = "场地测试" + UUID.randomUUID().toString().substring(0, 6) + "工程";
        String[] submitted = PortalApi.submittedProject(browser, accounts, projectName);
        UUID project = UUID.fromString(submitted[0]);
        UUID lot = UUID.fromString(PortalApi.call(browser, "GET", "/api/projects/" + project, submitted[1], null)
                .get("lots").get(0).get("id").asText());
        var booking = schedule.book(new BookingRequest(room.id(), lot, project,
                BookingPurpose.OPENING, "键盘测试项目开标", start, start.plus(Duration.ofHours(2)), accountId(staff)),
                AccountId.of(accountId(staff)));

        browser.signIn(staff, PASSWORD, "/staff/rooms.html?date=" + day);
        browser.await(".booking[data-id='" + booking.id() + "']");
        assertThat(browser.find(".day[data-date='" + day + "']").getText()).contains("10:00").contains("键盘测试项目开标");

        browser.script("document.querySelector(\".day[data-date='" + day + "']\").focus()");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        browser.until(d -> day.plusDays(1).toString().equals(focusedDay(browser)));
        browser.driver().switchTo().activeElement().sendKeys(Keys.HOME);
        LocalDate monday = day.plusDays(1).with(java.time.DayOfWeek.MONDAY);
        browser.until(d -> monday.toString().equals(focusedDay(browser)));
        // leaving the week turns the page: the previous Sunday, with the address following, and back again
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        browser.until(d -> d.getCurrentUrl().contains("date=" + monday.minusDays(1)));
        browser.until(d -> monday.minusDays(1).toString().equals(focusedDay(browser)));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        browser.until(d -> monday.toString().equals(focusedDay(browser)));
        browser.until(d -> d.getCurrentUrl().contains("date=" + monday));

        browser.await(".booking[data-id='" + booking.id() + "']").click();
        browser.awaitText("#booking", "键盘测试项目开标");
        assertThat(browser.find("#booking").getText()).contains(room.name()).contains(projectName)
                .contains("第 1 标段").contains("交易中心审核员").doesNotContain(project.toString())
                .doesNotContain(lot.toString());
        // the booking form picks project, lot and host by name
        browser.until(d -> browser.findAll("#b-project option").stream().anyMatch(o -> o.getText().contains(projectName)
                && o.getAttribute("value").equals(project.toString())));
        browser.script("const s = document.getElementById('b-project'); s.value = arguments[0];"
                + "s.dispatchEvent(new Event('change'));", project.toString());
        assertThat(browser.findAll("#b-lot option")).extracting(WebElement::getText).anyMatch(text -> text.startsWith("第 1 标段"));
        assertThat(browser.findAll("#b-staff option")).extracting(WebElement::getText).contains("交易中心审核员");
    }

    private static String focusedDay(Browser browser) {
        return (String) browser.script("return document.activeElement && document.activeElement.dataset.date || null");
    }
}
