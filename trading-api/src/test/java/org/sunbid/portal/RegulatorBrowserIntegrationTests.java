package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;

/** The regulator's pages in a real headless Chromium: the log with in-browser proof checks, and the dashboard. */
@BrowserTest
class RegulatorBrowserIntegrationTests {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    AccountManagement accounts;

    @Autowired
    SupervisionLog log;

    @Autowired
    org.sunbid.notice.NoticeManagement notices;

    @Autowired
    org.sunbid.member.MemberSetup members;

    @Autowired
    org.sunbid.credit.CreditCheck credit;

    String regulator() {
        String username = "regulator-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, Role.REGULATOR, "监管测试员", null);
        return username;
    }

    @Test
    void aRegulatorOpensALogEntryAndTheBrowserVerifiesItsInclusionProofButNotATamperedOne(Browser browser) {
        browser.signIn(regulator(), PASSWORD, "/regulator/log.html");
        browser.await("#entries tbody tr");
        WebElement first = browser.findAll("#entries tbody tr").get(0);
        String seq = first.getAttribute("data-seq");
        first.findElement(By.cssSelector("button.open")).click();

        browser.until(d -> d.getCurrentUrl().contains("seq=" + seq));
        browser.until(d -> "verified".equals(browser.find("#verdict").getAttribute("data-result")));
        assertThat(browser.find("#verdict").getText()).contains("已验证").contains("第 " + seq + " 号条目");
        List<WebElement> checks = browser.findAll("#checks li");
        assertThat(checks).hasSize(5);
        assertThat(checks).allSatisfy(li -> assertThat(li.findElement(By.cssSelector(".badge")).getText()).isEqualTo("通过"));
        browser.script("document.getElementById('verdict').scrollIntoView()");
        browser.screenshot("RegulatorBrowserIntegrationTests.verified");

        // one flipped character in the audit path: the root no longer matches the signed tree head
        browser.click("#debug summary");
        browser.script("""
                const input = document.getElementById('proof-input');
                const proof = JSON.parse(input.value);
                const flip = (h) => (h[0] === '0' ? '1' : '0') + h.slice(1);
                if (proof.path.length) { proof.path[0] = flip(proof.path[0]); } else { proof.leafHash = flip(proof.leafHash); }
                input.value = JSON.stringify(proof, null, 2);""");
        browser.click("#verify-edited");
        browser.until(d -> "failed".equals(browser.find("#verdict").getAttribute("data-result")));
        assertThat(browser.find("#verdict").getText()).contains("验证失败");
        String failedCheck = browser.find("#checks li .badge.bad").findElement(By.xpath("..")).getAttribute("data-check");
        assertThat(failedCheck).isIn("check.root", "check.leaf");

        // the original proof verifies again
        browser.click("#reset-proof");
        browser.until(d -> "verified".equals(browser.find("#verdict").getAttribute("data-result")));
    }

    @Test
    void theLogKeepsItsFiltersInTheAddressNamesItsActorsAndSwitchesToEnglish(Browser browser) {
        String username = "regulator-" + UUID.randomUUID().toString().substring(0, 8);
        String person = "监管员" + username.substring(10);
        String id = accounts.createPlatformAccount(username, PASSWORD, Role.REGULATOR, person, null).toString();
        browser.signIn(username, PASSWORD, "/regulator/log.html?action=identity.logged-in");
        browser.await("#entries tbody tr");
        assertThat(browser.find("#f-action").getAttribute("value")).isEqualTo("identity.logged-in");
        // the event picker offers events by name, the actor column names people instead of account ids
        assertThat(browser.find("#f-action option[value='identity.logged-in']").getText()).isEqualTo("登录");
        browser.until(d -> browser.findAll("#entries tbody td.actor").stream()
                .anyMatch(td -> td.getText().contains(person) && id.equals(td.getAttribute("title"))));
        assertThat(browser.findAll("#entries tbody td.actor")).noneSatisfy(td ->
                assertThat(td.getText()).containsPattern("[0-9a-f]{8}-"));

        // the actor picker: typing a name offers the matching accounts; the chosen one filters by its id
        browser.type("#f-actor-name", person);
        WebElement option = browser.until(d -> browser.findAll("#actor-options option").stream()
                .filter(o -> o.getAttribute("value").contains(username)).findFirst().orElse(null));
        browser.script("const input = document.getElementById('f-actor-name'); input.value = arguments[0];"
                + "input.dispatchEvent(new Event('change'));", option.getAttribute("value"));
        browser.click("#filters button[type=submit]");
        browser.until(d -> d.getCurrentUrl().contains("actor=" + id));
        browser.await("#entries tbody tr");
        assertThat(browser.findAll("#entries tbody td.actor")).allSatisfy(td ->
                assertThat(td.getAttribute("title")).isEqualTo(id));
        assertThat(browser.find("#f-actor-name").getAttribute("value")).contains(person);
        // a name that is no account is refused in words, not sent as an id
        browser.type("#f-actor-name", "没有这个人");
        browser.click("#filters button[type=submit]");
        assertThat((String) browser.script("return document.getElementById('f-actor-name').validationMessage"))
                .contains("没有找到名为“没有这个人”的操作人");
        browser.open("/regulator/log.html?action=identity.logged-in");
        browser.await("#entries tbody tr");
        assertThat(browser.findAll("#entries tbody tr td:nth-child(3)"))
                .allSatisfy(td -> {
                    assertThat(td.getText()).isEqualTo("登录");
                    assertThat(td.getAttribute("title")).isEqualTo("identity.logged-in");
                });
        browser.click("#lang");
        browser.awaitText("main h1", "Supervision log");
        browser.await("#entries tbody tr");
        assertThat(browser.find("#f-action").getAttribute("value")).isEqualTo("identity.logged-in");
        browser.script("localStorage.removeItem('sunbid.lang')");
    }

    @Test
    void theDashboardDrawsItsFourChartsWithoutJavaScriptErrors(Browser browser) throws Exception {
        String name = "看板测试" + UUID.randomUUID().toString().substring(0, 6) + "工程";
        UUID project = UUID.fromString(PortalApi.submittedProject(browser, accounts, name)[0]);
        notices.publish(new org.sunbid.notice.NoticeDraft("dashboard-test:" + project, org.sunbid.notice.NoticeKind.AWARD,
                project, "3301062026A999999", name, "CONSTRUCTION", "OPEN", "中标结果公告", "中标人：看板测试建设有限公司",
                "330106", List.of("B0201"), new java.math.BigDecimal("9000000.00"), "西湖区城建中心", null,
                "看板测试建设有限公司", null, null, List.of(), null));
        log.issueTreeHeadNow(null);
        browser.signIn(regulator(), PASSWORD, "/regulator/dashboard.html");
        browser.until(d -> "drawn".equals(browser.find("body").getAttribute("data-charts")));
        // a chart with nothing but zeros gives way to an empty state that says why (no lot opened with bids yet)
        if (!browser.findAll("#chart-bids .empty-state").isEmpty()) {
            assertThat(browser.find("#chart-bids .empty-state").getText()).contains("还没有开标的标段");
            assertThat(browser.findAll("#chart-bids canvas")).isEmpty();
        }
        for (String chart : List.of("#chart-months", "#chart-award", "#chart-log")) {
            WebElement canvas = browser.await(chart + " canvas");
            assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(100);
            assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(100);
        }
        assertThat(browser.find("#log-summary").getText()).containsPattern("当前 \\d+ 条");
        assertThat(browser.find("#award-summary").getText()).containsPattern("平均 [\\d.]+ 天");
        browser.click("#fig-months summary");
        assertThat(browser.find("#fig-months table").getText()).contains("工程建设");
        browser.click("#fig-log summary");
        assertThat(browser.findAll("#fig-log table tbody tr")).isNotEmpty();
    }

    @Test
    void aRegulatorFindsAMemberAndBansItThroughTheCreditPage(Browser browser) throws Exception {
        var member = org.sunbid.member.MemberFixtures.approved(members, Role.BIDDER);
        String name = members.details(member.memberId()).name();
        String uscc = members.details(member.memberId()).company().uscc();
        java.nio.file.Path decision = java.nio.file.Files.createTempFile("decision-", ".pdf");
        java.nio.file.Files.writeString(decision, "%PDF-1.4\n% 行政处罚决定书\n");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        browser.signIn(regulator(), PASSWORD, "/regulator/credit.html?q=" + uscc);
        browser.awaitText("#matches", name);
        browser.click("#matches a");
        browser.until(d -> d.getCurrentUrl().contains("member=" + member.memberId()));
        browser.awaitText("#standing", "无不良");

        browser.type("#b-reason", "与其他投标人串通投标");
        browser.type("#b-legal", "《招标投标法》第五十三条");
        browser.type("#b-authority", "杭州市西湖区发展和改革局");
        browser.script("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                browser.find("#b-starts"), today.toString(), browser.find("#b-ends"), today.plusYears(1).toString());
        browser.find("#b-doc").sendKeys(decision.toAbsolutePath().toString());
        browser.click("#new-ban button[type=submit]");
        browser.awaitText("#member-status", "禁入决定已保存");
        browser.awaitText("#standing", "禁入中");
        assertThat(browser.find("#bans").getText()).contains(name).contains("串通投标或行贿");
        assertThat(credit.standing(org.sunbid.platform.id.MemberId.of(member.memberId()), org.sunbid.credit.BanScope.ALL, java.time.Instant.now()))
                .isInstanceOf(org.sunbid.credit.Standing.Banned.class);
        java.nio.file.Files.deleteIfExists(decision);
    }

    /**
     * The page's JavaScript against the server's Java on the same inputs: the leaf text and hash of entries with
     * awkward strings, and the root reached from every leaf of trees of 1 to 33 leaves.
     */
    @Test
    void theBrowsersLeafHashesAndAuditPathRootsMatchTheServersExactly(Browser browser) throws Exception {
        java.util.Random random = new java.util.Random(9162);
        java.util.List<java.util.Map<String, Object>> entries = new java.util.ArrayList<>();
        String[] awkward = { "引号\"与\\反斜杠", "换行\n回车\r制表\t退格\b换页\f", "控制\u0001\u001f和\u007f", "表情😀与\u2028",
                "孤立代理\ud800项", "" };
        for (int i = 0; i < awkward.length; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            var entry = new org.sunbid.supervision.LogEntry(i * 1_000_003L, java.time.Instant.parse("2026-11-27T12:00:00Z")
                    .plusNanos(i * 1_000_123_000L), "system", i % 2 == 0 ? null : "STAFF", "test." + awkward[i],
                    i == 3 ? null : awkward[i], "{}", digest, i == 2 ? null : "10.0.0." + i, awkward[(i + 1) % awkward.length]);
            java.util.Map<String, Object> json = new java.util.HashMap<>();
            json.put("seq", entry.seq());
            json.put("at", entry.at().toString());
            json.put("actor", entry.actor());
            json.put("actorRole", entry.actorRole());
            json.put("action", entry.action());
            json.put("subject", entry.subject());
            json.put("detailsSha256", java.util.Base64.getEncoder().encodeToString(digest));
            json.put("clientIp", entry.clientIp());
            json.put("deviceFingerprint", entry.deviceFingerprint());
            json.put("expectedLeafJson", entry.leafJson());
            json.put("expectedLeafHash", java.util.HexFormat.of().formatHex(
                    org.sunbid.signing.merkle.MerkleTree.leafHash(entry.leafBytes())));
            entries.add(json);
        }
        java.util.List<String> proofs = new java.util.ArrayList<>();
        for (int size = 1; size <= 33; size++) {
            java.util.List<byte[]> leaves = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] leaf = new byte[32];
                random.nextBytes(leaf);
                leaves.add(leaf);
            }
            for (int index = 0; index < size; index++) {
                proofs.add(org.sunbid.signing.merkle.InclusionProof.generate(
                        org.sunbid.signing.merkle.LeafSource.of(leaves), index, size).toJson());
            }
        }

        browser.open("/login.html");
        browser.await("#login");
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const [entries, proofs, done] = arguments;
                import('/js/regulator/merkle.js').then(async (m) => {
                  const problems = [];
                  for (const e of entries) {
                    const text = m.leafJson(e);
                    if (text !== e.expectedLeafJson) problems.push('leaf text ' + e.seq + ': ' + text);
                    const hash = m.hex(await m.leafHash(m.utf8(text)));
                    if (hash !== e.expectedLeafHash) problems.push('leaf hash ' + e.seq);
                  }
                  for (const json of proofs) {
                    const p = JSON.parse(json);
                    const r = await m.rootFromPath(p.leafIndex, p.treeSize, m.fromHex(p.leafHash), p.path.map(m.fromHex));
                    if (r.error || m.hex(r.root) !== p.rootHash) problems.push('root ' + p.leafIndex + '/' + p.treeSize + ' ' + r.error);
                    if (p.path.length) {
                      const short = await m.rootFromPath(p.leafIndex, p.treeSize, m.fromHex(p.leafHash), p.path.slice(1).map(m.fromHex));
                      if (!short.error && m.hex(short.root) === p.rootHash) problems.push('short path accepted ' + p.leafIndex + '/' + p.treeSize);
                    }
                  }
                  done({ checked: entries.length + proofs.length, problems });
                }).catch((e) => done({ checked: 0, problems: [String(e)] }));""", entries, proofs);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> outcome = (java.util.Map<String, Object>) result;
        assertThat((java.util.List<?>) outcome.get("problems")).isEmpty();
        assertThat(((Number) outcome.get("checked")).intValue()).isEqualTo(entries.size() + proofs.size());
    }
}
