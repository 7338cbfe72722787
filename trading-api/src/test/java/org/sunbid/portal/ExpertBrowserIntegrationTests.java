package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.expert.ExpertFixtures;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.expert.OpenedLotRows;
import org.sunbid.expert.SeatId;
import org.sunbid.expert.internal.AnswerLinks;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import org.sunbid.support.MutableClock;

/**
 * The committee pages in a real Chromium: staff run a lot's draw and see the seats in draw order with the names
 * sealed; a drawn expert declines on its invitations page; the reserve is promoted on the staff page and accepts
 * through the signed link of its invitation.
 */
@BrowserTest
class ExpertBrowserIntegrationTests {

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

    @Autowired
    AnswerLinks answerLinks;

    UUID company(Role role) {
        var form = MemberFixtures.company(role, "抽取页面" + role.name() + UUID.randomUUID().toString().substring(0, 4),
                MemberFixtures.uscc(), MemberFixtures.idNumber(), null);
        UUID id = members.registerCompany(form, Map.of()).id();
        members.approve(id, null);
        return id;
    }

    @Test
    void staffRunTheDrawAndSeeSealedSeatsAndADeclineOnTheExpertsPagePromotesTheReserve(Browser browser) {
        String region = ExpertFixtures.freshRegion();
        List<ExpertFixtures.Expert> experts = ExpertFixtures.admitted(members, library, region, "B0201", 7);
        // admitted before the bid deadline (two hours ago), so that they are in the lot's pool
        for (ExpertFixtures.Expert e : experts) {
            jdbc.sql("update expert_library set admitted_at = admitted_at - interval '1 day', updated_at = updated_at - interval '1 day' where member_id = ?")
                    .param(e.id()).update();
            jdbc.sql("update expert_library_version set valid_from = valid_from - interval '1 day' where member_id = ?")
                    .param(e.id()).update();
        }
        UUID[] ids = OpenedLotRows.insert(jdbc, company(Role.TENDEREE), List.of(company(Role.BIDDER), company(Role.BIDDER),
                company(Role.BIDDER)), MemberFixtures.uscc(), clock.instant().minus(Duration.ofHours(2)), "B0201", region, 5, 1);
        String staff = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(staff, PASSWORD, Role.STAFF, "交易中心抽取员", null);

        browser.signIn(staff, PASSWORD, "/staff/committee.html?project=" + ids[0] + "&lot=" + ids[1]);
        browser.awaitText("#plan tbody", "道路工程");
        assertThat(browser.find("#plan tbody").getText()).contains(region).contains("7");
        assertThat(browser.find("#lot-title").getText()).contains("抽取测试道路工程").contains("第1标段");
        browser.awaitText("#committee-state", "待抽取"); // the committee view loads after the plan

        browser.click("#run-draw");
        browser.awaitText("#draw-status", "抽取完成");
        assertThat(browser.find("#draw-summary").getText()).contains("7").contains("抽取记录 SHA-256");
        browser.until(d -> d.findElements(By.cssSelector("#seats tbody tr")).size() == 6);
        assertThat(states(browser)).containsExactly("INVITED", "INVITED", "INVITED", "INVITED", "INVITED", "RESERVE");
        assertThat(browser.find("#seats tbody").getText()).contains("已通知，待答复").contains("备选")
                .contains("密封至评标开始");
        for (ExpertFixtures.Expert e : experts) {
            String name = members.details(e.id()).name();
            assertThat(browser.find("#seats tbody").getText()).as("staff never see a drawn name").doesNotContain(name);
        }
        assertThat(browser.find("#run-draw").isDisplayed()).isFalse();

        // an invited expert declines on its own page, giving a reason
        ExpertFixtures.Expert invited = experts.stream().filter(e -> jdbc.sql(
                "select count(*) from expert_seat where expert_id = ? and state = 'INVITED'").param(e.id())
                .query(Integer.class).single() == 1).findFirst().orElseThrow();
        browser.signIn(invited.username(), MemberFixtures.PASSWORD, "/expert/invitations.html");
        browser.awaitText("#invitations tbody", "抽取测试道路工程");
        assertThat(browser.find("#invitations tbody").getText()).contains("第1标段").contains("剩余");
        browser.type("#invitations tbody input[name=reason]", "当天已有评标任务");
        browser.click("#invitations tbody button.decline");
        browser.awaitText("#status", "已拒绝");
        browser.awaitText("#invitations tbody", "已拒绝");

        // back on the staff page: the reserve was promoted and invited, the declined seat shows its state
        browser.signIn(staff, PASSWORD, "/staff/committee.html?project=" + ids[0] + "&lot=" + ids[1]);
        browser.awaitText("#seats tbody", "已拒绝");
        assertThat(states(browser)).as("the reserve now holds an invitation")
                .containsExactly("INVITED", "INVITED", "INVITED", "INVITED", "INVITED", "DECLINED");
        browser.screenshot("expert-committee-draw");

        // the promoted reserve answers through the signed accept link of its invitation mail, without a login: the
        // page shows the invitation and answers only on the confirm button
        var reserve = jdbc.sql("select id, expert_id, answer_due from expert_seat where lot_id = ? and rank = 5 and state = 'INVITED'")
                .param(ids[1]).query((rs, n) -> new AnswerLinks.Claim(AnswerLinks.Answer.ACCEPT,
                        new SeatId(rs.getObject("id", UUID.class)), new MemberId(rs.getObject("expert_id", UUID.class)),
                        rs.getTimestamp("answer_due").toInstant())).single();
        String link = answerLinks.link(reserve.answer(), reserve.seat(), reserve.expert(), reserve.due());
        browser.open(link.substring(link.indexOf("/expert/answer.html")));
        browser.awaitText("#project", "抽取测试道路工程");
        assertThat(browser.find("#lot").getText()).contains("第1标段");
        assertThat(browser.find("#asked").getText()).isEqualTo("参加评标");
        assertThat(browser.find("#state").getText()).isEqualTo("已通知，待答复");
        for (ExpertFixtures.Expert e : experts) {
            assertThat(browser.find("main").getText()).as("the page names no expert").doesNotContain(members.details(e.id()).name());
        }
        assertThat(jdbc.sql("select state from expert_seat where id = ?").param(reserve.seat().value()).query(String.class)
                .single()).as("opening the link answered nothing").isEqualTo("INVITED");
        browser.click("#confirm");
        browser.awaitText("#status", "已确认参加");
        assertThat(browser.find("#state").getText()).isEqualTo("已接受");
        assertThat(browser.find("#confirm").isDisplayed()).isFalse();
        browser.screenshot("expert-answer-link");

        // a regulator replays the draw record in the browser (WebCrypto SHA-256 over the record and the pool file)
        String regulator = "regulator-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(regulator, PASSWORD, Role.REGULATOR, "监督员", null);
        browser.signIn(regulator, PASSWORD, "/staff/committee.html?project=" + ids[0] + "&lot=" + ids[1]);
        browser.until(d -> !d.findElements(By.cssSelector("#records tbody button.replay")).isEmpty());
        browser.click("#records tbody button.replay");
        browser.awaitText("#records tbody .replay-verdict", "一致：");
        assertThat(browser.find("#records tbody .replay-verdict").getText()).contains("5 名专家").contains("1 名备选")
                .doesNotContain("不一致");
        browser.screenshot("expert-draw-replay");
        // someone changes the published pool file behind the record: the same check now says it does not match
        jdbc.sql("update expert_pool set content = overlay(content placing '9'::bytea from length(content) - 1 for 1) where lot_id = ?")
                .param(ids[1]).update();
        browser.signIn(regulator, PASSWORD, "/staff/committee.html?project=" + ids[0] + "&lot=" + ids[1]);
        browser.until(d -> !d.findElements(By.cssSelector("#records tbody button.replay")).isEmpty());
        browser.click("#records tbody button.replay");
        browser.awaitText("#records tbody .replay-verdict", "不一致");
        assertThat(browser.find("#records tbody .replay-verdict").getText()).contains("专家池文件不是记录所指的文件");
    }

    private static List<String> states(Browser browser) {
        List<String> states = new java.util.ArrayList<>();
        for (WebElement row : browser.findAll("#seats tbody tr")) {
            states.add(row.getDomAttribute("data-state"));
        }
        states.sort(java.util.Comparator.comparing(s -> s.equals("INVITED") ? 0 : 1));
        return states;
    }
}
