package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.sunbid.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Anyone can check a receipt the platform issued; a changed receipt is named invalid with the reason. */
class ReceiptVerificationIntegrationTests extends BidScenario {

    JsonNode verify(String body, int status) throws Exception {
        return call(post("/api/public/verify/receipt").contentType(MediaType.APPLICATION_JSON).content(body), status);
    }

    @Test
    void aReceiptThePlatformIssuedVerifiesAndAnAlteredOneIsRefusedWithTheReason() throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        Person bidder = member(Role.BIDDER, "杭州江南建设有限公司");
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);
        byte[] sealed = sealedTender(bidder, ids[1], openingCertificate(ids[0], ids[1]), "9876543.21");
        JsonNode receipt = submit(bidder, ids[0], ids[1], sealed);

        JsonNode ok = verify(receipt.toString(), 200);
        assertThat(ok.get("valid").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("problems").size()).isZero();
        assertThat(ok.get("sha256").asText()).isEqualTo(sha256(sealed));
        assertThat(ok.get("size").asLong()).isEqualTo(sealed.length);
        assertThat(ok.get("bid").asText()).isEqualTo(receipt.get("bidId").asText());
        assertThat(ok.get("member").asText()).isEqualTo(bidder.member().toString());
        assertThat(ok.get("signer").asText()).isEqualTo(trust.documentSigner().certificate().getSubjectX500Principal().getName());
        assertThat(ok.get("timestampTime").asText()).isNotBlank();
        assertThat(ok.get("timestampSerial").asText()).isNotBlank();
        String root = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/public/verify/root-certificate")).andReturn().getResponse().getContentAsString();
        assertThat(org.sunbid.signing.certs.Certificates.parse(root.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo(trust.root());

        // the visible hash changed, the signed statement not: a field mismatch
        ObjectNode otherHash = (ObjectNode) receipt.deepCopy();
        otherHash.put("sha256", "0".repeat(64));
        JsonNode mismatch = verify(otherHash.toString(), 200);
        assertThat(mismatch.get("valid").asBoolean()).isFalse();
        assertThat(mismatch.get("problems").get(0).get("code").asText()).isEqualTo("field.sha256");

        // the signed statement rewritten (a later arrival time): the platform signature no longer covers it
        ObjectNode rewritten = (ObjectNode) receipt.deepCopy();
        String statement = receipt.get("statement").asText();
        String received = receipt.get("receivedAt").asText();
        rewritten.put("statement", statement.replace(received, "2020-01-01T00:00:00Z"));
        rewritten.remove("receivedAt");
        JsonNode forged = verify(rewritten.toString(), 200);
        assertThat(forged.get("valid").asBoolean()).isFalse();
        assertThat(forged.get("problems").toString()).contains("signature.content-mismatch");

        // signed with another key the platform root certified (not the document signer): not a platform receipt
        org.sunbid.signing.keys.SigningKey otherKey = keysAtRest().stream()
                .filter(k -> !k.certificate().equals(trust.documentSigner().certificate()))
                .filter(k -> !k.certificate().equals(trust.root()))
                .filter(k -> org.sunbid.signing.cms.CmsVerifier.verify(new org.sunbid.signing.cms.CmsSigner(k).sign(new byte[] { 1 }, true),
                        new byte[] { 1 }, org.sunbid.signing.cms.VerifyOptions.trusting(java.util.List.of(trust.root()))).isValid())
                .findFirst().orElseThrow();
        ObjectNode impostor = (ObjectNode) receipt.deepCopy();
        impostor.put("signature", java.util.Base64.getEncoder().encodeToString(new org.sunbid.signing.cms.CmsSigner(otherKey)
                .sign(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8), true)));
        JsonNode notPlatform = verify(impostor.toString(), 200);
        assertThat(notPlatform.get("valid").asBoolean()).isFalse();
        assertThat(notPlatform.get("problems").toString()).contains("signature.not-the-platform");

        // a time-stamp over another file's hash
        ObjectNode otherStamp = (ObjectNode) receipt.deepCopy();
        byte[] other = sealedTender(bidder, ids[1], openingCertificate(ids[0], ids[1]), "1.00");
        JsonNode otherReceipt = submit(bidder, ids[0], ids[1], other);
        otherStamp.put("timestampToken", otherReceipt.get("timestampToken").asText());
        JsonNode wrongStamp = verify(otherStamp.toString(), 200);
        assertThat(wrongStamp.get("valid").asBoolean()).isFalse();
        assertThat(wrongStamp.get("problems").toString()).contains("timestamp.imprint-mismatch");
    }

    @Test
    void inputThatIsNotAReceiptIsA400NamingTheField() throws Exception {
        JsonNode missing = verify("{\"signature\":\"AAAA\",\"timestampToken\":\"AAAA\"}", 400);
        assertThat(missing.get("field").asText()).isEqualTo("statement");
        assertThat(missing.get("detail").asText()).contains("statement");

        JsonNode notBase64 = verify("{\"statement\":\"{}\",\"signature\":\"***\",\"timestampToken\":\"AAAA\"}", 400);
        assertThat(notBase64.get("field").asText()).isEqualTo("signature");

        JsonNode notReceipt = verify("{\"statement\":\"{\\\"type\\\":\\\"other\\\"}\",\"signature\":\"AAAA\",\"timestampToken\":\"AAAA\"}", 400);
        assertThat(notReceipt.get("field").asText()).isEqualTo("statement");

        JsonNode notJson = verify("not json at all", 400);
        assertThat(notJson.get("type").asText()).startsWith("https://sunbid.org/problems/");
    }
}
