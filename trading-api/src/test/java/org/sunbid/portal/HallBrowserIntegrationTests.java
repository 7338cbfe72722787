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
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.support.Api;
import org.sunbid.support.CustodianClient;
import org.sunbid.support.Browser;
import org.sunbid.support.BrowserTest;
import org.sunbid.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * The opening hall (开标大厅) in a real Chromium: a bidder follows its lot from the countdown through the custodians'
 * releases to the per-bid progress, decrypts its own bid the platform could not open, and confirms and objects to the
 * opening record. Everything else happens through the public API, as other participants would do it.
 */
@BrowserTest
class HallBrowserIntegrationTests {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    MutableClock clock;

    @Autowired
    org.sunbid.platform.PlatformTrust trust;

    @Autowired
    org.sunbid.platform.PlatformProperties properties;

    @Autowired
    javax.sql.DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();
    String base;

    record Person(String username, String password, String token, UUID member, SigningKey key) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBidderFollowsItsOpeningFromTheCountdownToTheRecordAndSelfDecryptsTheBidThePlatformCouldNotOpen(Browser browser)
            throws Exception {
        base = browser.base();
        String staff = platform(Role.STAFF);
        List<Person> custodians = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            custodians.add(custodian(i));
        }
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        UUID project = ids[0];
        UUID lot = ids[1];
        X509Certificate opening = Certificates.parse(call("GET", "/api/public/projects/" + project + "/lots/" + lot
                + "/opening-certificate", null, null, 200).asText().getBytes(StandardCharsets.US_ASCII));

        String[] names = { "杭州江南建设有限公司", "浙江钱塘路桥工程有限公司", "宁波海港市政建设有限公司", "温州瓯江建设集团有限公司" };
        List<Person> bidders = new ArrayList<>();
        for (String name : names) {
            Person bidder = bidder(name);
            call("POST", "/api/projects/" + project + "/lots/" + lot + "/deposits/" + bidder.member() + "/clearance", staff,
                    null, 204);
            bidders.add(bidder);
        }
        for (int i = 0; i < 3; i++) {
            submit(bidders.get(i), project, lot, seal(signedPackage(bidders.get(i), lot, (8_800_000 + i * 123_400) + ".00"),
                    List.of(opening, bidders.get(i).key().certificate())));
        }
        // the fourth bidder's bid is sound, but the platform's disk fails it at the opening (a platform fault: only
        // then does its bidder get a self-decryption window; a bid sealed wrongly would be revoked at once)
        Person broken = bidders.get(3);
        byte[] brokenPackage = signedPackage(broken, lot, "8765432.10");
        byte[] brokenSealed = seal(brokenPackage, List.of(opening, broken.key().certificate()));
        UUID brokenBid = UUID.fromString(submit(broken, project, lot, brokenSealed).get("bidId").asText());
        Path sealedFile = properties.dataDir().resolve(JdbcClient.create(dataSource)
                .sql("select file from bid where id = ?").param(brokenBid).query(String.class).single());
        Path inTheWay = Files.createDirectories(sealedFile.resolveSibling(brokenBid + ".content").resolve("in-the-way"));

        // the bidder finds its opening in the hall's list and enters it before the opening time
        browser.signIn(broken.username(), broken.password(), "/hall.html");
        browser.await("#openings a[href*='" + lot + "']");
        browser.click("#openings a[href*='" + lot + "']");
        browser.awaitText("#countdown", "距开标还有");
        assertThat(browser.find("#bid-count").getText()).isEqualTo("开标前不公开");
        browser.click("#join");
        browser.until(d -> d.findElement(By.id("joined")).isDisplayed());
        browser.screenshot("hall-countdown");

        // the opening time comes; the session starts and custodians release their shares one after the other
        clock.advance(Duration.ofDays(25).plusMinutes(31));
        call("POST", "/api/openings/" + project + "/" + lot + "/start", staff, null, 200);
        browser.awaitText("#status", "等待释放份额");
        assertThat(browser.find("#bid-count").getText()).as("a bidder learns no count before decryption ends")
                .isEqualTo("开标前不公开");
        assertThat(release(custodians, project, lot, 1)).hasSize(1);
        browser.awaitText("#custodians", "已释放");
        assertThat(browser.findAll("#custodians .badge.ok")).hasSize(1);
        assertThat(release(custodians, project, lot, 2)).hasSize(1);

        // decryption ran: the bidder's own bid awaits it, and until it ends the bidder sees its own row only
        browser.awaitText("#status", "投标人自行解密");
        browser.until(d -> d.findElements(By.cssSelector("#bids tbody tr.yours")).size() == 1);
        assertThat(browser.findAll("#bids tbody tr")).hasSize(1);
        assertThat(browser.find("#bids tbody tr.yours").getText()).contains("待投标人自行解密");
        assertThat(browser.find("#bids").getText()).doesNotContain("8,800,000.00", "浙江钱塘路桥工程有限公司");
        assertThat(browser.find("#self-decrypt").isDisplayed()).isTrue();
        browser.screenshot("hall-self-decrypt");
        Files.delete(inTheWay); // the disk is repaired; the bidder's own decryption is kept where the content goes
        Files.delete(inTheWay.getParent());

        // it opens its own copy with its own key (as bidtool open --export-cek does) and uploads both files
        Path dir = Files.createTempDirectory("self-decrypt-");
        Path own = Files.write(dir.resolve("bid.sealed"), brokenSealed);
        Path pkg = dir.resolve("package.p7m");
        assertThat(Opener.open(own, broken.key(), pkg).isOpened()).isTrue();
        Path cek = Files.writeString(dir.resolve("package.cek"),
                Base64.getEncoder().encodeToString(Opener.recoverContentKey(own, broken.key())) + "\n");
        browser.find("#package").sendKeys(pkg.toString());
        browser.find("#contentKey").sendKeys(cek.toString());
        browser.click("#self-form button[type=submit]");

        browser.awaitText("#status", "已开标");
        browser.until(d -> d.findElements(By.cssSelector("#bids tbody tr[data-stage=SELF_DECRYPTED]")).size() == 1);
        assertThat(browser.find("#bids tbody tr.yours").getText()).contains("8,765,432.10", "有效");
        browser.until(d -> d.findElement(By.id("record-link")).isDisplayed());
        assertThat(browser.find("#record-link").getAttribute("href")).contains("/api/public/documents/").endsWith("/pdf");
        assertThat(browser.find("#self-decrypt").isDisplayed()).isFalse();

        // confirm the record, then object; staff answer through the API and the hall shows it
        browser.click("#confirm");
        browser.until(d -> d.findElement(By.id("confirmed")).isDisplayed());
        browser.type("#text", "我方工期应为 280 日历天，请核对唱标。");
        browser.click("#objection-form button[type=submit]");
        browser.awaitText("#objections", "我方工期应为 280 日历天");
        JsonNode session = call("GET", "/api/openings/" + project + "/" + lot, staff, null, 200);
        String objection = session.get("objections").get(0).get("id").asText();
        call("POST", "/api/openings/" + project + "/" + lot + "/objections/" + objection + "/answer", staff,
                Map.of("answer", "经核对投标函，工期为 280 日历天，开标记录无误。"), 200);
        browser.awaitText("#objections", "开标记录无误");
    }

    @Test
    void custodiansReleaseTheirSharesFromTheHallWithBidtoolFilesOrInThePageAndStaffFollowTheOpeningFromTheHeader(Browser browser)
            throws Exception {
        base = browser.base();
        String staffUser = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(staffUser, PASSWORD, Role.STAFF, "开标主持人", null);
        String staff = login(staffUser, PASSWORD);
        List<Person> custodians = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            custodians.add(custodian(i));
        }
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        UUID project = ids[0];
        UUID lot = ids[1];
        X509Certificate opening = Certificates.parse(call("GET", "/api/public/projects/" + project + "/lots/" + lot
                + "/opening-certificate", null, null, 200).asText().getBytes(StandardCharsets.US_ASCII));
        for (String name : new String[] { "杭州之江建设有限公司", "浙江富春市政工程有限公司", "绍兴鉴湖路桥有限公司" }) {
            Person bidder = bidder(name);
            call("POST", "/api/projects/" + project + "/lots/" + lot + "/deposits/" + bidder.member() + "/clearance", staff,
                    null, 204);
            submit(bidder, project, lot, seal(signedPackage(bidder, lot, "7300000.00"),
                    List.of(opening, bidder.key().certificate())));
        }
        clock.advance(Duration.ofDays(25).plusMinutes(31));
        call("POST", "/api/openings/" + project + "/" + lot + "/start", staff, null, 200);

        // the first custodian uploads what bidtool open and bidtool sign --detached wrote
        Person first = custodians.get(0);
        String sealedShare = null;
        for (JsonNode s : call("GET", "/api/custodians/me/shares", first.token(), null, 200)) {
            if (s.get("lotId").asText().equals(lot.toString())) {
                sealedShare = s.get("sealedBase64").asText();
            }
        }
        Share firstShare = ThresholdKeys.open(Base64.getDecoder().decode(sealedShare), first.key());
        Path dir = Files.createTempDirectory("custodian-");
        Path release = Files.writeString(dir.resolve("release.json"), Api.json(CustodianClient.sealedRelease(
                call("GET", "/api/openings/" + project + "/" + lot + "/session-key", first.token(), null, 200), lot,
                firstShare, first.key(), trust.root())));

        browser.signIn(first.username(), first.password(), "/hall.html?project=" + project + "&lot=" + lot);
        browser.awaitText("#status", "等待释放份额");
        browser.until(d -> d.findElement(By.id("release")).isDisplayed());
        assertThat(browser.find("#release-commands").getText()).contains("bidtool open --in share-" + lot + ".sealed",
                "bidtool release --share share.json --session session-key-" + lot + ".json");
        browser.click("#join");
        browser.until(d -> d.findElement(By.id("joined")).isDisplayed());
        browser.find("#release-file").sendKeys(release.toString());
        browser.click("#release-form button[type=submit]");
        browser.until(d -> d.findElements(By.cssSelector("#custodians .badge.ok")).size() == 1);
        browser.until(d -> !d.findElement(By.id("release")).isDisplayed());

        // the second custodian opens its sealed share in the page with its PKCS#8 key file: WebCrypto ECDH, KDF,
        // AES key unwrap and AES-GCM, then a detached CMS signature made in the page
        Person second = custodians.get(1);
        Path key = Files.writeString(dir.resolve("custodian2.key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        second.key().privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Path certificate = Files.writeString(dir.resolve("custodian2.pem"), Certificates.toPem(second.key().certificate()));
        Path wrongKey = Files.writeString(dir.resolve("other.key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        first.key().privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        browser.signIn(second.username(), second.password(), "/hall.html?project=" + project + "&lot=" + lot);
        browser.until(d -> d.findElement(By.id("release")).isDisplayed());
        browser.find("#custodianKey").sendKeys(wrongKey.toString());
        browser.find("#custodianCertificate").sendKeys(certificate.toString());
        browser.click("#browser-release-form button[type=submit]");
        browser.awaitText("#browser-release-form .field-error", "解不开您的份额");
        browser.find("#custodianKey").sendKeys(key.toString());
        browser.click("#browser-release-form button[type=submit]");
        browser.awaitText("#status", "已开标");
        browser.until(d -> d.findElements(By.cssSelector("#bids tbody tr[data-stage=OPENED]")).size() == 3);
        assertThat(browser.findAll("#custodians .badge.ok")).hasSize(2);
        assertThat(browser.find("#release").isDisplayed()).isFalse();

        // staff reach the same opening from the header's 开标大厅 link and its list
        browser.signIn(staffUser, PASSWORD, "/");
        browser.click("header a[href='/hall.html']");
        browser.click("#openings a[href*='" + lot + "']");
        browser.awaitText("#status", "已开标");
        assertThat(browser.find("#bids").getText()).contains("杭州之江建设有限公司", "7,300,000.00");
        assertThat(browser.find("#participants").getText()).contains("保管人");
    }

    // ---------------------------------------------------------------- people and data, through the API

    JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", Api.bearer(token));
        }
        if (body instanceof byte[] bytes) {
            request.header("Content-Type", "application/octet-stream").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Api.json(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        String text = response.body();
        if (text.isEmpty()) {
            return null;
        }
        return text.startsWith("{") || text.startsWith("[") ? Api.JSON.readTree(text) : Api.JSON.getNodeFactory().textNode(text);
    }

    String login(String username, String password) throws Exception {
        return call("POST", "/api/auth/login", null, Map.of("username", username, "password", password), 200)
                .get("accessToken").asText();
    }

    String platform(Role role) throws Exception {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, role, role + " 测试", null);
        return login(username, PASSWORD);
    }

    Person custodian(int n) throws Exception {
        String username = "custodian-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "保管人" + n, null);
        SigningKey key = CertificateIssuer.selfSigned("CN=保管人" + n + ",O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        String token = login(username, PASSWORD);
        call("POST", "/api/custodians/me/certificate", token, Map.of("certificate", Certificates.toPem(key.certificate())), 200);
        return new Person(username, PASSWORD, token, null, key);
    }

    Person bidder(String name) throws Exception {
        var form = MemberFixtures.company(Role.BIDDER, name);
        var registered = members.registerCompany(form, Map.of());
        members.approve(registered.id(), null);
        SigningKey key = org.sunbid.support.TestCa.issue("CN=" + name + ",O=" + name, Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        members.bindCertificate(registered.id(), Certificates.toPem(key.certificate()), null);
        return new Person(form.username(), MemberFixtures.PASSWORD, login(form.username(), MemberFixtures.PASSWORD),
                registered.id(), key);
    }

    UUID[] publishedProject(String staff, String regulator) throws Exception {
        String username = "tenderee-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createMemberAccount(username, PASSWORD, Role.TENDEREE, MemberId.of(UUID.randomUUID()), "西湖区城建中心");
        String tenderee = login(username, PASSWORD);
        Map<String, Object> r = org.sunbid.project.ProjectFixtures.openTender("紫金港路提升改造工程");
        r.put("lots", List.of(Map.of("name", "第一标段 主线道路", "estimate", "10000000.00", "deposit", "200000.00")));
        UUID project = UUID.fromString(call("POST", "/api/projects", tenderee, r, 201).get("id").asText());
        call("POST", "/api/projects/" + project + "/submit", tenderee, null, 200);
        call("POST", "/api/projects/" + project + "/accept", staff, null, 200);
        String boundary = "----hall" + UUID.randomUUID();
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tender.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n招标文件\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/api/projects/" + project + "/documents"))
                .header("Authorization", Api.bearer(tenderee)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        for (String token : List.of(staff, regulator)) {
            for (String item : List.of("ANNOUNCEMENT", "TENDER_DOCUMENTS")) {
                call("POST", "/api/projects/" + project + "/review", token,
                        Map.of("item", item, "version", 1, "decision", "APPROVE"), 200);
            }
        }
        call("POST", "/api/projects/" + project + "/publish", tenderee, null, 200);
        JsonNode view = call("GET", "/api/projects/" + project, staff, null, 200);
        return new UUID[] { project, UUID.fromString(view.get("lots").get(0).get("id").asText()) };
    }

    static byte[] signedPackage(Person bidder, UUID lot, String price) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("bid-form.json"));
            z.write(("{\"lot\":\"" + lot + "\",\"price\":" + price + ",\"duration\":\"280 日历天\",\"quality\":\"合格\"}")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("tender.pdf"));
            byte[] pdf = new byte[100_000];
            new java.util.Random(price.hashCode()).nextBytes(pdf);
            z.write(pdf);
        }
        return new CmsSigner(bidder.key()).sign(zip.toByteArray(), false);
    }

    static byte[] seal(byte[] signed, List<X509Certificate> recipients) throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signed), sealed, recipients, ContentCipher.AES_256_GCM);
        return sealed.toByteArray();
    }

    /** A certificate with the opening certificate's issuer and serial number but another key. */
    static X509Certificate lookalike(X509Certificate opening) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var keys = generator.generateKeyPair();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                opening.getIssuerX500Principal(), opening.getSerialNumber(), opening.getNotBefore(), opening.getNotAfter(),
                opening.getSubjectX500Principal(), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    JsonNode submit(Person bidder, UUID project, UUID lot, byte[] sealed) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed));
        String upload = call("POST", "/api/bids/uploads", bidder.token(), Map.of("projectId", project, "lotId", lot,
                "size", sealed.length, "sha256", sha256), 201).get("uploadId").asText();
        call("PUT", "/api/bids/uploads/" + upload + "?offset=0", bidder.token(), sealed, 200);
        String manifest = "{\"lot\":\"" + lot + "\",\"sha256\":\"" + sha256 + "\",\"size\":" + sealed.length + ",\"clientTime\":\""
                + Instant.now() + "\",\"fingerprint\":{\"mac\":\"00:16:3e:aa:bb:cc\",\"cpu\":\"BFEBFBFF000906EA\",\"disk\":\"S3Z9NB0K\"}}";
        return call("POST", "/api/bids/uploads/" + upload + "/complete", bidder.token(), Map.of("manifest",
                Base64.getEncoder().encodeToString(new CmsSigner(bidder.key()).sign(manifest.getBytes(StandardCharsets.UTF_8), false))),
                201);
    }

    /** Custodians open their sealed shares offline and release them, signed, until {@code upTo} are released. */
    List<Person> release(List<Person> custodians, UUID project, UUID lot, int upTo) throws Exception {
        List<Person> released = new ArrayList<>();
        for (Person custodian : custodians) {
            JsonNode hall = call("GET", "/api/openings/" + project + "/" + lot, custodian.token(), null, 200);
            int done = hall.get("releasedShares").size();
            if (done >= upTo) {
                break;
            }
            boolean mine = false;
            for (JsonNode c : hall.get("custodians")) {
                mine |= c.get("you").asBoolean() && !c.get("released").asBoolean();
            }
            if (!mine) {
                continue;
            }
            for (JsonNode s : call("GET", "/api/custodians/me/shares", custodian.token(), null, 200)) {
                if (!s.get("lotId").asText().equals(lot.toString())) {
                    continue;
                }
                Share share = ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
                call("POST", "/api/openings/" + project + "/" + lot + "/shares", custodian.token(), CustodianClient.sealedRelease(
                        call("GET", "/api/openings/" + project + "/" + lot + "/session-key", custodian.token(), null, 200),
                        lot, share, custodian.key(), trust.root()), 200);
                released.add(custodian);
            }
        }
        return released;
    }
}
