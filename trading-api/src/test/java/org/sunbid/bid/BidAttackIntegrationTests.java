package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.identity.Role;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** Attacks on submission and opening: replays, late bytes, a package signed by someone else. */
class BidAttackIntegrationTests extends BidScenario {

    @Test
    void aReplayedCompletionReturnsTheSameReceiptAndALateChunkIsRefused() throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        Person bidder = member(Role.BIDDER, "重放测试建设有限公司");
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);

        byte[] tender = sealedTender(bidder, ids[1], opening, "500.00");
        String upload = startUpload(bidder, ids[0], ids[1], tender, 201).get("uploadId").asText();
        putChunk(bidder, upload, 0, tender, 200);
        String manifest = manifest(bidder, ids[1], tender);
        JsonNode first = call(as(bidder.token(), post("/api/bids/uploads/{id}/complete", upload))
                .content(Api.json(Map.of("manifest", manifest))), 201);
        JsonNode again = call(as(bidder.token(), post("/api/bids/uploads/{id}/complete", upload))
                .content(Api.json(Map.of("manifest", manifest))), 201);
        assertThat(again.get("bidId").asText()).isEqualTo(first.get("bidId").asText());
        assertThat(call(as(bidder.token(), get("/api/bids")), 200)).hasSize(1);

        // an upload begun before the deadline whose last bytes arrive after it is refused
        byte[] second = sealedTender(bidder, ids[1], opening, "480.00");
        String late = startUpload(bidder, ids[0], ids[1], second, 201).get("uploadId").asText();
        putChunk(bidder, late, 0, Arrays.copyOf(second, 100), 200);
        clock.advance(Duration.ofDays(25).plusSeconds(1));
        JsonNode refused = putChunk(bidder, late, 100, Arrays.copyOfRange(second, 100, second.length), 422);
        assertThat(refused.get("type").asText()).endsWith("/deadline-passed");
        assertThat(call(as(bidder.token(), get("/api/bids")), 200)).hasSize(1);
    }

    @Test
    void aPackageSignedWithAnotherMembersKeyIsOpenedButMarkedNotByTheBidder() throws Exception {
        String staff = platform(Role.STAFF);
        List<Person> custodians = custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        List<Person> bidders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person b = member(Role.BIDDER, "签名测试" + i + "有限公司");
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], b.member())), 204);
            bidders.add(b);
        }
        submit(bidders.get(0), ids[0], ids[1], sealedTender(bidders.get(0), ids[1], opening, "100.00"));
        submit(bidders.get(1), ids[0], ids[1], sealedTender(bidders.get(1), ids[1], opening, "101.00"));
        // bidder 2 uploads (and signs the manifest itself) a package signed with bidder 1's key
        byte[] signedByOther = new CmsSigner(bidders.get(1).key()).sign(
                ("{\"lot\":\"" + ids[1] + "\",\"price\":\"1.00\"}").getBytes(StandardCharsets.UTF_8), false);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signedByOther), sealed, List.of(opening, bidders.get(2).key().certificate()),
                ContentCipher.AES_256_GCM);
        String forgedBid = submit(bidders.get(2), ids[0], ids[1], sealed.toByteArray()).get("bidId").asText();

        clock.advance(Duration.ofDays(25).plusMinutes(31));
        JsonNode session = call(as(staff, post("/api/openings/{p}/{l}/start", ids[0], ids[1])), 200);
        for (Person custodian : custodians.subList(0, session.get("threshold").asInt())) {
            JsonNode s = call(as(custodian.token(), get("/api/custodians/me/shares")), 200);
            for (JsonNode item : s) {
                if (item.get("lotId").asText().equals(ids[1].toString())) {
                    Share share = ThresholdKeys.open(Base64.getDecoder().decode(item.get("sealedBase64").asText()),
                            custodian.key());
                    session = decrypted(custodian.token(), ids[0], ids[1],
                            call(release(custodian, ids[0], ids[1], share), 200));
                }
            }
        }
        assertThat(session.get("status").asText()).isEqualTo("OPENED");
        for (JsonNode r : session.get("results")) {
            if (r.get("bidId").asText().equals(forgedBid)) {
                assertThat(r.get("decryption").asText()).isEqualTo("DECRYPTED");
                assertThat(r.get("signature").asText()).isEqualTo("NOT_BY_REGISTERED_CERTIFICATE");
                assertThat(r.get("price").isNull()).isTrue();
            } else {
                assertThat(r.get("signature").asText()).isEqualTo("VALID");
            }
        }
    }
}
