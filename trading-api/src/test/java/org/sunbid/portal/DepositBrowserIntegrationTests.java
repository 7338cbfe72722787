package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.deposit.DepositInstructions;
import org.sunbid.deposit.DepositManagement;
import org.sunbid.deposit.ForfeitManagement;
import org.sunbid.deposit.GuaranteeManagement;
import org.sunbid.deposit.Money;
import org.sunbid.deposit.RefundManagement;
import org.sunbid.deposit.RefundReason;
import org.sunbid.deposit.StatementFormat;
import org.sunbid.deposit.StatementImports;
import org.sunbid.deposit.VirtualAccountNumber;
import org.sunbid.deposit.internal.DepositAccounts;
import org.sunbid.deposit.internal.Journal;
import org.sunbid.deposit.internal.LedgerAccount;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.project.ProjectSetup;
import org.sunbid.project.ProjectView;
import org.sunbid.project.Registration;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff deposit page in a real headless Chromium: a statement with a mistyped virtual account is imported through
 * the page, its credit waits in the suspense queue and staff match it to the right account; the refund then goes into
 * a batch made by one staff member, which the page lets only another approve (maker–checker), and the pain.001 is
 * offered for download. Staff also keep the trust list of guarantee issuers through its form. Tables show names and
 * yuan, not ids or JSON.
 */
@BrowserTest
class DepositBrowserIntegrationTests {

    @Autowired
    AccountManagement accounts;
    @Autowired
    MemberSetup members;
    @Autowired
    DepositAccounts deposits;
    @Autowired
    RefundManagement refunds;
    @Autowired
    StatementImports imports;
    @Autowired
    ForfeitManagement forfeits;
    @Autowired
    Journal ledger;
    @Autowired
    DepositManagement depositManagement;
    @Autowired
    GuaranteeManagement guarantees;
    @Autowired
    ProjectSetup projects;

    @Test
    void staffImportMatchTheSuspenseCreditAndRefundItUnderMakerChecker(Browser browser) throws Exception {
        DepositDue due = depositDue(browser, "保证金页面测试", "200000.00");
        UUID lot = due.lot();
        var bidder = due.bidder();
        String bidderName = due.bidderName();
        VirtualAccountNumber va = due.va();
        String maker = staff("制单员");
        String checker = staff("复核员");

        // a statement paying the bidder's deposit to a mistyped virtual account (two differing digits swapped: a pair
        // of equal digits would leave the number unchanged and the credit would not reach the suspense queue)
        String typo = transposed(va.value());
        assertThat(typo).isNotEqualTo(va.value()).hasSize(20);
        String ref = "BRW" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("statement-", ".csv");
        Files.writeString(csv, String.join("\n", "# statement=STMT-" + ref, "# account=31050161360009001888",
                "# currency=CNY", "bank_ref,booked_on,direction,amount,currency,virtual_account,payer_account,payer_name,"
                        + "end_to_end_id,return_reason,reversal",
                String.join(",", ref, LocalDate.now(PlatformZone.ZONE).toString(), "CRDT", "200000.00", "CNY", typo,
                        "0200001509020123456", bidderName, "", "", "false"), ""), StandardCharsets.UTF_8);
        try {
            browser.signIn(maker, PortalApi.PASSWORD, "/staff/deposits.html");
            browser.await("#suspense tbody");
            browser.driver().findElement(By.cssSelector("#i-format option[value=CSV]")).click();
            browser.find("#i-file").sendKeys(csv.toString());
            browser.click("#import button[type=submit]");
            browser.awaitText("#import-status", "STMT-" + ref);
            browser.awaitText("#report", "200,000.00");
        } finally {
            Files.deleteIfExists(csv);
        }
        String row = "#suspense-" + ref;
        browser.awaitText(row, "虚拟子账号不存在");
        assertThat(browser.find(row).getText()).contains("200,000.00", bidderName);
        browser.find(row + " input[name=virtualAccount]").clear();
        browser.type(row + " input[name=virtualAccount]", va.value());
        browser.click(row + " button");
        browser.awaitText("#suspense-status", ref);
        browser.until(d -> d.findElements(By.cssSelector(row)).isEmpty());

        // the tender fails: the refund (principal and interest) is proposed through the refund port
        assertThat(refunds.refundDue(new LotId(lot), new MemberId(bidder.memberId()), RefundReason.TENDER_FAILED,
                Instant.now())).isPresent();
        browser.open("/staff/deposits.html");
        browser.awaitText("#refunds tbody", bidderName);
        assertThat(browser.find("#refunds tbody").getText()).contains("200,000.00", "流标或终止招标", "待制单")
                .doesNotContain(bidder.memberId().toString());
        browser.click("#make-batch");
        browser.awaitText("#refunds-status", "退款批次已生成");
        browser.awaitText("#batches tbody", "待复核");
        // the maker cannot approve its own batch
        browser.click("#batches tbody button");
        browser.await("#batches-status .error");
        assertThat(browser.find("#batches tbody").getText()).contains("待复核");
        browser.screenshot("DepositBrowserIntegrationTests.maker");

        browser.driver().manage().deleteAllCookies();
        browser.script("sessionStorage.clear()");
        browser.signIn(checker, PortalApi.PASSWORD, "/staff/deposits.html");
        browser.awaitText("#batches tbody", "待复核");
        browser.click("#batches tbody button");
        browser.awaitText("#batches-status", "已复核");
        browser.awaitText("#batches tbody", "下载 pain.001");
        browser.awaitText("#batches tbody", "已复核");
        assertThat(browser.find("#refunds tbody").getText()).as("no longer waiting").doesNotContain(bidderName);
        assertThat(browser.find("#ledger").getText()).contains("与分录一致");
        browser.screenshot("DepositBrowserIntegrationTests.checked");

        // the trust list of guarantee issuers through its form: a bad certificate is refused, a good one listed with
        // its subject and fingerprint, then removed
        SigningKey issuer = CertificateIssuer.selfSignedCa("CN=页面测试担保 CA,O=页面测试担保有限公司,C=CN",
                Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
        String issuerName = "页面测试担保" + UUID.randomUUID().toString().substring(0, 4);
        browser.type("#g-name", issuerName);
        browser.type("#g-cert", "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----");
        browser.click("#issuer-form button[type=submit]");
        browser.await("#issuer-form .error");
        assertThat(browser.find("#issuers tbody").getText()).doesNotContain(issuerName);
        browser.type("#g-cert", Certificates.toPem(issuer.certificate()));
        browser.click("#issuer-form button[type=submit]");
        browser.awaitText("#issuers-status", "已加入信任列表");
        browser.awaitText("#issuers tbody", issuerName);
        String fingerprint = Certificates.fingerprint(issuer.certificate());
        assertThat(browser.find("#issuers tbody").getText()).contains("页面测试担保有限公司", fingerprint);
        browser.screenshot("DepositBrowserIntegrationTests.issuers");
        browser.driver().findElement(By.xpath("//table[@id='issuers']//tr[td[contains(., '" + issuerName + "')]]//button"))
                .click();
        browser.awaitText("#issuers-status", "已移出信任列表");
        browser.until(d -> !d.findElement(By.cssSelector("#issuers tbody")).getText().contains(issuerName));
    }

    /**
     * The regulator's page: a staff proposal to forfeit a paid deposit waits there with names and yuan; the regulator
     * approves it, the row shows the decision instead of the buttons, and the ledger moves the deposit to forfeited.
     */
    @Test
    void theRegulatorApprovesAForfeitProposalOnTheOversightPage(Browser browser) throws Exception {
        DepositDue due = depositDue(browser, "没收审批页面测试", "150000.00");
        String name = due.name();
        UUID lot = due.lot();
        var bidder = due.bidder();
        String bidderName = due.bidderName();
        VirtualAccountNumber va = due.va();
        String ref = "FFT" + UUID.randomUUID().toString().substring(0, 8);
        String csv = String.join("\n", "# statement=STMT-" + ref, "# account=31050161360009001888", "# currency=CNY",
                "bank_ref,booked_on,direction,amount,currency,virtual_account,payer_account,payer_name,end_to_end_id,"
                        + "return_reason,reversal",
                String.join(",", ref, LocalDate.now(PlatformZone.ZONE).toString(), "CRDT", "150000.00", "CNY",
                        va.value(), "0200001509020123456", bidderName, "", "", "false"), "");
        assertThat(imports.importStatement(StatementFormat.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null).credited()).isEqualTo(1);
        var staffUser = new CurrentUser(UUID.randomUUID(), "dep-staff", Role.STAFF, Optional.empty());
        forfeits.propose(staffUser, new LotId(lot), new MemberId(bidder.memberId()), "中标人拒绝签订合同");
        String regulator = "dep-regulator-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(regulator, PortalApi.PASSWORD, Role.REGULATOR, "监管测试员", null);

        browser.signIn(regulator, PortalApi.PASSWORD, "/regulator/deposits.html");
        String row = "//table[@id='forfeits']//tr[td[contains(., '" + name + "')]]";
        browser.until(d -> !d.findElements(By.xpath(row)).isEmpty());
        assertThat(browser.driver().findElement(By.xpath(row)).getText())
                .contains(bidderName, "150,000.00", "中标人拒绝签订合同", "待审批")
                .doesNotContain(bidder.memberId().toString(), lot.toString());
        browser.screenshot("DepositBrowserIntegrationTests.forfeit");
        browser.driver().findElement(By.xpath(row + "//button[contains(., '批准没收')]")).click();
        browser.awaitText("#forfeits-status", "已批准没收 " + bidderName);
        browser.until(d -> d.findElement(By.xpath(row)).getText().contains("已批准"));
        assertThat(browser.driver().findElements(By.xpath(row + "//button"))).as("decided once").isEmpty();
        assertThat(ledger.balance(LedgerAccount.held(lot, bidder.memberId()))).isZero();
        assertThat(ledger.balance(LedgerAccount.forfeited(lot))).isEqualByComparingTo("-150000.00");
    }

    /**
     * The bidder's deposit page: how to pay (the virtual sub-account, the amount in yuan, the due time), the status once
     * a bank statement shows the payment from its basic account, the refund with its interest breakdown when the tender
     * fails; then a second bidder secures the same lot with an electronic guarantee uploaded through the page (an
     * altered copy is refused first). Names and yuan, no ids.
     */
    @Test
    void aBidderSeesHowToPayItsPaymentItsRefundWithInterestAndAnotherSecuresTheLotByGuarantee(Browser browser)
            throws Exception {
        Published p = publishedLot("投标人保证金页面测试");
        var payer = MemberFixtures.approved(members, Role.BIDDER);
        CurrentUser payerUser = new CurrentUser(payer.accountId(), payer.username(), Role.BIDDER,
                Optional.of(payer.memberId()));
        String page = "/bidder/deposit.html?project=" + p.project().id() + "&lot=" + p.lot();

        // the instructions: the page opens the bidder's virtual sub-account on its first visit
        browser.signIn(payer.username(), MemberFixtures.PASSWORD, page);
        browser.awaitText("#instructions", "200,000.00 元");
        DepositInstructions d = depositManagement.instructions(payerUser, new ProjectId(p.project().id()),
                new LotId(p.lot()));
        LocalDateTime due = LocalDateTime.ofInstant(p.project().bidDeadline(), PlatformZone.ZONE);
        assertThat(browser.find("#deposit-lot").getText()).contains(p.project().name());
        assertThat(browser.find("#instructions").getText()).contains(d.virtualAccount(), d.payFrom(), "尚未足额缴纳",
                due.format(DateTimeFormatter.ofPattern("yyyy/M/d")), due.format(DateTimeFormatter.ofPattern("HH:mm")))
                .doesNotContain(p.lot().toString(), payer.memberId().toString());
        assertThat(browser.find("#refunds tbody").getText()).contains("暂无退款");

        // the bank statement shows the payment (booked 30 days ago, so interest accrues): the page shows it secured
        String ref = "BDP" + UUID.randomUUID().toString().substring(0, 8);
        String csv = String.join("\n", "# statement=STMT-" + ref, "# account=31050161360009001888", "# currency=CNY",
                "bank_ref,booked_on,direction,amount,currency,virtual_account,payer_account,payer_name,end_to_end_id,"
                        + "return_reason,reversal",
                String.join(",", ref, LocalDate.now(PlatformZone.ZONE).minusDays(30).toString(), "CRDT", "200000.00",
                        "CNY", d.virtualAccount(), d.payFrom(), members.details(payer.memberId()).name(), "", "", "false"),
                "");
        assertThat(imports.importStatement(StatementFormat.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null).credited()).isEqualTo(1);
        browser.open(page);
        browser.awaitText("#instructions", "已足额缴纳");
        assertThat(fact(browser, "已到账")).isEqualTo("200,000.00 元");

        // the tender fails: the refund and its interest, item by item
        assertThat(refunds.refundDue(new LotId(p.lot()), new MemberId(payer.memberId()), RefundReason.TENDER_FAILED,
                Instant.now())).isPresent();
        RefundManagement.RefundView r = depositManagement.instructions(payerUser, new ProjectId(p.project().id()),
                new LotId(p.lot())).refunds().get(0);
        assertThat(r.interest().amount()).isPositive();
        assertThat(r.total().amount()).isEqualByComparingTo(r.principal().amount().add(r.interest().amount()));
        browser.open(page);
        browser.awaitText("#refunds tbody", "流标或终止招标");
        assertThat(browser.find("#refunds tbody").getText()).contains(yuan(r.principal()), yuan(r.interest()),
                yuan(r.total()), d.payFrom(), "待制单").doesNotContain(r.id().toString());
        browser.screenshot("DepositBrowserIntegrationTests.bidder-refund");

        // a second bidder secures the lot with a guarantee from an issuer on the trust list
        var guaranteed = MemberFixtures.approved(members, Role.BIDDER);
        String issuerName = "页面担保有限公司" + UUID.randomUUID().toString().substring(0, 4);
        SigningKey ca = CertificateIssuer.selfSignedCa("CN=" + issuerName + " CA,O=" + issuerName + ",C=CN",
                Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
        SigningKey issuerKey = CertificateIssuer.issue(ca, "CN=" + issuerName + " 保函签章,O=" + issuerName + ",C=CN",
                Certificates.KeyAlgorithm.EC_P256, CertificateIssuer.Profile.MEMBER, Duration.ofDays(365));
        guarantees.trustIssuer(new CurrentUser(UUID.randomUUID(), "dep-staff", Role.STAFF, Optional.empty()), issuerName,
                Certificates.toPem(ca.certificate()));
        String number = "BH" + UUID.randomUUID().toString().substring(0, 10);
        LocalDate validUntil = due.toLocalDate().plusDays(120);
        byte[] signed = new CmsSigner(issuerKey).sign(guaranteeTerms(p, guaranteed.memberId(), number, validUntil), false);
        Path good = Files.createTempFile("guarantee-", ".p7s");
        Path altered = Files.createTempFile("guarantee-altered-", ".p7s");
        try {
            Files.write(good, signed);
            Files.write(altered, alteredAmount(signed));
            browser.driver().manage().deleteAllCookies();
            browser.script("sessionStorage.clear()");
            browser.signIn(guaranteed.username(), MemberFixtures.PASSWORD, page);
            browser.awaitText("#instructions", "尚未足额缴纳");
            browser.find("#g-file").sendKeys(altered.toString());
            browser.click("#guarantee-form button[type=submit]");
            browser.awaitText("#guarantee-form", "签名后被改动");
            assertThat(browser.find("#guarantees tbody").getText()).contains("尚未上传电子保函");
            browser.find("#g-file").sendKeys(good.toString());
            browser.click("#guarantee-form button[type=submit]");
            browser.awaitText("#guarantee-status", "电子保函 " + number + " 验证通过");
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(altered);
        }
        browser.awaitText("#guarantees tbody", number);
        assertThat(browser.find("#guarantees tbody").getText()).contains(issuerName, "200,000.00", validUntil.toString(),
                "有效");
        browser.awaitText("#instructions", "已由电子保函担保");
        browser.screenshot("DepositBrowserIntegrationTests.bidder-guarantee");
    }

    /** The value beside {@code label} in the page's instructions table. */
    private static String fact(Browser browser, String label) {
        return browser.driver().findElement(By.xpath("//table[@id='instructions']//tr[th[contains(., '" + label
                + "')]]/td")).getText();
    }

    private static String yuan(Money m) {
        return String.format(Locale.ROOT, "%,.2f", m.amount());
    }

    /** What a genuine issuer signs for {@code bidder} on the published lot (format sunbid-guarantee/1). */
    private byte[] guaranteeTerms(Published p, UUID bidder, String number, LocalDate validUntil) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("format", "sunbid-guarantee/1");
        t.put("guaranteeNo", number);
        t.put("issuer", Map.of("name", "页面担保有限公司"));
        t.put("applicant", Map.of("name", members.details(bidder).name(), "uscc", members.details(bidder).company().uscc()));
        t.put("beneficiary", Map.of("name", p.project().tendereeName(), "uscc", p.tendereeUscc()));
        t.put("projectCode", p.project().transactionCode());
        t.put("lotNumber", p.project().lots().get(0).number());
        t.put("amount", "200000.00");
        t.put("currency", "CNY");
        t.put("validFrom", LocalDate.now(PlatformZone.ZONE).toString());
        t.put("validUntil", validUntil.toString());
        return JsonMapper.builder().build().writeValueAsBytes(t);
    }

    /** The signed guarantee with its amount raised after signing (the content is carried inside the CMS). */
    private static byte[] alteredAmount(byte[] signed) {
        byte[] copy = signed.clone();
        byte[] amount = "200000.00".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + amount.length <= copy.length; i++) {
            for (int j = 0; j < amount.length; j++) {
                if (copy[i + j] != amount[j]) {
                    continue outer;
                }
            }
            copy[i] = '9';
            return copy;
        }
        throw new IllegalStateException("amount not found in the signed content");
    }

    /** A published open tender with one 200,000.00 yuan deposit lot, whose tenderee is a registered member. */
    private record Published(ProjectView project, UUID lot, String tendereeUscc) {
    }

    private Published publishedLot(String prefix) {
        var tenderee = MemberFixtures.approved(members, Role.TENDEREE);
        CurrentUser tendereeUser = new CurrentUser(tenderee.accountId(), tenderee.username(), Role.TENDEREE,
                Optional.of(tenderee.memberId()));
        CurrentUser staffUser = platformUser(Role.STAFF);
        CurrentUser regulator = platformUser(Role.REGULATOR);
        Map<String, Object> form = ProjectFixtures.openTender(prefix + UUID.randomUUID().toString().substring(0, 6) + "工程");
        form.put("lots", List.of(Map.of("name", "第一标段", "estimate", "10000000.00", "deposit", "200000.00")));
        ProjectView registered = projects.register(tendereeUser,
                JsonMapper.builder().build().convertValue(form, Registration.class));
        projects.publishAfterReview(registered.id(), tendereeUser, staffUser, List.of(staffUser, regulator));
        ProjectView published = projects.find(staffUser, registered.id());
        return new Published(published, published.lots().get(0).id(),
                members.details(tenderee.memberId()).company().uscc());
    }

    private CurrentUser platformUser(Role role) {
        String username = "dep-" + role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.createPlatformAccount(username, PortalApi.PASSWORD, role, role + " 测试", null).value();
        return new CurrentUser(id, username, role, Optional.empty());
    }

    private String staff(String display) {
        String username = "dep-staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PortalApi.PASSWORD, Role.STAFF, display, null);
        return username;
    }

    /** A submitted project's first lot, an approved bidder and the deposit it owes there on its virtual account. */
    private record DepositDue(String name, UUID lot, MemberFixtures.Approved bidder, String bidderName, VirtualAccountNumber va) {
    }

    private DepositDue depositDue(Browser browser, String prefix, String amount) throws Exception {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6) + "工程";
        String[] submitted = PortalApi.submittedProject(browser, accounts, name);
        UUID project = UUID.fromString(submitted[0]);
        UUID lot = UUID.fromString(PortalApi.call(browser, "GET", "/api/projects/" + project, submitted[1], null)
                .get("lots").get(0).get("id").asText());
        var bidder = MemberFixtures.approved(members, Role.BIDDER);
        VirtualAccountNumber va = VirtualAccountNumber.derive("955880", lot, bidder.memberId(), 0);
        assertThat(deposits.insert(va, lot, project, bidder.memberId(), Money.of(amount), Instant.now())).isTrue();
        return new DepositDue(name, lot, bidder, members.details(bidder.memberId()).name(), va);
    }

    /**
     * {@code number} with the first adjacent pair of differing digits after the centre's 6-digit prefix swapped, as a
     * hurried clerk would type it.
     */
    static String transposed(String number) {
        char[] digits = number.toCharArray();
        for (int i = 6; i + 1 < digits.length; i++) {
            if (digits[i] != digits[i + 1]) {
                char c = digits[i];
                digits[i] = digits[i + 1];
                digits[i + 1] = c;
                return new String(digits);
            }
        }
        throw new IllegalArgumentException("no two differing adjacent digits in " + number);
    }
}
