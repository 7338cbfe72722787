package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.BidManagement;
import org.sunbid.bid.BidView;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberSetup;
import org.sunbid.member.MemberStatus;
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
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bidder's way through the portal in a real headless Chromium: registration with a certificate, approval by
 * staff, certificate login signed in the browser, the list of open projects, a sealed upload interrupted by a dropped
 * network and resumed to a receipt, the receipts page, and a withdrawal signed in the browser.
 */
@BrowserTest
class BidderBrowserIntegrationTests {

    static final String PASSWORD = "Bidder#Pass2026";

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    MemberManagement registry;

    @Autowired
    ProjectSetup projects;

    @Autowired
    OpeningKeys openingKeys;

    @Autowired
    BidManagement bids;

    @Autowired
    org.sunbid.deposit.DepositManagement deposits;

    @TempDir
    Path files;

    @Test
    void aCompanyRegistersSignsInWithItsCertificateUploadsASealedTenderThroughADroppedConnectionAndWithdrawsIt(
            Browser browser) throws Exception {
        SigningKey key = org.sunbid.support.TestCa.issue("CN=钱塘建设工程有限公司,O=钱塘建设工程有限公司",
                Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
        Path certificate = write("company.pem", Certificates.toPem(key.certificate()));
        Path privateKey = write("company.key.pem", pem("PRIVATE KEY", key.privateKey().getEncoded()));
        String username = "qiantang-" + UUID.randomUUID().toString().substring(0, 6);
        String uscc = MemberFixtures.uscc();

        // register through the page: a wrong credit code is named next to its field, then the right one goes through
        browser.open("/register.html");
        assertThat(browser.await("h1").getText()).isEqualTo("企业注册");
        browser.type("#username", username).type("#password", PASSWORD).type("#name", "钱塘建设工程有限公司")
                .type("#uscc", "91330106MA2XXXXXX1").type("#address", "浙江省杭州市西湖区文三路 100 号")
                .type("#businessScope", "市政公用工程施工总承包").type("#legal-name", "赵钱塘")
                .type("#legal-id", MemberFixtures.idNumber()).type("#contact-name", "孙联络")
                .type("#contact-phone", "0571-88886666").type("#bank-name", "中国工商银行杭州西湖支行")
                .type("#bank-account", "1202020109900012345");
        browser.until(d -> d.findElements(By.cssSelector("#regionCode option[value='110108']")).size() == 1);
        new org.openqa.selenium.support.ui.Select(browser.find("#regionCode")).selectByValue("110108");
        browser.find("#certificate").sendKeys(certificate.toString());
        browser.click("#register button[type=submit]");
        assertThat(browser.await("#uscc + .field-error").getText()).contains("统一社会信用代码");
        assertThat(browser.find("#uscc").getAttribute("aria-invalid")).isEqualTo("true");
        browser.type("#uscc", uscc);
        browser.click("#register button[type=submit]");
        browser.await("#registered");
        assertThat(browser.find("#registered").getText()).contains("钱塘建设工程有限公司 注册成功");
        browser.await("#certificate-bound");
        browser.screenshot("BidderBrowserIntegrationTests.registered");

        UUID member = registry.search(null, uscc, null, null, null, 0, 5).items().get(0).id();
        assertThat(members.details(member).status()).isEqualTo(MemberStatus.PENDING);
        members.approve(member, null);
        browser.click("#sign-out");
        browser.await("header nav a[href='/login.html']");

        // a published project to bid for, and the deposit secured
        Lot lot = publishedLot("钱江路综合管廊工程" + UUID.randomUUID().toString().substring(0, 4));
        deposits.confirmReceipt(lot.staff(), ProjectId.of(lot.project()), LotId.of(lot.lot()), MemberId.of(member));

        // certificate login: the nonce is signed in the browser with the PKCS#8 key file, which is never uploaded
        browser.open("/login.html?next=" + java.net.URLEncoder.encode("/bidder/projects.html", StandardCharsets.UTF_8));
        browser.type("#cert-username", username);
        browser.find("#certificate-login input.key-file").sendKeys(privateKey.toString());
        browser.screenshot("BidderBrowserIntegrationTests.login");
        browser.click("#cert-submit");
        browser.until(d -> d.getCurrentUrl().contains("/bidder/projects.html"));
        assertThat(browser.await("#who").getText()).isEqualTo("钱塘建设工程有限公司");

        // the project is listed with its countdown; go to the upload page of its lot
        browser.await("#project-" + lot.project());
        assertThat(browser.find("#project-" + lot.project() + " .countdown").getText()).matches("2[45] 天 .*");
        browser.screenshot("BidderBrowserIntegrationTests.projects-open");
        browser.click("#project-" + lot.project() + " a.upload");
        browser.until(d -> d.getCurrentUrl().contains("/bidder/upload.html"));
        browser.awaitText("#lot h2", lot.name());

        // a signed but unsealed file is refused before any byte is sent
        byte[] zip = tenderPackage(lot.lot());
        Path unsealed = write("tender.p7s", new CmsSigner(key).sign(zip, false));
        browser.find("#sealed").sendKeys(unsealed.toString());
        assertThat(browser.await("#sealed + .field-error").getText()).contains("只签名、没有加密");

        // the sealed tender and bidtool's manifest; small chunks, a slow line, and the network drops half-way
        byte[] sealed = seal(key, zip, openingCertificate(browser, lot));
        Path sealedFile = write("tender.sealed", sealed);
        Path manifest = write("tender.manifest", manifest(key, lot.lot(), sealed));
        browser.script("localStorage.setItem('sunbid.upload.chunkSize', '16384')");
        browser.open("/bidder/upload.html?project=" + lot.project() + "&lot=" + lot.lot());
        browser.awaitText("#lot h2", lot.name());
        browser.find("#sealed").sendKeys(sealedFile.toString());
        browser.awaitText("#sealed-info", "已加密");
        browser.find("#manifest").sendKeys(manifest.toString());
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setLatency(Duration.ofMillis(120));
        chrome.setNetworkConditions(slow);
        browser.click("#start");
        browser.until(d -> progress(browser) > sealed.length / 3);
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chrome.setNetworkConditions(offline);
        browser.await("#network");
        long stalled = progress(browser);
        assertThat(stalled).isLessThan(sealed.length);
        org.awaitility.Awaitility.await("the upload stays stalled while offline").during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3)).until(() -> progress(browser) == stalled);
        browser.screenshot("BidderBrowserIntegrationTests.upload-offline");
        chrome.deleteNetworkConditions();
        browser.await("#receipt");
        assertThat(progress(browser)).isEqualTo(sealed.length);
        String bidId = browser.find("#receipt").getAttribute("data-bid");
        assertThat(browser.find("#receipt .bid-number").getText())
                .isEqualTo("TB-" + bidId.substring(0, 8).toUpperCase());
        assertThat(browser.find("#receipt .sha").getText()).isEqualTo(sha256(sealed));
        assertThat(browser.script("return Object.keys(localStorage).filter(k => k.startsWith('sunbid.upload:')).length"))
                .isEqualTo(0L);
        CurrentUser bidder = new CurrentUser(UUID.randomUUID(), username, Role.BIDDER, Optional.of(member));
        List<BidView> mine = bids.mine(bidder, LotId.of(lot.lot()));
        assertThat(mine).singleElement().satisfies(b -> {
            assertThat(b.id().toString()).isEqualTo(bidId);
            assertThat(b.size()).isEqualTo(sealed.length);
            assertThat(b.status()).isEqualTo("RECEIVED");
        });
        browser.screenshot("BidderBrowserIntegrationTests.receipt");

        // the receipts page shows it, and a withdrawal signed in the browser (CMS made with WebCrypto) is accepted
        browser.click("#receipt a[href='/bidder/receipts.html']");
        browser.awaitText("#bid-" + bidId + " .status", "有效");
        assertThat(browser.find("#bid-" + bidId + " .countdown").getText()).matches("2[45] 天 .*");
        browser.click("#bid-" + bidId + " button.withdraw");
        browser.find("#bid-" + bidId + " form.withdraw input.key-file").sendKeys(privateKey.toString());
        browser.find("#bid-" + bidId + " form.withdraw input.cert-file").sendKeys(certificate.toString());
        browser.click("#bid-" + bidId + " form.withdraw button[type=submit]");
        browser.awaitText("#bid-" + bidId + " .status", "已撤回");
        assertThat(bids.mine(bidder, LotId.of(lot.lot())).get(0).status()).isEqualTo("WITHDRAWN");
        // and its platform-signed withdrawal receipt is there to read in words (and to download)
        browser.click("#bid-" + bidId + " button.withdrawal-show");
        assertThat(browser.awaitText("#bid-" + bidId + " section.withdrawal-view h2", "投标已撤回").isDisplayed()).isTrue();
        assertThat(browser.find("#bid-" + bidId + " section.withdrawal-view").getText())
                .contains("TB-" + bidId.substring(0, 8).toUpperCase()).contains("序列号").doesNotContain("{");

        // the profile: the bound certificate, and a qualification expiring soon is flagged (a missing field named)
        browser.open("/bidder/profile.html");
        browser.awaitText("#member-status", "已通过");
        assertThat(browser.await("#certificates tbody").getText()).contains("钱塘建设工程有限公司").contains("有效");
        Path scan = write("licence.png", MemberFixtures.png(2048));
        browser.type("#q-number", "D233012345").type("#q-issuer", "浙江省住房和城乡建设厅");
        browser.script("document.getElementById('q-expires').value = arguments[0]",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10).toString());
        browser.find("#q-scan").sendKeys(scan.toString());
        browser.click("#qualification-form button[type=submit]");
        assertThat(browser.await("#q-kind + .field-error").getText()).isNotBlank();
        browser.type("#q-kind", "市政公用工程施工总承包");
        browser.find("#q-scan").sendKeys(scan.toString());
        browser.click("#qualification-form button[type=submit]");
        browser.awaitText("#qualifications tbody", "D233012345");
        assertThat(browser.find("#qualifications tbody .state").getText()).matches("(9|10) 天后到期");
        assertThat(browser.await("#expiry-warnings").getText()).contains("市政公用工程施工总承包（D233012345）将在");
        browser.screenshot("BidderBrowserIntegrationTests.profile");
    }

    @Test
    void anUploadCutByAPageReloadContinuesFromWhatThePlatformAlreadyHas(Browser browser) throws Exception {
        MemberFixtures.Approved bidder = MemberFixtures.approved(members, Role.BIDDER);
        SigningKey key = org.sunbid.support.TestCa.issue("CN=续传测试,O=续传测试", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        members.bindCertificate(bidder.memberId(), Certificates.toPem(key.certificate()), null);
        Lot lot = publishedLot("断点续传测试工程" + UUID.randomUUID().toString().substring(0, 4));
        deposits.confirmReceipt(lot.staff(), ProjectId.of(lot.project()), LotId.of(lot.lot()), MemberId.of(bidder.memberId()));
        byte[] sealed = seal(key, tenderPackage(lot.lot()), openingCertificate(browser, lot));
        Path sealedFile = write("reload.sealed", sealed);
        Path manifest = write("reload.manifest", manifest(key, lot.lot(), sealed));
        String page = "/bidder/upload.html?project=" + lot.project() + "&lot=" + lot.lot();

        browser.signIn(bidder.username(), MemberFixtures.PASSWORD, page);
        browser.script("localStorage.setItem('sunbid.upload.chunkSize', '16384')");
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setLatency(Duration.ofMillis(150));
        chrome.setNetworkConditions(slow);
        browser.open(page);
        browser.awaitText("#lot h2", lot.name());
        browser.find("#sealed").sendKeys(sealedFile.toString());
        browser.find("#manifest").sendKeys(manifest.toString());
        browser.click("#start");
        browser.until(d -> progress(browser) > sealed.length / 3);
        long before = progress(browser);

        // the page is reloaded mid-upload: choosing the same file again continues the same upload
        browser.open(page);
        browser.awaitText("#lot h2", lot.name());
        assertThat(browser.script("return Object.keys(localStorage).filter(k => k.startsWith('sunbid.upload:')).length"))
                .isEqualTo(1L);
        // this time the manifest is signed in the browser (WebCrypto hash and CMS) with the key and certificate files
        browser.find("#sealed").sendKeys(sealedFile.toString());
        browser.click("#upload input[name=manifest-mode][value=browser]");
        browser.find("#manifest-browser input.key-file").sendKeys(write("reload.key.pem",
                pem("PRIVATE KEY", key.privateKey().getEncoded())).toString());
        browser.find("#manifest-browser input.cert-file").sendKeys(write("reload.pem",
                Certificates.toPem(key.certificate())).toString());
        browser.click("#start");
        browser.awaitText("#upload-status", "继续上次的上传");
        assertThat(progress(browser)).isGreaterThanOrEqualTo(before);
        chrome.deleteNetworkConditions();
        browser.await("#receipt");
        assertThat(browser.find("#receipt .sha").getText()).isEqualTo(sha256(sealed));
        CurrentUser user = new CurrentUser(bidder.accountId(), bidder.username(), Role.BIDDER,
                Optional.of(bidder.memberId()));
        assertThat(bids.mine(user, LotId.of(lot.lot()))).singleElement()
                .satisfies(b -> assertThat(b.size()).isEqualTo(sealed.length));
    }

    @Test
    void aBidderSignsInWithASignatureMadeByBidtoolAndPastedIntoTheLoginPage(Browser browser) throws Exception {
        MemberFixtures.Approved bidder = MemberFixtures.approved(members, Role.BIDDER);
        SigningKey key = org.sunbid.support.TestCa.issue("CN=粘贴签名测试,O=粘贴签名测试", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        members.bindCertificate(bidder.memberId(), Certificates.toPem(key.certificate()), null);

        browser.open("/login.html");
        browser.type("#cert-username", bidder.username());
        browser.click("#certificate-login input[value=paste]");
        browser.click("#challenge-request");
        String challenge = browser.awaitText("#challenge", "sunbid-login:").getText();
        assertThat(browser.find("#certificate-login pre.command").getText())
                .contains("printf '%s' '" + challenge + "' > challenge.txt")
                .contains("bidtool sign --in challenge.txt --p12 company.p12 --detached --out challenge.p7s");
        browser.screenshot("BidderBrowserIntegrationTests.login-paste");

        // a signature by some other key is refused and named; bidtool's detached CMS by the bound key signs in
        SigningKey stranger = CertificateIssuer.selfSigned("CN=stranger", Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(1));
        browser.type("#certificate-login textarea.signature", Base64.getEncoder().encodeToString(
                new CmsSigner(stranger).sign(challenge.getBytes(StandardCharsets.UTF_8), true)));
        browser.click("#cert-submit");
        assertThat(browser.await("#certificate-login textarea.signature + .field-error").getText()).isNotBlank();
        browser.click("#challenge-request");
        String second = browser.until(d -> {
            String text = d.findElement(By.id("challenge")).getText();
            return text.equals(challenge) ? null : text;
        });
        browser.type("#certificate-login textarea.signature", Base64.getEncoder().encodeToString(
                new CmsSigner(key).sign(second.getBytes(StandardCharsets.UTF_8), true)));
        browser.click("#cert-submit");
        browser.until(d -> d.getCurrentUrl().contains("/bidder/projects.html"));
        browser.await("#sign-out");
        browser.screenshot("BidderBrowserIntegrationTests.projects");
    }

    @Test
    void theRegistrationPageSwitchesToEnglishAndWorksFromTheKeyboard(Browser browser) {
        browser.open("/register.html");
        assertThat(browser.await("h1").getText()).isEqualTo("企业注册");
        assertThat(browser.find("label[for=uscc]").getText()).isEqualTo("统一社会信用代码");
        browser.click("#lang");
        browser.awaitText("h1", "Company registration");
        assertThat(browser.find("label[for=uscc]").getText()).isEqualTo("Unified social credit code");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");

        // from the role select the keyboard walks through the account fields in order
        browser.find("#role").click();
        browser.find("#role").sendKeys(Keys.ESCAPE);
        browser.find("#role").sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("username");
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("password");
        browser.find("#add-qualification").sendKeys(Keys.ENTER);
        assertThat(browser.script("return document.activeElement.name")).isEqualTo("qualifications[0].kind");
        browser.screenshot("BidderBrowserIntegrationTests.register-en");
    }

    record Lot(UUID project, UUID lot, String name, CurrentUser staff) {
    }

    /** A published open tender with one lot, made through the project feature's service, with custodians for its key. */
    private Lot publishedLot(String name) throws Exception {
        for (int i = 0; i < 3; i++) {
            String username = "custodian-" + UUID.randomUUID().toString().substring(0, 8);
            UUID id = accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "保管人" + i, null).value();
            SigningKey custodianKey = CertificateIssuer.selfSigned("CN=保管人" + i + ",O=Sunbid",
                    Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
            openingKeys.bindCustodianCertificate(new CurrentUser(id, username, Role.CUSTODIAN, Optional.empty()),
                    Certificates.toPem(custodianKey.certificate()).getBytes(StandardCharsets.US_ASCII));
        }
        CurrentUser staff = platform(Role.STAFF);
        CurrentUser regulator = platform(Role.REGULATOR);
        String tendereeName = "tenderee-" + UUID.randomUUID().toString().substring(0, 8);
        UUID tendereeMember = UUID.randomUUID();
        UUID tendereeAccount = accounts.createMemberAccount(tendereeName, PASSWORD, Role.TENDEREE, MemberId.of(tendereeMember),
                "西湖区城建中心").value();
        CurrentUser tenderee = new CurrentUser(tendereeAccount, tendereeName, Role.TENDEREE, Optional.of(tendereeMember));
        Map<String, Object> form = ProjectFixtures.openTender(name);
        form.put("lots", List.of(Map.of("name", "主线管廊", "estimate", "10000000.00", "deposit", "200000.00")));
        Registration registration = JsonMapper.builder().build().convertValue(form, Registration.class);
        ProjectView project = projects.register(tenderee, registration);
        projects.publishAfterReview(project.id(), tenderee, staff, List.of(staff, regulator));
        return new Lot(project.id(), project.lots().get(0).id(), name, staff);
    }

    private CurrentUser platform(Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.createPlatformAccount(username, PASSWORD, role, role + " 测试", null).value();
        return new CurrentUser(id, username, role, Optional.empty());
    }

    private static X509Certificate openingCertificate(Browser browser, Lot lot) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base()
                + "/api/public/projects/" + lot.project() + "/lots/" + lot.lot() + "/opening-certificate")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return Certificates.parse(response.body());
    }

    /** What `bidtool package` makes: the bid form and a PDF in a ZIP. */
    private static byte[] tenderPackage(UUID lot) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("bid-form.json"));
            z.write(("{\"lot\":\"" + lot + "\",\"price\":9876543.21,\"duration\":\"300 日历天\",\"quality\":\"合格\"}")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("tender.pdf"));
            byte[] pdf = new byte[300_000];
            new Random(7).nextBytes(pdf);
            z.write(pdf);
        }
        return zip.toByteArray();
    }

    /** `bidtool sign` then `bidtool seal` to the opening certificate and the bidder's own. */
    private static byte[] seal(SigningKey key, byte[] zip, X509Certificate opening) throws Exception {
        byte[] signed = new CmsSigner(key).sign(zip, false);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signed), sealed, List.of(opening, key.certificate()), ContentCipher.AES_256_GCM);
        return sealed.toByteArray();
    }

    /** What `bidtool manifest` writes: base64 of a CMS SignedData carrying the manifest JSON. */
    private static String manifest(SigningKey key, UUID lot, byte[] sealed) throws Exception {
        String json = "{\"lot\":\"" + lot + "\",\"sha256\":\"" + sha256(sealed) + "\",\"size\":" + sealed.length
                + ",\"clientTime\":\"" + Instant.now() + "\",\"fingerprint\":{\"mac\":\"00:16:3e:aa:bb:cc\"}}";
        return Base64.getEncoder().encodeToString(new CmsSigner(key).sign(json.getBytes(StandardCharsets.UTF_8), false));
    }

    private static long progress(Browser browser) {
        return ((Number) browser.script("return Number(document.getElementById('progress').value)")).longValue();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(files.resolve(name), bytes);
    }
}
