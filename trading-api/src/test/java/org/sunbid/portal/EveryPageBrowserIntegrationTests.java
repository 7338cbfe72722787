package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.id.MemberId;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.support.Api;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * Every page of the portal as each of its people sees it, at a desktop width (1366 px) and a phone's (390 px): no
 * horizontal scrolling, no message key left untranslated and no raw enum (EC_P256, NOT_STARTED) in the text. A
 * screenshot of every page at both widths is kept under target/screenshots/ (page-&lt;width&gt;-&lt;role&gt;-&lt;page&gt;.png)
 * as the CI artefacts.
 */
@BrowserTest
class EveryPageBrowserIntegrationTests {

    /** A raw enum constant in running text: upper-case words joined by underscores. */
    private static final Pattern RAW_ENUM = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b");

    /** A message key that is also a file name. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(json|pdf|csv|zip|pem|p12|xml|html)");

    private static final List<String> PUBLIC = List.of("/", "/search.html", "/open-data.html", "/credit.html",
            "/verify.html", "/login.html", "/register.html", "/notice.html?id=does-not-exist");

    private static final Map<Role, List<String>> BY_ROLE = new LinkedHashMap<>();

    static {
        BY_ROLE.put(Role.BIDDER, List.of("/bidder/projects.html", "/bidder/bid.html", "/bidder/upload.html",
                "/bidder/receipts.html", "/bidder/complaints.html", "/bidder/profile.html", "/bidder/deposit.html",
                "/hall.html"));
        BY_ROLE.put(Role.STAFF, List.of("/staff/members.html", "/staff/projects.html", "/staff/rooms.html",
                "/staff/experts.html", "/staff/committee.html", "/staff/evaluation.html", "/staff/deposits.html",
                "/hall.html"));
        BY_ROLE.put(Role.REGULATOR, List.of("/regulator/log.html", "/regulator/credit.html", "/regulator/alerts.html",
                "/regulator/complaints.html", "/regulator/dashboard.html", "/regulator/experts.html",
                "/regulator/deposits.html"));
        BY_ROLE.put(Role.EXPERT, List.of("/expert/invitations.html", "/expert/profile.html",
                "/expert/availability.html", "/expert/evaluation.html"));
        BY_ROLE.put(Role.TENDEREE, List.of("/tenderee/projects.html", "/award.html"));
    }

    /**
     * What a page opened without its subject (a lot) or with nothing to list must say instead of blanks: why, and
     * where to go (the empty states of issue 20).
     */
    private static final Map<String, String> SAYS = Map.of(
            "/expert/invitations.html", "您尚未被抽中",
            "/expert/evaluation.html", "未指定标段",
            "/staff/evaluation.html", "未指定标段",
            "/staff/committee.html", "未指定标段",
            "/bidder/deposit.html", "未指定标段",
            "/bidder/upload.html", "未指定标段");

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    SupervisionLog log;

    @Autowired
    NoticeManagement notices;

    /** Long names as real ones can be (a Chinese company or project name of 40–60 characters, no spaces to wrap at). */
    static final String LONG_COMPANY = "浙江省杭州市西湖区城市基础设施建设与综合管廊运营维护集团股份有限公司第三工程分公司";
    static final String LONG_PROJECT = "西湖区留下街道老旧小区综合改造暨雨污分流、架空线入地及海绵城市配套基础设施提升工程（一期）";
    static final String LONG_PERSON = "页面巡检员（交易中心信息化与电子监察部门值班人员）";

    /**
     * The data whose length has broken phone layouts before, seeded here so that the test fails alone as it does in the
     * full suite: a signed tree head (its 64-character root hash on the log page), a pending member and a project with
     * long names (the intake queue, the project list, the booking form's pickers), long people's names in the header.
     */
    private String seedLongValues(Browser browser) throws Exception {
        members.registerCompany(MemberFixtures.company(Role.BIDDER, LONG_COMPANY), Map.of());
        PortalApi.submittedProject(browser, accounts, LONG_PROJECT);
        log.issueTreeHeadNow(null);
        // a published notice as the public reads it (its page is otherwise only seen as "not found")
        Notice notice = notices.publish(new NoticeDraft("every-page:" + UUID.randomUUID(), NoticeKind.TENDER_ANNOUNCEMENT,
                UUID.randomUUID(), "3301062026E" + String.format("%06d", (int) (Math.random() * 1_000_000)), LONG_PROJECT,
                "CONSTRUCTION", "OPEN", LONG_PROJECT + "招标公告", "本项目已具备招标条件，现对该项目进行公开招标。\n招标人：" + LONG_COMPANY,
                "330106", List.of("B0201"), new BigDecimal("12345678.00"), LONG_COMPANY, null, null,
                Instant.now().plus(Duration.ofDays(20)), Instant.now().plus(Duration.ofDays(20)), List.of(), null));
        return "/notice.html?id=" + notice.publicId();
    }

    @Test
    void everyPageFitsAPhoneAndSpeaksWordsNotKeysOrEnums(Browser browser) throws Exception {
        List<String> publicPages = new ArrayList<>(PUBLIC);
        publicPages.add(seedLongValues(browser));
        Set<String> keys = messageKeys();
        List<String> problems = new ArrayList<>();
        for (int width : new int[] { 1366, 390 }) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.open("/");
            browser.script("localStorage.clear()");
            for (String page : publicPages) {
                check(browser, width, "public", page, keys, problems);
            }
            for (Map.Entry<Role, List<String>> role : BY_ROLE.entrySet()) {
                String username = user(role.getKey());
                browser.signIn(username, members(role.getKey()) ? MemberFixtures.PASSWORD : PortalApi.PASSWORD,
                        role.getValue().get(0));
                for (String page : role.getValue()) {
                    check(browser, width, role.getKey().name().toLowerCase(), page, keys, problems);
                }
                browser.click(width < 760 ? "#menu" : "#sign-out");
                if (width < 760) {
                    browser.click("#sign-out");
                }
                browser.until(d -> Boolean.TRUE.equals(browser.script(
                        "return !!document.querySelector(\"header nav a[href='/login.html']\")")));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Opens the page, waits until it has settled, screenshots it and records what is wrong with it. */
    private static void check(Browser browser, int width, String role, String page, Set<String> keys,
            List<String> problems) {
        browser.open(page);
        browser.until(d -> !browser.await("h1").getText().isBlank());
        String[] last = { "" };
        browser.until(d -> {
            String text = (String) browser.script("return document.body.innerText");
            // settled: the same text twice, no loading note, and no data request in flight (main is not aria-busy)
            boolean settled = text.equals(last[0]) && !text.contains("正在加载") && !text.contains("加载中")
                    && !"true".equals(browser.script("return document.getElementById('main')?.getAttribute('aria-busy')"));
            last[0] = text;
            return settled ? text : null;
        }, Duration.ofSeconds(20));
        String name = page.replaceFirst("^/", "").replaceAll("\\?id=does-not-exist", "-not-found")
                .replaceAll("\\?.*$", "").replaceAll("[/.]", "-");
        browser.screenshot("page-" + width + "-" + role + "-" + (name.isEmpty() ? "index" : name));
        String where = width + " px " + role + " " + page + ": ";
        long overflow = ((Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
        if (overflow > 1) {
            problems.add(where + "scrolls sideways by " + overflow + " px: " + browser.script("""
                    const w = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                      .slice(0, 3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ')"""));
        }
        String text = last[0];
        if (width > 760 && SAYS.containsKey(page) && !text.contains(SAYS.get(page))) {
            problems.add(where + "does not say \"" + SAYS.get(page) + "\"");
        }
        for (String key : keys) {
            if (text.contains(key)) {
                problems.add(where + "untranslated key " + key);
            }
        }
        Matcher matcher = RAW_ENUM.matcher(text);
        while (matcher.find()) {
            problems.add(where + "raw enum " + matcher.group());
        }
    }

    private static boolean members(Role role) {
        return role == Role.BIDDER || role == Role.EXPERT;
    }

    private String user(Role role) {
        if (members(role)) {
            return MemberFixtures.approved(members, role).username();
        }
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (role == Role.TENDEREE) {
            accounts.createMemberAccount(username, PortalApi.PASSWORD, role, MemberId.of(UUID.randomUUID()), LONG_PERSON);
            return username;
        }
        accounts.createPlatformAccount(username, PortalApi.PASSWORD, role, LONG_PERSON, null);
        return username;
    }

    /** Every key of every message bundle (those with a dot: the ones a page could show by mistake). */
    private static Set<String> messageKeys() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:static/i18n/*.json")) {
            try (InputStream in = bundle.getInputStream()) {
                JsonNode json = Api.JSON.readTree(in);
                json.propertyNames().forEach(key -> {
                    // keys that read as file names (receipt.json, receipt.pdf) also occur in command lines shown
                    if (key.contains(".") && key.length() > 6 && !FILE_NAME.matcher(key).matches()) {
                        keys.add(key);
                    }
                });
            }
        }
        assertThat(keys).hasSizeGreaterThan(100);
        return keys;
    }
}
