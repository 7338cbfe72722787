package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.sunbid.identity.Role;
import org.sunbid.signing.CryptoProfile;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.SealedFiles;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The GM profile (国密): with {@code sunbid.opening.profile=GM} the lot's opening key and certificate are SM2, shares
 * are sealed to SM2 custodians with SM4, bidders sign with SM2/SM3 and seal with SM4 to the SM2 opening certificate,
 * and the threshold opening reads every bid. The one extra Spring context of the bid tests.
 */
@TestPropertySource(properties = "sunbid.opening.profile=GM")
class BidGmProfileIntegrationTests extends BidScenario {

    static final CryptoProfile GM = CryptoProfile.GM;

    @Test
    void underTheGmProfileTheOpeningKeyIsSm2AndSm2SealedBidsAreOpenedByTheCustodians() throws Exception {
        String staff = platform(Role.STAFF);
        List<Person> custodians = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String username = "gm-custodian-" + UUID.randomUUID().toString().substring(0, 8);
            accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "国密保管人" + i, null);
            SigningKey key = CertificateIssuer.selfSigned("CN=国密保管人" + i + ",O=Sunbid", GM.keyAlgorithm(), Duration.ofDays(365));
            String token = Api.login(mvc, username, PASSWORD);
            call(as(token, post("/api/custodians/me/certificate"))
                    .content(Api.json(Map.of("certificate", Certificates.toPem(key.certificate())))), 200);
            custodians.add(new Person(token, null, key));
        }
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        assertThat(Certificates.algorithmOf(opening)).isEqualTo(Certificates.KeyAlgorithm.SM2);
        assertThat(opening.getSigAlgName()).containsIgnoringCase("SM3withSM2");

        // every share is sealed (SM4-CBC EnvelopedData) to exactly its SM2 custodian
        List<byte[]> sealedShares = jdbc.sql("select sealed_share from opening_key_share where lot_id = ? order by idx")
                .param(ids[1]).query(byte[].class).list();
        assertThat(sealedShares).hasSize(3);
        java.util.Set<Integer> holders = new java.util.HashSet<>();
        for (byte[] sealed : sealedShares) {
            java.nio.file.Path file = java.nio.file.Files.write(properties.dataDir().resolve("share-check.bin"), sealed);
            for (int c = 0; c < custodians.size(); c++) {
                SealedFiles.Inspection inspection = SealedFiles.inspect(file, custodians.get(c).key().certificate());
                assertThat(inspection.kind()).isEqualTo(SealedFiles.Kind.ENVELOPED);
                assertThat(inspection.recipients()).isEqualTo(1);
                if (inspection.addressedTo()) {
                    holders.add(c);
                }
            }
        }
        assertThat(holders).as("each share sealed to a different SM2 custodian").hasSize(3);

        List<Person> bidders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person p = member(Role.BIDDER, "国密投标" + i + "有限公司");
            SigningKey sm2 = org.sunbid.support.TestCa.issue("CN=国密投标" + i + "有限公司,O=国密投标" + i, GM.keyAlgorithm(),
                    Duration.ofDays(365));
            members.bindCertificate(p.member(), Certificates.toPem(sm2.certificate()), null);
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], p.member())), 204);
            bidders.add(new Person(p.token(), p.member(), sm2));
        }
        List<String> bidIds = new ArrayList<>();
        for (int i = 0; i < bidders.size(); i++) {
            byte[] sealed = gmTender(bidders.get(i), ids[1], opening, (8_000_000 + i) + ".50");
            bidIds.add(submit(bidders.get(i), ids[0], ids[1], sealed).get("bidId").asText());
        }

        clock.advance(Duration.ofDays(25).plusMinutes(31));
        JsonNode session = call(as(staff, post("/api/openings/{p}/{l}/start", ids[0], ids[1])), 200);
        int threshold = session.get("threshold").asInt();
        for (Person custodian : custodians.subList(0, threshold)) {
            for (JsonNode item : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                if (item.get("lotId").asText().equals(ids[1].toString())) {
                    Share share = ThresholdKeys.open(Base64.getDecoder().decode(item.get("sealedBase64").asText()),
                            custodian.key());
                    session = decrypted(custodian.token(), ids[0], ids[1],
                            call(release(custodian, ids[0], ids[1], share), 200));
                }
            }
        }
        assertThat(session.get("status").asText()).isEqualTo("OPENED");
        assertThat(session.get("results")).hasSize(3);
        for (JsonNode r : session.get("results")) {
            int i = bidIds.indexOf(r.get("bidId").asText());
            assertThat(i).isNotNegative();
            assertThat(r.get("decryption").asText()).isEqualTo("DECRYPTED");
            assertThat(r.get("signature").asText()).isEqualTo("VALID");
            assertThat(r.get("hashCheck").asText()).isEqualTo("MATCHES");
            assertThat(r.get("price").decimalValue()).isEqualByComparingTo((8_000_000 + i) + ".50");
        }
    }

    /** The bid package signed SM2/SM3 (CMS) and sealed SM4-CBC to the SM2 opening certificate and the bidder's own. */
    static byte[] gmTender(Person bidder, UUID lot, X509Certificate opening, String price) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("bid-form.json"));
            z.write(("{\"lot\":\"" + lot + "\",\"price\":" + price + ",\"duration\":\"365 日历天\"}").getBytes(StandardCharsets.UTF_8));
        }
        byte[] signed = new CmsSigner(bidder.key(), GM.signatureScheme(), Clock.systemUTC()).sign(zip.toByteArray(), false);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signed), sealed, List.of(opening, bidder.key().certificate()), GM.contentCipher());
        return sealed.toByteArray();
    }
}
