package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.BidManagement;
import org.sunbid.bid.BidView;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.SealedBids;
import org.sunbid.deposit.DepositManagement;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectSetup;
import org.sunbid.schedule.PublishedLots;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.SealedFiles;
import org.sunbid.support.Api;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import org.sunbid.support.TestCa;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20's bid wizard in a real headless Chromium: a bidder with only a browser and the PKCS#12 file from its CA
 * (protected the legacy way, 3DES and RC2, as older CAs issue it) bids (the package built, signed and sealed in the page, the upload cut by a dropped network and resumed), reads its
 * receipt in words, replaces the bid using the keyboard only, and withdraws it. The sealed file the platform stored
 * opens with the bidder's key in bidtool's opener and in openssl, and its package verifies and holds the form and PDFs.
 */
@BrowserTest
class BidWizardBrowserIntegrationTests {

    static final String P12_PASSWORD = "Bid#Wizard2026";

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    ProjectSetup projects;

    @Autowired
    OpeningKeys openingKeys;

    @Autowired
    BidManagement bids;

    @Autowired
    SealedBids sealedBids;

    @Autowired
    DepositManagement deposits;

    @TempDir
    Path files;

    @Test
    void aBidderWithABrowserAndAPkcs12FileBidsReplacesByKeyboardAndWithdraws(Browser browser) throws Exception {
        MemberFixtures.Approved bidder = MemberFixtures.approved(members, Role.BIDDER);
        SigningKey key = TestCa.issue("CN=浏览器投标员,O=浏览器投标有限公司", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        members.bindCertificate(bidder.memberId(), Certificates.toPem(key.certificate()), null);
        // the first bid uses a PKCS#12 protected as older CAs and `openssl pkcs12 -legacy` protect it (3DES key, 40-bit RC2
        // certificates, SHA-1 MAC), which WebCrypto cannot decrypt; the replacement and withdrawal use the AES-256 one
        Path legacyP12 = pkcs12(key, "legacy.p12", "-legacy");
        assertThat(openssl("pkcs12", "-info", "-noout", "-legacy", "-in", legacyP12.toString(), "-passin",
                "pass:" + P12_PASSWORD)).contains("pbeWithSHA1And3-KeyTripleDES-CBC").contains("pbeWithSHA1And40BitRC2-CBC");
        Path p12 = pkcs12(key, "company.p12");
        Instant now = Instant.now();
        PublishedLots.Lot lot = PublishedLots.publish(accounts, openingKeys, projects, false, now.minusSeconds(60),
                now.plus(Duration.ofDays(21)), now.plus(Duration.ofDays(21)).plusSeconds(3600));
        deposits.confirmReceipt(lot.staff(), ProjectId.of(lot.project()), LotId.of(lot.lot()), MemberId.of(bidder.memberId()));
        byte[] bigPdf = pdf(400_000, 1);
        Path tender = Files.write(files.resolve("商务标.pdf"), bigPdf);
        Path technical = Files.write(files.resolve("技术标.pdf"), pdf(2_000, 2));
        String page = "/bidder/bid.html?project=" + lot.project() + "&lot=" + lot.lot();

        // 1. the lot is chosen from the link; 2. the PKCS#12 file: a wrong password is named, then the right one opens it
        browser.signIn(bidder.username(), MemberFixtures.PASSWORD, page);
        browser.await("#lot-facts dl");
        // the other legacy schemes of RFC 7292 (128-bit RC2, two-key 3DES) and a PKCS#8 key encrypted with 3DES open in
        // the page as well (the same code the wizard runs, called directly)
        Path rc2And2Des = pkcs12(key, "rc2-2des.p12", "-legacy", "-certpbe", "PBE-SHA1-RC2-128", "-keypbe", "PBE-SHA1-2DES");
        assertThat(openInPage(browser, rc2And2Des, null)).isEqualTo("浏览器投标员");
        Path pkcs8 = files.resolve("company-3des.key");
        Path plainKey = Files.writeString(files.resolve("plain.key"), pem("PRIVATE KEY", key.privateKey().getEncoded()));
        openssl("pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-in", plainKey.toString(), "-passout", "pass:" + P12_PASSWORD,
                "-out", pkcs8.toString());
        Files.delete(plainKey);
        assertThat(openInPage(browser, pkcs8, Certificates.toPem(key.certificate()))).isEqualTo("浏览器投标员");
        browser.click("#next");
        browser.find("#key-file").sendKeys(legacyP12.toString());
        browser.type("#key-password", "not-the-password");
        browser.click("#next");
        assertThat(browser.await("#key-password + .field-error").getText()).contains("证书密码不正确");
        browser.type("#key-password", P12_PASSWORD);
        browser.click("#next");
        assertThat(browser.awaitText("#key-info", "浏览器投标有限公司").getText()).contains("浏览器投标员");

        // 3. the bid form, checked against the published schema: a bad price and a missing duration are named
        browser.type("#price", "九百万");
        browser.click("#next");
        assertThat(browser.await("#price + .field-error").getText()).contains("投标报价");
        browser.type("#price", "9876543.21");
        assertThat(browser.find("#price-words").getText()).contains("987.654321 万元");
        browser.type("#projectManager", "李项目");
        browser.click("#next");
        assertThat(browser.await("#duration + .field-error").getText()).isEqualTo("工期：必须填写");
        browser.type("#duration", "300 日历天").type("#depositReference", "BH-2026-0001");
        browser.click("#next");

        // 4. the PDFs (a file that is not a PDF is refused by name), 5. the summary, then sign, seal, upload
        Path notPdf = Files.writeString(files.resolve("报价.docx"), "PK not a pdf");
        browser.find("#pdfs").sendKeys(notPdf.toString());
        assertThat(browser.await("#pdfs + .field-error").getText()).contains("报价.docx").contains("不是 PDF");
        browser.find("#pdfs").clear();
        browser.find("#pdfs").sendKeys(tender + "\n" + technical);
        assertThat(browser.await("#files-table tbody").getText()).contains("商务标.pdf").contains("390.6 KB");
        browser.click("#next");
        assertThat(browser.awaitText("#summary", "9,876,543.21").getText()).contains("李项目").contains("技术标.pdf")
                .contains("987.654321 万元");
        browser.screenshot("BidWizardBrowserIntegrationTests.summary");

        browser.script("localStorage.setItem('sunbid.upload.chunkSize', '16384')");
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setLatency(Duration.ofMillis(120));
        chrome.setNetworkConditions(slow);
        browser.click("#submit");
        browser.until(d -> progress(browser, "max") > bigPdf.length && progress(browser, "value") > 100_000,
                Duration.ofSeconds(60));
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chrome.setNetworkConditions(offline);
        browser.await("#network");
        long stalled = progress(browser, "value");
        long size = progress(browser, "max");
        assertThat(stalled).isLessThan(size);
        org.awaitility.Awaitility.await("the upload stays stalled while offline").during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3)).until(() -> progress(browser, "value") == stalled);
        browser.screenshot("BidWizardBrowserIntegrationTests.offline");

        // the page is reloaded mid-upload: the sealed package kept in the browser (IndexedDB) is offered again for
        // the lot; with the same key opened the upload goes on from the platform's offset, without sealing anew
        String kept = (String) browser.script("return localStorage.getItem(arguments[0])", "sunbid.wizard.upload." + lot.lot());
        String keptSha256 = Api.JSON.readTree(kept).get("sha256").asText();
        chrome.deleteNetworkConditions();
        browser.driver().navigate().refresh();
        chrome.setNetworkConditions(slow);
        assertThat(browser.awaitText("#resume-what", "尚未上传完成").getText()).contains("KB");
        browser.click("#resume-start");
        browser.find("#key-file").sendKeys(legacyP12.toString());
        browser.type("#key-password", P12_PASSWORD);
        browser.click("#next");
        assertThat(browser.awaitText("#summary", "继续上传").getText()).contains("上次制作的投标文件");
        browser.click("#submit");
        // the same upload continues: the platform already had the bytes sent before the reload
        browser.until(d -> browser.find("#wizard-status").getText().matches("继续上次的上传：平台已收到 [0-9.]+ KB"));
        chrome.deleteNetworkConditions();

        // the receipt in words: who, what, when, a short bid number, the size in KB
        WebElement receipt = browser.await("#receipt h2");
        assertThat(receipt.getText()).isEqualTo("投标文件接收回执");
        String text = browser.find("#receipt").getText();
        assertThat(text).contains("兹证明：浏览器投标有限公司").contains("截止时间变更测试工程").contains("KB")
                .doesNotContain("{").doesNotContain("statement");
        String number = browser.find("#receipt .bid-number").getText();
        assertThat(number).matches("TB-[0-9A-F]{8}");
        browser.screenshot("BidWizardBrowserIntegrationTests.receipt");
        CurrentUser user = new CurrentUser(bidder.accountId(), bidder.username(), Role.BIDDER,
                Optional.of(bidder.memberId()));
        BidView first = bids.mine(user, LotId.of(lot.lot())).get(0);
        assertThat(first.status()).isEqualTo("RECEIVED");
        assertThat(first.size()).isEqualTo(size);
        assertThat(first.sha256()).as("the package sealed before the reload").isEqualTo(keptSha256);
        assertThat((Object) browser.script("return localStorage.getItem(arguments[0])", "sunbid.wizard.upload." + lot.lot()))
                .as("forgotten once received").isNull();
        assertThat("TB-" + first.id().toString().substring(0, 8).toUpperCase()).isEqualTo(number);

        // the stored sealed file is addressed to the lot's opening certificate and the bidder; both bidtool's opener
        // and openssl open it with the bidder's key, and the package inside verifies and holds what was entered
        Path stored = sealedBids.find(new BidId(first.id())).orElseThrow().file();
        X509Certificate opening = openingCertificate(browser, lot);
        SealedFiles.Inspection inspection = SealedFiles.inspect(stored, opening);
        assertThat(inspection.addressedTo()).isTrue();
        assertThat(inspection.recipients()).isEqualTo(2);
        Path opened = files.resolve("opened.p7m");
        OpenResult result = Opener.open(stored, key, opened);
        assertThat(result).isInstanceOfSatisfying(OpenResult.Opened.class,
                o -> assertThat(o.cipher()).isEqualTo(ContentCipher.AES_256_CBC));
        SignatureCheck check = CmsVerifier.verify(Files.readAllBytes(opened), null,
                VerifyOptions.trusting(List.of(TestCa.root())));
        assertThat(check).isInstanceOfSatisfying(SignatureCheck.Valid.class, v -> assertThat(v.trusted()).isTrue());
        Path pem = Files.writeString(files.resolve("bidder.pem"), Certificates.toPem(key.certificate()));
        Path keyPem = Files.writeString(files.resolve("bidder.key"), pem("PRIVATE KEY", key.privateKey().getEncoded()));
        openssl("cms", "-decrypt", "-binary", "-inform", "DER", "-in", stored.toString(), "-recip", pem.toString(),
                "-inkey", keyPem.toString(), "-out", files.resolve("openssl.p7m").toString());
        openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", files.resolve("openssl.p7m").toString(),
                "-CAfile", TestCa.pemFile().toString(), "-purpose", "any", "-out", files.resolve("package.zip").toString());
        Map<String, byte[]> entries = unzip(Files.readAllBytes(files.resolve("package.zip")));
        assertThat(entries).containsOnlyKeys("bid-form.json", "documents/商务标.pdf", "documents/技术标.pdf");
        assertThat(entries.get("documents/商务标.pdf")).isEqualTo(bigPdf);
        JsonNode form = org.sunbid.support.Api.JSON.readTree(entries.get("bid-form.json"));
        assertThat(form.get("format").asText()).isEqualTo("sunbid-bid-form/1");
        assertThat(form.get("lot").asText()).isEqualTo(lot.lot().toString());
        assertThat(form.get("price").asText()).isEqualTo("9876543.21");
        assertThat(form.get("duration").asText()).isEqualTo("300 日历天");
        assertThat(form.get("depositReference").asText()).isEqualTo("BH-2026-0001");

        // replacement with the keyboard only (files are given to the focused file inputs, as a picker would)
        browser.open(page);
        assertThat(browser.awaitText("#live-bid", number).getText()).contains("替换");
        browser.find("#next").sendKeys(Keys.ENTER);
        browser.until(d -> "key-file".equals(browser.script("return document.activeElement.id")));
        active(browser).sendKeys(p12.toString());
        keys(browser, Keys.TAB, P12_PASSWORD, Keys.ENTER);
        browser.until(d -> "price".equals(browser.script("return document.activeElement.id")));
        keys(browser, "9800000", Keys.TAB, "280 日历天", Keys.TAB, Keys.TAB, "王经理", Keys.ENTER);
        browser.until(d -> "pdfs".equals(browser.script("return document.activeElement.id")));
        active(browser).sendKeys(technical.toString());
        browser.awaitText("#files-table tbody", "技术标.pdf");
        keys(browser, Keys.TAB, Keys.TAB);
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("next");
        keys(browser, Keys.ENTER);
        browser.until(d -> "submit".equals(browser.script("return document.activeElement.id")));
        assertThat(browser.find("#summary").getText()).contains("原投标 " + number).contains("9,800,000.00");
        keys(browser, Keys.ENTER);
        assertThat(browser.awaitText("#receipt", "原投标 " + number).getText()).contains("投标文件接收回执");
        List<BidView> after = bids.mine(user, LotId.of(lot.lot()));
        assertThat(after).extracting(BidView::status).containsExactlyInAnyOrder("REPLACED", "RECEIVED");
        BidView replacement = after.stream().filter(b -> b.status().equals("RECEIVED")).findFirst().orElseThrow();

        // withdrawal: the lot, the key, and a withdrawal signed in the page, confirmed in a second press
        browser.open(page);
        browser.await("#withdraw-start:not([hidden])").click();
        browser.find("#key-file").sendKeys(p12.toString());
        browser.type("#key-password", P12_PASSWORD);
        browser.click("#next");
        assertThat(browser.awaitText("#summary", "撤回").getText()).contains(
                "TB-" + replacement.id().toString().substring(0, 8).toUpperCase());
        assertThat(browser.find("#submit").isDisplayed()).isFalse();
        browser.click("#withdraw");
        browser.awaitText("#withdraw", "确认撤回");
        assertThat(bids.mine(user, LotId.of(lot.lot()))).extracting(BidView::status).contains("RECEIVED");
        browser.click("#withdraw");
        assertThat(browser.awaitText("#receipt h2", "投标已撤回").isDisplayed()).isTrue();
        assertThat(bids.mine(user, LotId.of(lot.lot()))).extracting(BidView::status).containsExactlyInAnyOrder("REPLACED", "WITHDRAWN");
        browser.screenshot("BidWizardBrowserIntegrationTests.withdrawn");
    }

    /** Opens a key file in the page with the wizard's own code (tender.js openKey) and returns the certificate's CN. */
    private static Object openInPage(Browser browser, Path keyFile, String certificatePem) throws Exception {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const [key, password, cert, done] = arguments;
                const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
                import('/js/bidder/tender.js')
                  .then((m) => m.openKey(bytes(key), password, cert && new TextEncoder().encode(cert)))
                  .then((opened) => done(opened.subject.cn), (e) => done('refused: ' + (e.key || e)));""",
                Base64.getEncoder().encodeToString(Files.readAllBytes(keyFile)), P12_PASSWORD, certificatePem);
    }

    /** Key presses to whatever has the focus, as a keyboard sends them. */
    private static void keys(Browser browser, CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static WebElement active(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    /**
     * The bidder's PKCS#12 as a CA hands it out, made with openssl: by default AES-256-CBC, PBKDF2, SHA-256 MAC; with
     * {@code -legacy} 3DES for the key, 40-bit RC2 for the certificates and a SHA-1 MAC.
     */
    private Path pkcs12(SigningKey key, String name, String... options) throws Exception {
        Path cert = Files.writeString(files.resolve("company.pem"), Certificates.toPem(key.certificate()));
        Path privateKey = Files.writeString(files.resolve("company.key"), pem("PRIVATE KEY", key.privateKey().getEncoded()));
        Path p12 = files.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("pkcs12", "-export", "-inkey", privateKey.toString(), "-in",
                cert.toString(), "-certfile", TestCa.pemFile().toString(), "-name", "company", "-passout",
                "pass:" + P12_PASSWORD, "-out", p12.toString()));
        args.addAll(List.of(options));
        openssl(args.toArray(String[]::new));
        Files.delete(privateKey);
        return p12;
    }

    private String openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static X509Certificate openingCertificate(Browser browser, PublishedLots.Lot lot) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base()
                + "/api/public/projects/" + lot.project() + "/lots/" + lot.lot() + "/opening-certificate")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return Certificates.parse(response.body());
    }

    private static long progress(Browser browser, String attribute) {
        return ((Number) browser.script("return Number(document.getElementById('progress')." + attribute + ")")).longValue();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
