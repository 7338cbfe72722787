package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.identity.Role;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** Receipts for a replacement and for a withdrawal: signed by the platform, timestamped, checked with openssl too. */
class BidReceiptIntegrationTests extends BidScenario {

    @TempDir
    Path dir;

    @Test
    void aReplacementsReceiptNamesTheBidItReplacesAndAWithdrawalGetsASignedTimestampedReceipt() throws Exception {
        Lot lot = publishedLotWithBidder("撤回测试建设有限公司");
        UUID[] ids = lot.ids();
        X509Certificate opening = lot.opening();
        Person bidder = lot.bidder();
        Person other = member(Role.BIDDER, "旁观建设有限公司");

        JsonNode first = submit(bidder, ids[0], ids[1], sealedTender(bidder, ids[1], opening, "700.00"));
        assertThat(Api.JSON.readTree(first.get("statement").asText()).has("replaces")).isFalse();
        JsonNode second = submit(bidder, ids[0], ids[1], sealedTender(bidder, ids[1], opening, "690.00"));
        JsonNode secondStatement = Api.JSON.readTree(second.get("statement").asText());
        assertThat(secondStatement.get("replaces").asText()).isEqualTo(first.get("bidId").asText());
        assertThat(verifies(second.get("statement").asText(), second.get("signature").asText())).isTrue();
        String bidId = second.get("bidId").asText();

        // a withdrawal signed by someone else is refused and changes nothing
        byte[] forged = new CmsSigner(other.key()).sign(("sunbid-withdraw:" + bidId).getBytes(StandardCharsets.UTF_8), true);
        JsonNode refused = call(as(bidder.token(), post("/api/bids/{id}/withdrawal", bidId))
                .content(Api.json(Map.of("signature", Base64.getEncoder().encodeToString(forged)))), 422);
        assertThat(refused.get("type").asText()).endsWith("/bad-signature");
        call(as(bidder.token(), get("/api/bids/{id}/withdrawal-receipt", bidId)), 404);

        byte[] signed = new CmsSigner(bidder.key()).sign(("sunbid-withdraw:" + bidId).getBytes(StandardCharsets.UTF_8), true);
        String signedBase64 = Base64.getEncoder().encodeToString(signed);
        JsonNode receipt = call(as(bidder.token(), post("/api/bids/{id}/withdrawal", bidId))
                .content(Api.json(Map.of("signature", signedBase64))), 200);

        String statement = receipt.get("statement").asText();
        JsonNode fields = Api.JSON.readTree(statement);
        String withdrawalSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed));
        assertThat(fields.get("type").asText()).isEqualTo("sunbid-bid-withdrawal-receipt/1");
        assertThat(fields.get("bid").asText()).isEqualTo(bidId);
        assertThat(fields.get("lot").asText()).isEqualTo(ids[1].toString());
        assertThat(fields.get("sha256").asText()).isEqualTo(second.get("sha256").asText());
        assertThat(fields.get("withdrawalSha256").asText()).isEqualTo(withdrawalSha256);
        assertThat(verifies(statement, receipt.get("signature").asText())).isTrue();
        assertThat(verifies(statement.replace(bidId, first.get("bidId").asText()), receipt.get("signature").asText())).isFalse();
        byte[] token = Base64.getDecoder().decode(receipt.get("timestampToken").asText());
        assertThat(TimestampVerifier.verify(token, HexFormat.of().parseHex(withdrawalSha256), List.of(trust.root())))
                .isInstanceOf(TimestampCheck.Valid.class);

        // the same checks with openssl, from the files a bidder would keep
        Files.writeString(dir.resolve("root.pem"), Certificates.toPem(trust.root()));
        Files.writeString(dir.resolve("statement.json"), statement);
        Files.write(dir.resolve("statement.p7s"), Base64.getDecoder().decode(receipt.get("signature").asText()));
        Files.write(dir.resolve("token.tst"), token);
        assertThat(run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "statement.p7s", "-content",
                "statement.json", "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null")).contains("Verification successful");
        assertThat(run("openssl", "ts", "-verify", "-token_in", "-in", "token.tst", "-digest", withdrawalSha256, "-CAfile",
                "root.pem")).contains("Verification: OK");
        Files.writeString(dir.resolve("statement.json"), statement.replace("withdrawal", "Withdrawal"));
        assertThat(run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "statement.p7s", "-content",
                "statement.json", "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null")).doesNotContain("Verification successful");

        // the signed PDF, and the receipt again later; the bid is withdrawn; another bidder learns nothing
        byte[] pdf = mvc.perform(get("/api/documents/{id}/pdf", receipt.get("receiptDocument").asText())
                .header("Authorization", Api.bearer(bidder.token()))).andReturn().getResponse().getContentAsByteArray();
        Path pdfFile = Files.write(dir.resolve("withdrawal.pdf"), pdf);
        assertThat(run("pdfsig", pdfFile.toString())).contains("Signature is Valid.");
        JsonNode again = call(as(bidder.token(), get("/api/bids/{id}/withdrawal-receipt", bidId)), 200);
        assertThat(again.get("statement").asText()).isEqualTo(statement);
        assertThat(again.get("signature").asText()).isEqualTo(receipt.get("signature").asText());
        JsonNode replay = call(as(bidder.token(), post("/api/bids/{id}/withdrawal", bidId))
                .content(Api.json(Map.of("signature", signedBase64))), 200);
        assertThat(replay.get("statement").asText()).isEqualTo(statement);
        call(as(other.token(), get("/api/bids/{id}/withdrawal-receipt", bidId)), 404);
        call(as(other.token(), post("/api/bids/{id}/withdrawal", bidId))
                .content(Api.json(Map.of("signature", signedBase64))), 404);
        JsonNode mine = call(as(bidder.token(), get("/api/bids").param("lotId", ids[1].toString())), 200);
        for (JsonNode b : mine) {
            assertThat(b.get("status").asText()).isEqualTo(b.get("id").asText().equals(bidId) ? "WITHDRAWN" : "REPLACED");
        }
        assertThat(jdbc.sql("select count(*) from bid where lot_id = ? and status = 'RECEIVED'").param(ids[1])
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theReceiptPdfNamesTheBiddersCompanyAndUsccAndAManifestWithoutFingerprintStoresNone() throws Exception {
        Lot lot = publishedLotWithBidder("回执测试建设有限公司");
        UUID[] ids = lot.ids();
        X509Certificate opening = lot.opening();
        Person bidder = lot.bidder();
        var company = members.details(bidder.member()).company();

        // a manifest that carries no machine fingerprint (it is optional)
        byte[] sealed = sealedTender(bidder, ids[1], opening, "880.00");
        String upload = startUpload(bidder, ids[0], ids[1], sealed, 201).get("uploadId").asText();
        putChunk(bidder, upload, 0, sealed, 200);
        String manifest = "{\"lot\":\"" + ids[1] + "\",\"sha256\":\"" + sha256(sealed) + "\",\"size\":" + sealed.length
                + ",\"clientTime\":\"" + java.time.Instant.now() + "\"}";
        JsonNode receipt = call(as(bidder.token(), post("/api/bids/uploads/{id}/complete", upload)).content(Api.json(Map.of(
                "manifest", Base64.getEncoder().encodeToString(new CmsSigner(bidder.key()).sign(
                        manifest.getBytes(StandardCharsets.UTF_8), false))))), 201);
        String bidId = receipt.get("bidId").asText();
        assertThat(jdbc.sql("select fingerprint from bid where id = ?").param(UUID.fromString(bidId))
                .query(String.class).optional()).isEmpty();

        // the receipt PDF (issued after the answer) shows the company's name and its unified social credit code
        byte[] pdf = receiptPdf(bidder, bidId);
        Path pdfFile = Files.write(dir.resolve("receipt.pdf"), pdf);
        assertThat(run("pdfsig", pdfFile.toString())).contains("Signature is Valid.");
        String text = run("pdftotext", "-enc", "UTF-8", pdfFile.toString(), "-");
        assertThat(text).contains(company.uscc()).contains(company.name());

        // a PDF still due (as a stop between the commit and the worker leaves it): 202 with Retry-After, and asking
        // queues it again; the document issued earlier is found, not issued twice; another bidder learns nothing
        UUID bid = UUID.fromString(bidId);
        String issued = jdbc.sql("select receipt_document from bid where id = ?").param(bid).query(String.class).single();
        jdbc.sql("update bid set receipt_document = null where id = ?").param(bid).update();
        var pending = mvc.perform(get("/api/bids/{id}/receipt.pdf", bidId).header("Authorization", Api.bearer(bidder.token())))
                .andReturn().getResponse();
        assertThat(pending.getStatus()).isEqualTo(202);
        assertThat(pending.getHeader("Retry-After")).isEqualTo("2");
        assertThat(Api.JSON.readTree(pending.getContentAsString()).get("status").asText()).isEqualTo("ISSUING");
        call(as(member(Role.BIDDER, "好奇投标有限公司").token(), get("/api/bids/{id}/receipt.pdf", bidId)), 404);
        assertThat(receiptPdf(bidder, bidId)).isEqualTo(pdf);
        assertThat(jdbc.sql("select receipt_document from bid where id = ?").param(bid).query(String.class).single())
                .isEqualTo(issued);
        assertThat(jdbc.sql("select count(*) from signed_document where subject_id = ?").param(bid).query(Integer.class)
                .single()).isEqualTo(1);

        // with a fingerprint the bid keeps it as the JSON the bidder signed
        byte[] again = sealedTender(bidder, ids[1], opening, "870.00");
        String replacement = submit(bidder, ids[0], ids[1], again).get("bidId").asText();
        JsonNode stored = Api.JSON.readTree(jdbc.sql("select fingerprint from bid where id = ?")
                .param(UUID.fromString(replacement)).query(String.class).single());
        assertThat(stored.get("mac").asText()).isEqualTo("00:16:3e:aa:bb:cc");
    }

    record Lot(UUID[] ids, X509Certificate opening, Person bidder) {
    }

    /** A published lot and an approved bidder of it whose deposit staff have cleared. */
    private Lot publishedLotWithBidder(String company) throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        Person bidder = member(Role.BIDDER, company);
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);
        return new Lot(ids, openingCertificate(ids[0], ids[1]), bidder);
    }

    private boolean verifies(String statement, String signatureBase64) {
        return CmsVerifier.verify(Base64.getDecoder().decode(signatureBase64), statement.getBytes(StandardCharsets.UTF_8),
                VerifyOptions.trusting(List.of(trust.root()))) instanceof SignatureCheck.Valid;
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }
}
