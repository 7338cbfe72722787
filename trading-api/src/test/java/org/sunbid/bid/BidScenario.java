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
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.id.MemberId;
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
import org.sunbid.support.CustodianClient;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.MutableClock;
import tools.jackson.databind.JsonNode;

/** What every sealed-bid test needs: people, a published lot, sealed tenders, uploads. */
@PlatformTest
abstract class BidScenario {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    MemberSetup members;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTrust trust;

    @Autowired
    PlatformProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.sunbid.scheduler.JobScheduler jobs;

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

    /** The evaluation method written at intake, for scenarios that evaluate; null keeps the fixture's. */
    /**
     * The receipt's signed PDF as its bidder fetches it: the platform issues it after the completion has answered, so
     * {@code GET /api/bids/{id}/receipt.pdf} answers 202 with Retry-After until it is there.
     */
    protected byte[] receiptPdf(Person bidder, String bidId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var r = mvc.perform(get("/api/bids/{id}/receipt.pdf", bidId)
                            .header("Authorization", Api.bearer(bidder.token()))).andReturn().getResponse();
                    if (r.getStatus() == 202) {
                        assertThat(r.getHeader("Retry-After")).isEqualTo("2");
                        return null;
                    }
                    assertThat(r.getStatus()).isEqualTo(200);
                    return r.getContentAsByteArray();
                }, java.util.Objects::nonNull);
    }

    protected String evaluationMethod() {
        return null;
    }

    Person member(Role role, String name) throws Exception {
        String username;
        UUID member;
        String password;
        if (role == Role.BIDDER || role == Role.TENDEREE) {
            MemberFixtures.Approved approved = MemberFixtures.approved(members, role);
            username = approved.username();
            member = approved.memberId();
            password = MemberFixtures.PASSWORD;
        } else {
            username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
            member = UUID.randomUUID();
            password = PASSWORD;
            accounts.createMemberAccount(username, password, role, MemberId.of(member), name);
        }
        SigningKey key = org.sunbid.support.TestCa.issue("CN=" + name + ",O=" + name, Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        if (role == Role.BIDDER || role == Role.TENDEREE) {
            members.bindCertificate(member, Certificates.toPem(key.certificate()), null);
        }
        return new Person(Api.login(mvc, username, password), member, key);
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

    /**
     * What a custodian's client sends to release {@code share}: it fetches the session key, checks the platform's
     * binding against the platform root (the custodian's own copy of it), seals the share to the session certificate
     * and signs the sealed bytes. The share itself is never sent.
     */
    String sealedRelease(Person custodian, UUID project, UUID lot, Share share) throws Exception {
        JsonNode session = call(as(custodian.token(), get("/api/openings/{p}/{l}/session-key", project, lot)), 200);
        return Api.json(CustodianClient.sealedRelease(session, lot, share, custodian.key(), trust.root()));
    }

    /** The custodian's sealed release of {@code share}, posted. */
    MockHttpServletRequestBuilder release(Person custodian, UUID project, UUID lot, Share share) throws Exception {
        return as(custodian.token(), post("/api/openings/{p}/{l}/shares", project, lot))
                .content(sealedRelease(custodian, project, lot, share));
    }

    /** Custodians with bound certificates; the first registered ones hold the shares of every lot made later. */
    java.util.List<Person> custodians(int n) throws Exception {
        java.util.List<Person> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String username = "custodian-" + UUID.randomUUID().toString().substring(0, 8);
            accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "保管人" + i, null);
            SigningKey key = CertificateIssuer.selfSigned("CN=保管人" + i + ",O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                    Duration.ofDays(365));
            String token = Api.login(mvc, username, PASSWORD);
            call(as(token, post("/api/custodians/me/certificate"))
                    .content(Api.json(Map.of("certificate", Certificates.toPem(key.certificate())))), 200);
            list.add(new Person(token, null, key));
        }
        return list;
    }

    X509Certificate openingCertificate(UUID project, UUID lot) throws Exception {
        String pem = mvc.perform(get("/api/public/projects/{p}/lots/{l}/opening-certificate", project, lot))
                .andReturn().getResponse().getContentAsString();
        return Certificates.parse(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** A published open tender with one lot, as the project feature makes one. */
    UUID[] publishedProject(String staff, String regulator) throws Exception {
        return publishedProject(staff, regulator, null);
    }

    /** What a test does to the project just before it is published (its tenderee, project and lot ids). */
    interface BeforePublish {
        void accept(Person tenderee, UUID project, UUID lot) throws Exception;
    }

    UUID[] publishedProject(String staff, String regulator, BeforePublish beforePublish) throws Exception {
        return publishedProject(staff, regulator, member(Role.TENDEREE, "西湖区城建中心"), beforePublish);
    }

    UUID[] publishedProject(String staff, String regulator, Person tenderee, BeforePublish beforePublish)
            throws Exception {
        Map<String, Object> r = org.sunbid.project.ProjectFixtures.openTender("紫金港路提升改造工程");
        r.remove("lots");
        r.put("lots", List.of(Map.of("name", "第一标段 主线道路", "estimate", "10000000.00", "deposit", "200000.00")));
        if (evaluationMethod() != null) {
            r.put("evaluationMethod", evaluationMethod());
        }
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
        if (beforePublish != null) {
            JsonNode draft = call(as(staff, get("/api/projects/{id}", project)), 200);
            beforePublish.accept(tenderee, project, UUID.fromString(draft.get("lots").get(0).get("id").asText()));
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

    /**
     * The hall after a release: when that release reached the threshold it scheduled the clustered {@code decrypt-bids}
     * job, which the scheduler runs at once (this node holds the session key); the hall is read, as {@code token} sees
     * it, once decryption has ended.
     */
    JsonNode decrypted(String token, UUID project, UUID lot, JsonNode released) throws Exception {
        if (!"OPENING".equals(released.get("status").asText())) {
            return released;
        }
        JsonNode[] hall = { released };
        org.awaitility.Awaitility.await("the decrypt-bids job of lot " + lot).atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> !"OPENING".equals((hall[0] = call(as(token, get("/api/openings/{p}/{l}", project, lot)), 200))
                        .get("status").asText()));
        return hall[0];
    }

    /** Starts the lot's opening and has the custodians release shares up to the threshold. */
    JsonNode open(String staff, List<Person> custodians, UUID[] ids) throws Exception {
        JsonNode session = call(as(staff, post("/api/openings/{p}/{l}/start", ids[0], ids[1])), 200);
        int released = 0;
        int threshold = session.get("threshold").asInt();
        for (Person custodian : custodians) {
            for (JsonNode item : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                if (item.get("lotId").asText().equals(ids[1].toString()) && released < threshold) {
                    Share share = ThresholdKeys.open(Base64.getDecoder().decode(item.get("sealedBase64").asText()),
                            custodian.key());
                    session = decrypted(custodian.token(), ids[0], ids[1],
                            call(release(custodian, ids[0], ids[1], share), 200));
                    released++;
                }
            }
        }
        return session;
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
