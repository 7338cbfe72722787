package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;
import org.sunbid.support.Api;
import org.sunbid.support.FixtureCertificates;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.TestClock;
import tools.jackson.databind.JsonNode;

/** A lot's whole sealed-bid life: keys, signed and sealed uploads with receipts, the deadline, threshold opening. */
@PlatformTest
class BidIntegrationTests {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    FixtureCertificates certificates;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTrust trust;

    @Autowired
    PlatformProperties properties;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Person(String token, UUID member, SigningKey key) {
    }

    String platform(Role role) throws Exception {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, role, role + " 测试", null);
        return Api.login(mvc, username, PASSWORD);
    }

    Person member(Role role, String name) throws Exception {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID member = UUID.randomUUID();
        accounts.createMemberAccount(username, PASSWORD, role, member, name);
        SigningKey key = CertificateIssuer.selfSigned("CN=" + name + ",O=" + name, Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        certificates.bind(member, key.certificate());
        return new Person(Api.login(mvc, username, PASSWORD), member, key);
    }

    MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON);
    }

    JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() || !body.startsWith("{") && !body.startsWith("[") ? null : Api.body(r);
    }

    /** A published open tender with one lot, as the project feature makes one. */
    UUID[] publishedProject(String staff, String regulator) throws Exception {
        Person tenderee = member(Role.TENDEREE, "西湖区城建中心");
        Instant now = clock.instant();
        Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("name", "第一标段 主线道路");
        lot.put("estimate", "10000000.00");
        lot.put("deposit", "200000.00");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "紫金港路提升改造工程");
        r.put("type", "CONSTRUCTION");
        r.put("procedure", "OPEN");
        r.put("estimatedValue", "10000000.00");
        r.put("fundingSource", "财政资金");
        r.put("approvalReference", "西发改投资〔2026〕21号");
        r.put("regionCode", "330106");
        r.put("classificationCodes", List.of("B0201"));
        r.put("tendereeName", "杭州市西湖区城市建设发展中心");
        r.put("evaluationMethod", "综合评估法");
        r.put("documentsOnSaleFrom", now.plusSeconds(60).toString());
        r.put("documentsOnSaleUntil", now.plus(Duration.ofDays(7)).toString());
        r.put("bidDeadline", now.plus(Duration.ofDays(25)).toString());
        r.put("openingAt", now.plus(Duration.ofDays(25)).plusSeconds(1800).toString());
        r.put("openingPlace", "西湖区公共资源交易中心第一开标室");
        r.put("announcement", "紫金港路提升改造工程公开招标。");
        r.put("lots", List.of(lot));
        JsonNode p = call(as(tenderee.token(), post("/api/projects")).content(Api.json(r)), 201);
        UUID project = UUID.fromString(p.get("id").asText());
        call(as(tenderee.token(), post("/api/projects/{id}/submit", project)), 200);
        call(as(staff, post("/api/projects/{id}/accept", project)), 200);
        call(multipart("/api/projects/{id}/documents", project)
                .file(new MockMultipartFile("file", "招标文件.pdf", "application/pdf", "招标文件".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", Api.bearer(tenderee.token())), 201);
        for (String token : List.of(staff, regulator)) {
            for (String item : List.of("ANNOUNCEMENT", "TENDER_DOCUMENTS")) {
                call(as(token, post("/api/projects/{id}/review", project))
                        .content(Api.json(Map.of("item", item, "version", 1, "decision", "APPROVE"))), 200);
            }
        }
        call(as(tenderee.token(), post("/api/projects/{id}/publish", project)), 200);
        JsonNode view = call(as(staff, get("/api/projects/{id}", project)), 200);
        return new UUID[] { project, UUID.fromString(view.get("lots").get(0).get("id").asText()) };
    }

    /** The bidder's package: bid-form.json and the tender PDF in a ZIP, signed (CMS, attached), then sealed. */
    static byte[] sealedTender(Person bidder, UUID lot, X509Certificate opening, String price) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("bid-form.json"));
            z.write(("{\"lot\":\"" + lot + "\",\"price\":" + price + ",\"duration\":\"300 日历天\",\"quality\":\"合格\"}")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("tender.pdf"));
            byte[] pdf = new byte[300_000];
            new java.util.Random(price.hashCode()).nextBytes(pdf);
            z.write(pdf);
        }
        byte[] signed = new CmsSigner(bidder.key()).sign(zip.toByteArray(), false);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signed), sealed, List.of(opening, bidder.key().certificate()),
                ContentCipher.AES_256_GCM);
        return sealed.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    String manifest(Person bidder, UUID lot, byte[] sealed) throws Exception {
        String json = "{\"lot\":\"" + lot + "\",\"sha256\":\"" + sha256(sealed) + "\",\"size\":" + sealed.length
                + ",\"clientTime\":\"" + Instant.now() + "\",\"fingerprint\":{\"mac\":\"00:16:3e:aa:bb:cc\",\"cpu\":\"BFEBFBFF000906EA\",\"disk\":\"S3Z9NB0K\"}}";
        return Base64.getEncoder().encodeToString(new CmsSigner(bidder.key()).sign(json.getBytes(StandardCharsets.UTF_8), false));
    }

    JsonNode startUpload(Person bidder, UUID project, UUID lot, byte[] sealed, int status) throws Exception {
        return call(as(bidder.token(), post("/api/bids/uploads")).content(Api.json(Map.of("projectId", project, "lotId", lot,
                "size", sealed.length, "sha256", sha256(sealed)))), status);
    }

    JsonNode putChunk(Person bidder, String upload, long offset, byte[] chunk, int status) throws Exception {
        return call(put("/api/bids/uploads/{id}", upload).param("offset", Long.toString(offset))
                .header("Authorization", Api.bearer(bidder.token())).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(chunk), status);
    }

    JsonNode submit(Person bidder, UUID project, UUID lot, byte[] sealed) throws Exception {
        String upload = startUpload(bidder, project, lot, sealed, 201).get("uploadId").asText();
        putChunk(bidder, upload, 0, sealed, 200);
        return call(as(bidder.token(), post("/api/bids/uploads/{id}/complete", upload))
                .content(Api.json(Map.of("manifest", manifest(bidder, lot, sealed)))), 201);
    }

    @Test
    void aLotGoesFromSealedUploadsWithReceiptsToAThresholdOpeningAndASignedRecord() throws Exception {
        String staff = platform(Role.STAFF);
        String regulator = platform(Role.REGULATOR);
        List<Person> custodians = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String username = "custodian-" + UUID.randomUUID().toString().substring(0, 8);
            accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "保管人" + i, null);
            SigningKey key = CertificateIssuer.selfSigned("CN=保管人" + i + ",O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                    Duration.ofDays(365));
            String token = Api.login(mvc, username, PASSWORD);
            call(as(token, post("/api/custodians/me/certificate"))
                    .content(Api.json(Map.of("certificate", Certificates.toPem(key.certificate())))), 200);
            custodians.add(new Person(token, null, key));
        }
        // custodians registered by earlier tests in this context count too; ours are among the share holders only
        // if they are the first three, so this test uses a fresh set of lots' shares below via the API
        UUID[] ids = publishedProject(staff, regulator);
        UUID project = ids[0];
        UUID lot = ids[1];
        String pem = mvc.perform(get("/api/public/projects/{p}/lots/{l}/opening-certificate", project, lot))
                .andReturn().getResponse().getContentAsString();
        X509Certificate opening = Certificates.parse(pem.getBytes(StandardCharsets.US_ASCII));

        List<Person> bidders = new ArrayList<>();
        String[] names = { "杭州江南建设有限公司", "浙江钱塘路桥工程有限公司", "宁波海港市政建设有限公司", "温州瓯江建设集团有限公司" };
        for (String name : names) {
            Person bidder = member(Role.BIDDER, name);
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", project, lot, bidder.member())), 204);
            bidders.add(bidder);
        }
        Person outsider = member(Role.BIDDER, "未缴保证金公司");

        // the gate: no deposit, no bid
        byte[] outsiderTender = sealedTender(outsider, lot, opening, "9000000.00");
        JsonNode noDeposit = startUpload(outsider, project, lot, outsiderTender, 422);
        assertThat(noDeposit.get("type").asText()).endsWith("/deposit-not-secured");

        // bidder 0: a resumable upload, interrupted after the first half
        byte[] tender0 = sealedTender(bidders.get(0), lot, opening, "9876543.21");
        String upload = startUpload(bidders.get(0), project, lot, tender0, 201).get("uploadId").asText();
        int half = tender0.length / 2;
        putChunk(bidders.get(0), upload, 0, Arrays.copyOf(tender0, half), 200);
        JsonNode resumed = call(as(bidders.get(0).token(), get("/api/bids/uploads/{id}", upload)), 200);
        assertThat(resumed.get("received").asLong()).isEqualTo(half);
        JsonNode wrongOffset = putChunk(bidders.get(0), upload, 10, Arrays.copyOfRange(tender0, 10, 20), 409);
        assertThat(wrongOffset.get("expectedOffset").asLong()).isEqualTo(half);
        putChunk(bidders.get(0), upload, half, Arrays.copyOfRange(tender0, half, tender0.length), 200);
        JsonNode receipt0 = call(as(bidders.get(0).token(), post("/api/bids/uploads/{id}/complete", upload))
                .content(Api.json(Map.of("manifest", manifest(bidders.get(0), lot, tender0)))), 201);

        // the receipt: platform signature over the statement, RFC 3161 token over the sealed file's hash
        String statement = receipt0.get("statement").asText();
        assertThat(statement).contains(sha256(tender0));
        SignatureCheck receiptSignature = CmsVerifier.verify(Base64.getDecoder().decode(receipt0.get("signature").asText()),
                statement.getBytes(StandardCharsets.UTF_8), VerifyOptions.trusting(List.of(trust.root())));
        assertThat(receiptSignature).isInstanceOf(SignatureCheck.Valid.class);
        TimestampCheck stamp = TimestampVerifier.verify(Base64.getDecoder().decode(receipt0.get("timestampToken").asText()),
                HexFormat.of().parseHex(sha256(tender0)), List.of(trust.root()));
        assertThat(stamp).isInstanceOf(TimestampCheck.Valid.class);

        // another bidder cannot see it: 404, not 403
        String receiptId = receipt0.get("bidId").asText();
        call(as(bidders.get(1).token(), get("/api/bids/{id}/receipt", receiptId)), 404);

        // attacks: plaintext, another key, a manifest for other bytes
        byte[] plain = "我方报价 1 元".getBytes(StandardCharsets.UTF_8);
        String plainUpload = startUpload(bidders.get(1), project, lot, plain, 201).get("uploadId").asText();
        putChunk(bidders.get(1), plainUpload, 0, plain, 200);
        JsonNode notSealed = call(as(bidders.get(1).token(), post("/api/bids/uploads/{id}/complete", plainUpload))
                .content(Api.json(Map.of("manifest", manifest(bidders.get(1), lot, plain)))), 422);
        assertThat(notSealed.get("type").asText()).endsWith("/not-sealed");
        byte[] wrongKey = sealedTender(bidders.get(1), lot, bidders.get(2).key().certificate(), "1.00");
        String wrongUpload = startUpload(bidders.get(1), project, lot, wrongKey, 201).get("uploadId").asText();
        putChunk(bidders.get(1), wrongUpload, 0, wrongKey, 200);
        assertThat(call(as(bidders.get(1).token(), post("/api/bids/uploads/{id}/complete", wrongUpload))
                .content(Api.json(Map.of("manifest", manifest(bidders.get(1), lot, wrongKey)))), 422).get("type").asText())
                .endsWith("/wrong-opening-key");

        for (int i = 1; i < bidders.size(); i++) {
            submit(bidders.get(i), project, lot, sealedTender(bidders.get(i), lot, opening, (9_000_000 + i * 111_111) + ".00"));
        }

        // nothing at rest opens a bid: not the platform's keys, not the database's sealed shares
        Path sealedFile = properties.dataDir().resolve(jdbc.sql("select file from bid where id = ?")
                .param(UUID.fromString(receiptId)).query(String.class).single());
        for (SigningKey atRest : keysAtRest()) {
            OpenResult attempt = Opener.open(sealedFile, atRest, sealedFile.resolveSibling("attempt.out"));
            assertThat(attempt.isOpened()).as(atRest.certificate().getSubjectX500Principal().getName()).isFalse();
        }
        assertThat(jdbc.sql("select count(*) from opening_key_share where lot_id = ?").param(lot).query(Integer.class).single())
                .isGreaterThanOrEqualTo(3);

        // the deadline is the platform's: a late upload is refused
        clock.advance(Duration.ofDays(25).plusSeconds(60));
        assertThat(startUpload(outsider, project, lot, outsiderTender, 422).get("type").asText()).endsWith("/deadline-passed");

        // someone tampers with bidder 3's sealed file on disk after its receipt
        String lastBid = call(as(bidders.get(3).token(), get("/api/bids")), 200).get(0).get("id").asText();
        Path tampered = properties.dataDir().resolve(jdbc.sql("select file from bid where id = ?")
                .param(UUID.fromString(lastBid)).query(String.class).single());
        byte[] bytes = Files.readAllBytes(tampered);
        bytes[bytes.length - 40] ^= 0x01;
        Files.write(tampered, bytes);

        JsonNode early = call(as(staff, post("/api/openings/{p}/{l}/start", project, lot)), 422);
        assertThat(early.get("type").asText()).endsWith("/opening-not-due");
        clock.advance(Duration.ofMinutes(30));
        JsonNode session = call(as(staff, post("/api/openings/{p}/{l}/start", project, lot)), 200);
        assertThat(session.get("status").asText()).isEqualTo("WAITING_FOR_SHARES");
        assertThat(session.get("bids").asInt()).isEqualTo(4);

        // custodians open their own sealed shares offline, then release them signed
        int threshold = session.get("threshold").asInt();
        int released = 0;
        for (Person custodian : custodians) {
            JsonNode shares = call(as(custodian.token(), get("/api/custodians/me/shares")), 200);
            for (JsonNode s : shares) {
                if (!s.get("lotId").asText().equals(lot.toString()) || released >= threshold) {
                    continue;
                }
                Share share = ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
                String json = share.toJson();
                if (released == 0) {
                    String corrupted = json.replaceFirst("\"value\":\"(.)", "\"value\":\"" + "A");
                    if (!corrupted.equals(json)) {
                        JsonNode bad = call(as(custodian.token(), post("/api/openings/{p}/{l}/shares", project, lot))
                                .content(Api.json(Map.of("share", corrupted, "signature", Base64.getEncoder().encodeToString(
                                        new CmsSigner(custodian.key()).sign(corrupted.getBytes(StandardCharsets.UTF_8), true))))), 422);
                        assertThat(bad.get("type").asText()).matches(".*/(share-corrupted|bad-signature)");
                    }
                }
                String signature = Base64.getEncoder().encodeToString(
                        new CmsSigner(custodian.key()).sign(json.getBytes(StandardCharsets.UTF_8), true));
                session = call(as(custodian.token(), post("/api/openings/{p}/{l}/shares", project, lot))
                        .content(Api.json(Map.of("share", json, "signature", signature))), 200);
                released++;
            }
        }
        assertThat(released).as("shares held by this test's custodians").isEqualTo(threshold);
        assertThat(session.get("status").asText()).isEqualTo("OPENED");
        JsonNode results = session.get("results");
        assertThat(results).hasSize(4);
        JsonNode first = null;
        int valid = 0;
        for (JsonNode r : results) {
            if (r.get("bidId").asText().equals(receiptId)) {
                first = r;
            }
            if (r.get("bidId").asText().equals(lastBid)) {
                assertThat(r.get("hashCheck").asText()).isEqualTo("TAMPERED_AFTER_RECEIPT");
                assertThat(r.get("decryption").asText()).startsWith("FAILED");
            } else {
                assertThat(r.get("signature").asText()).isEqualTo("VALID");
                valid++;
            }
        }
        assertThat(valid).isEqualTo(3);
        assertThat(first.get("price").decimalValue()).isEqualByComparingTo("9876543.21");

        String record = session.get("recordDocument").asText();
        byte[] pdf = mvc.perform(get("/api/public/documents/{id}/pdf", record)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /** Every private key the platform keeps on disk: none of them may open a bid. */
    List<SigningKey> keysAtRest() throws Exception {
        List<SigningKey> keys = new ArrayList<>();
        Path ca = properties.dataDir().resolve("keys").resolve("ca");
        try (var files = Files.list(ca)) {
            for (Path p12 : files.filter(f -> f.toString().endsWith(".p12")).toList()) {
                keys.add(Pkcs12.read(p12, properties.keys().passphrase().toCharArray()));
            }
        }
        return keys;
    }
}
