package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.expert.ExpertFixtures;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.expert.OpenedLotRows;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import org.sunbid.support.MutableClock;

/**
 * The expert's own pages, the committee plan in the intake form and the regulator's draw statistics in a real
 * Chromium: an expert reads its entry by name and keeps its conflicts and leave; the tenderee writes a lot's plan on
 * its own page (region picked by name) with the server's live eligible count and the composition rule in words, staff
 * find it in the intake form and see a drawn lot's status as states with every name sealed; a regulator gets the
 * ECharts statistics from the real seats.
 */
@BrowserTest
class ExpertPortalBrowserIntegrationTests {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    ExpertLibrary library;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    UUID company(Role role, String name, String uscc) {
        UUID id = members.registerCompany(MemberFixtures.company(role, name, uscc, MemberFixtures.idNumber(), null),
                Map.of()).id();
        members.approve(id, null);
        return id;
    }

    String platformAccount(Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, role, "专家页面" + role.name(), null);
        return username;
    }

    /** The page at a phone's width with data in it: nothing scrolls sideways; a screenshot; back to the desktop. */
    static void phone(Browser browser, String page, String css, String text) {
        browser.driver().manage().window().setSize(new Dimension(390, 900));
        browser.open(page);
        browser.awaitText(css, text);
        assertThat(((Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue())
                .as(page + " at 390 px").isLessThanOrEqualTo(1);
        browser.screenshot("phone" + page.replaceAll("[/.]", "-"));
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.open(page);
        browser.awaitText(css, text);
    }

    @Test
    void anExpertKeepsItsOwnPagesStaffPlanWithALiveCountAndRegulatorsSeeTheDrawStatistics(Browser browser)
            throws Exception {
        // the expert's entry by name, its conflicts and leave
        String employerUscc = MemberFixtures.uscc();
        String employer = "西湖路桥设计院" + UUID.randomUUID().toString().substring(0, 4);
        company(Role.BIDDER, employer, employerUscc);
        ExpertFixtures.Expert me = ExpertFixtures.admitted(members, library, "330106", "B0201", employerUscc, "SENIOR", 15);
        browser.signIn(me.username(), MemberFixtures.PASSWORD, "/expert/profile.html");
        browser.awaitText("#fields", employer);
        assertThat(browser.find("#fields").getText()).contains("正高级").contains("15 年").contains("浙江省杭州市西湖区")
                .contains("可抽取");
        assertThat(browser.find("#specialties").getText()).contains("市政公用工程 / 道路工程（B0201）");
        assertThat(browser.find("#cap").getText()).contains("30 天内至多 3 次").contains("还可被抽取 3 次");
        assertThat(browser.find("#no-entries").isDisplayed()).isTrue();
        browser.screenshot("expert-profile");
        phone(browser, "/expert/profile.html", "#fields", employer);

        browser.open("/expert/availability.html");
        browser.await("#no-conflicts");
        browser.until(d -> browser.find("#no-conflicts").isDisplayed());
        browser.type("#uscc", "12345").type("#conflict-reason", "曾在该单位任职");
        browser.click("#conflict-form button[type=submit]");
        browser.awaitText("#conflict-form .field-error", "统一社会信用代码");
        browser.type("#uscc", employerUscc);
        browser.click("#conflict-form button[type=submit]");
        browser.awaitText("#conflicts tbody", employer);
        assertThat(browser.find("#conflicts tbody").getText()).contains("曾在该单位任职");
        browser.script("document.getElementById('startsAt').value = arguments[0];"
                + "document.getElementById('endsAt').value = arguments[1]", "2027-01-10T09:00", "2027-01-12T18:00");
        browser.type("#leave-reason", "外地出差");
        browser.click("#leave-form button[type=submit]");
        browser.awaitText("#leaves tbody", "外地出差");
        assertThat(browser.find("#leaves tbody").getText()).contains("2027");
        browser.screenshot("expert-availability");
        phone(browser, "/expert/availability.html", "#leaves tbody", "外地出差");
        browser.click("#leaves tbody button.withdraw");
        browser.until(d -> browser.find("#no-leaves").isDisplayed());
        browser.click("#conflicts tbody button.withdraw");
        browser.until(d -> browser.find("#no-conflicts").isDisplayed());
        assertThat(jdbc.sql("select count(*) from expert_leave where member_id = ? and withdrawn_at is not null")
                .param(me.id()).query(Integer.class).single()).isEqualTo(1);

        // the tenderee writes its submitted project's plan on its own page: specialty and region by name, live count
        // from the server, rules in words (the experts are the only B0202 experts in Yunnan, 53xxxx)
        String region = ExpertFixtures.freshRegion();
        List<ExpertFixtures.Expert> pool = ExpertFixtures.admitted(members, library, region, "B0202", 6);
        ExpertFixtures.admittedYesterday(jdbc, pool);
        String name = "专家方案测试项目" + UUID.randomUUID().toString().substring(0, 4);
        String[] submitted = PortalApi.submittedProject(browser, accounts, name);
        String project = submitted[0];
        browser.signIn(submitted[2], PASSWORD, "/tenderee/projects.html");
        browser.awaitText("#projects tbody", name);
        browser.click("#projects tbody tr[data-id='" + project + "'] a");
        browser.await("#plans .plan-form");
        new Select(browser.await("#plans select[name='groups[0].specialty']")).selectByValue("B0202");
        new Select(browser.find("#plans select[name='groups[0].region']")).selectByVisibleText("云南省（全省）");
        browser.type("#plans input[name='groups[0].experts']", "4");
        browser.type("#plans input[name='groups[0].reserves']", "1");
        browser.awaitText("#plans .plan-live", "不得少于 5 人");
        browser.awaitText("#plans .eligible", "6 人");
        assertThat(browser.find("#plans .eligible").getText()).contains("云南省（53）");
        browser.type("#plans input[name='groups[0].experts']", "5");
        browser.type("#plans textarea[name=representatives]", "王代表\n李代表");
        browser.awaitText("#plans .plan-live", "委员会共 7 人");
        browser.type("#plans input[name='groups[0].reserves']", "2");
        browser.until(d -> "false".equals(browser.find("#plans .eligible").getDomAttribute("data-enough")));
        browser.type("#plans input[name='groups[0].reserves']", "1");
        browser.click("#plans .plan-form button[type=submit]");
        browser.awaitText("#plans .plan-saved", "组建方案已保存");
        assertThat(jdbc.sql("""
                select count(*) from expert_plan_group g join project_lot l on l.id = g.lot_id
                 where l.project_id = ? and g.specialty = 'B0202' and g.region = '53' and g.experts = 5""")
                .param(UUID.fromString(project)).query(Integer.class).single()).isEqualTo(1);
        browser.script("document.getElementById('plans').scrollIntoView()");
        browser.screenshot("tenderee-committee-plan");

        // staff see the same plan in the intake form, the region by name
        String staff = platformAccount(Role.STAFF);
        browser.signIn(staff, PASSWORD, "/staff/projects.html?status=SUBMITTED&id=" + project);
        browser.await("#plans .plan-form");
        assertThat(new Select(browser.find("#plans select[name='groups[0].region']")).getFirstSelectedOption().getText())
                .isEqualTo("云南省（全省）");
        browser.awaitText("#plans .plan-live", "委员会共 7 人");

        // a published lot after its draw: its status as states and counts, no drawn name
        UUID[] ids = OpenedLotRows.insert(jdbc, company(Role.TENDEREE, "方案招标人" + region, MemberFixtures.uscc()),
                List.of(company(Role.BIDDER, "方案投标甲" + region, MemberFixtures.uscc()),
                        company(Role.BIDDER, "方案投标乙" + region, MemberFixtures.uscc()),
                        company(Role.BIDDER, "方案投标丙" + region, MemberFixtures.uscc())),
                MemberFixtures.uscc(), clock.instant().minus(Duration.ofHours(2)), "B0202", region, 5, 1);
        String staffToken = PortalApi.call(browser, "POST", "/api/auth/login", null,
                Map.of("username", staff, "password", PASSWORD)).get("accessToken").asText();
        PortalApi.call(browser, "POST", "/api/projects/" + ids[0] + "/lots/" + ids[1] + "/expert-draw", staffToken, null);
        browser.open("/staff/projects.html?status=PUBLISHED&id=" + ids[0]);
        browser.awaitText("#plans .draw-state", "已抽取");
        assertThat(browser.find("#plans .draw-state").getText()).contains("已通知，待答复 5").contains("备选 1")
                .contains("评标开始前不显示专家姓名");
        assertThat(browser.find("#plans").getText()).contains("桥梁隧道").contains("6 人");
        String page = browser.find("main").getText();
        for (ExpertFixtures.Expert e : pool) {
            assertThat(page).as("staff never see a drawn name").doesNotContain(members.details(e.id()).name());
        }
        browser.script("document.getElementById('plans').scrollIntoView()");
        browser.screenshot("staff-committee-draw-state");

        // the regulator's statistics, reached from the dashboard: ECharts drawn from the real seats, each with its table
        browser.signIn(platformAccount(Role.REGULATOR), PASSWORD, "/regulator/dashboard.html");
        browser.click("#expert-statistics");
        browser.until(d -> "drawn".equals(browser.find("body").getDomAttribute("data-charts")));
        assertThat(browser.findAll("#chart-distribution canvas")).isNotEmpty();
        assertThat(browser.findAll("#chart-specialty canvas")).isNotEmpty();
        assertThat((String) browser.script("return document.querySelector('#fig-specialty .table').textContent"))
                .contains("桥梁隧道");
        assertThat(browser.find("#status").getText()).contains("被抽取");
        assertThat(browser.find("main").getText()).doesNotContain(members.details(pool.get(0).id()).name());
        assertThat(browser.findAll("script[src*='echarts']")).hasSize(1);
        browser.screenshot("regulator-expert-statistics");
    }
}
