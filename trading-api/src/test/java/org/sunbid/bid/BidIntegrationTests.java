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

import org.sunbid.support.PlatformTest;
import org.sunbid.support.MutableClock;
import tools.jackson.databind.JsonNode;

/** A lot's whole sealed-bid life: keys, signed and sealed uploads with receipts, the deadline, threshold opening. */
class BidIntegrationTests extends BidScenario {

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
                    // the share in clear, even signed, is refused: custodians seal it to the session key themselves
                    JsonNode clear = call(as(custodian.token(), post("/api/openings/{p}/{l}/shares", project, lot))
                            .content(Api.json(Map.of("share", json, "signature", Base64.getEncoder().encodeToString(
                                    new CmsSigner(custodian.key()).sign(json.getBytes(StandardCharsets.UTF_8), true))))), 422);
                    assertThat(clear.get("type").asText()).endsWith("/clear-share-refused");
                    assertThat(clear.get("field").asText()).isEqualTo("share");
                }
                session = decrypted(custodian.token(), project, lot, call(release(custodian, project, lot, share), 200));
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
                // the plaintext was verified while it was decrypted: what was written before the tag failed is gone
                assertThat(tampered.resolveSibling(lastBid + ".content")).doesNotExist();
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
}
