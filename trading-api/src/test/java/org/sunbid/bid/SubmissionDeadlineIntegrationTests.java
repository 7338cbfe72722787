package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.internal.Completions;
import org.sunbid.identity.Role;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The deadline is one instant for the whole submission; receipts are their bidder's alone; a completion survives a
 * crash at any step (issue 13).
 */
class SubmissionDeadlineIntegrationTests extends BidScenario {

    @Autowired
    List<ScheduledTask> tasks;

    @Autowired
    Completions completions;

    String staff;
    UUID project;
    UUID lot;
    X509Certificate opening;
    Person bidder;

    @BeforeEach
    void lot() throws Exception {
        staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        project = ids[0];
        lot = ids[1];
        opening = openingCertificate(project, lot);
        bidder = member(Role.BIDDER, "截止测试建设有限公司");
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", project, lot, bidder.member())), 204);
    }

    Instant deadline() {
        return jdbc.sql("select bid_deadline from project where id = ?").param(project).query(java.sql.Timestamp.class)
                .single().toInstant();
    }

    /** Starts an upload and sends its first {@code bytes} bytes; returns the upload id. */
    String park(byte[] sealed, int bytes) throws Exception {
        String upload = startUpload(bidder, project, lot, sealed, 201).get("uploadId").asText();
        putChunk(bidder, upload, 0, Arrays.copyOf(sealed, bytes), 200);
        return upload;
    }

    JsonNode complete(String upload, byte[] sealed, int status) throws Exception {
        return call(as(bidder.token(), post("/api/bids/uploads/{id}/complete", upload))
                .content(Api.json(Map.of("manifest", manifest(bidder, lot, sealed)))), status);
    }

    int logged(String action, UUID subject) {
        return jdbc.sql("select count(*) from supervision_entry where action = ? and subject = ?")
                .params(action, subject.toString()).query(Integer.class).single();
    }

    @Test
    void afterTheDeadlineNoCompletionReplacementOrWithdrawalIsAcceptedWhateverArrivedBeforeAndParkedUploadsExpire()
            throws Exception {
        byte[] tender = sealedTender(bidder, lot, opening, "800.00");
        JsonNode receipt = submit(bidder, project, lot, tender);
        String bidId = receipt.get("bidId").asText();
        JsonNode statement = Api.JSON.readTree(receipt.get("statement").asText());
        Instant completedAt = Instant.parse(statement.get("completedAt").asText());
        assertThat(Instant.parse(receipt.get("receivedAt").asText())).isEqualTo(completedAt);
        assertThat(Instant.parse(statement.get("lastByteAt").asText())).isBeforeOrEqualTo(completedAt);
        assertThat(Instant.parse(statement.get("deadline").asText())).isEqualTo(deadline());
        var token = TimestampVerifier.verify(Base64.getDecoder().decode(receipt.get("timestampToken").asText()),
                HexFormat.of().parseHex(receipt.get("sha256").asText()), List.of(trust.root()));
        assertThat(((TimestampCheck.Valid) token).timestamp().time()).isBefore(deadline());

        // two replacements parked before the deadline, every byte arrived; a third half sent
        byte[] cheaper = sealedTender(bidder, lot, opening, "700.00");
        byte[] cheapest = sealedTender(bidder, lot, opening, "600.00");
        String parked = park(cheaper, cheaper.length);
        String other = park(cheapest, cheapest.length);
        String half = park(cheapest, cheapest.length / 2);
        Path parkedFile = properties.dataDir().resolve(jdbc.sql("select file from bid_upload where id = ?")
                .param(UUID.fromString(parked)).query(String.class).single());
        assertThat(parkedFile).exists();

        // after the deadline (the platform's clock) the bidder tries to choose one of them, or to withdraw
        clock.advance(Duration.between(Instant.now(), deadline()).plusSeconds(1));
        assertThat(complete(parked, cheaper, 422).get("type").asText()).endsWith("/deadline-passed");
        assertThat(complete(other, cheapest, 422).get("type").asText()).endsWith("/deadline-passed");
        assertThat(putChunk(bidder, half, cheapest.length / 2,
                Arrays.copyOfRange(cheapest, cheapest.length / 2, cheapest.length), 422).get("type").asText())
                .endsWith("/deadline-passed");
        byte[] withdrawal = new CmsSigner(bidder.key()).sign(("sunbid-withdraw:" + bidId).getBytes(StandardCharsets.UTF_8),
                true);
        assertThat(call(as(bidder.token(), post("/api/bids/{id}/withdrawal", bidId)).content(Api.json(Map.of("signature",
                Base64.getEncoder().encodeToString(withdrawal)))), 422).get("type").asText()).endsWith("/deadline-passed");

        // the bid from before the deadline stands alone, unchanged, and every refusal is in the supervision log
        assertThat(jdbc.sql("select status from bid where lot_id = ? and member_id = ?").params(lot, bidder.member())
                .query(String.class).list()).containsExactly("RECEIVED");
        await().atMost(Duration.ofSeconds(10)).until(() -> logged("bid.bid-refused", lot) >= 4);

        // at the deadline the close-submissions job expires the parked uploads and deletes their bytes
        ScheduledTask close = tasks.stream().filter(t -> t.kind().equals("close-submissions")).findFirst().orElseThrow();
        close.run(new Firing("close-submissions", project + ":" + lot, clock.instant(), clock.instant(), 1, "test"));
        assertThat(jdbc.sql("select count(*) from bid_upload where lot_id = ? and completed_bid is null and expired_at is null")
                .param(lot).query(Integer.class).single()).isZero();
        assertThat(parkedFile).doesNotExist();
        assertThat(complete(parked, cheaper, 422).get("type").asText()).endsWith("/deadline-passed");
        assertThat(bidFile(UUID.fromString(bidId))).exists();
    }

    @Test
    void aReceiptAndAWithdrawalReceiptAreReadableByTheirBidderAloneNotByStaffRegulatorsOrOtherBidders()
            throws Exception {
        JsonNode receipt = submit(bidder, project, lot, sealedTender(bidder, lot, opening, "900.00"));
        String bidId = receipt.get("bidId").asText();
        byte[] withdrawal = new CmsSigner(bidder.key()).sign(("sunbid-withdraw:" + bidId).getBytes(StandardCharsets.UTF_8),
                true);
        JsonNode withdrawn = call(as(bidder.token(), post("/api/bids/{id}/withdrawal", bidId)).content(Api.json(Map.of(
                "signature", Base64.getEncoder().encodeToString(withdrawal)))), 200);
        Person otherBidder = member(Role.BIDDER, "好奇建设有限公司");
        List<String> outsiders = List.of(staff, platform(Role.REGULATOR), platform(Role.ADMIN), otherBidder.token());
        // the receipt's PDF is issued after the answer: its bidder fetches it by the bid; another bidder gets a 404,
        // staff, regulators and admins are refused by role (403), as for the receipt itself
        assertThat(receiptPdf(bidder, bidId)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        for (String token : outsiders) {
            call(as(token, get("/api/bids/{id}/receipt.pdf", bidId)), token.equals(otherBidder.token()) ? 404 : 403);
        }
        String receiptDocument = call(as(bidder.token(), get("/api/bids/{id}/receipt", bidId)), 200).get("receiptDocument")
                .asText();
        for (String document : List.of(receiptDocument, withdrawn.get("receiptDocument").asText())) {
            assertThat(mvc.perform(get("/api/documents/{id}/pdf", document).header("Authorization",
                    Api.bearer(bidder.token()))).andReturn().getResponse().getContentAsByteArray()).startsWith(
                            "%PDF".getBytes(StandardCharsets.US_ASCII));
            for (String token : outsiders) {
                call(as(token, get("/api/documents/{id}/pdf", document)), 404);
                call(as(token, get("/api/documents/{id}", document)), 404);
            }
            call(get("/api/public/documents/{id}/pdf", document), 404);
        }
    }

    @Test
    void aCompletionInterruptedAfterItsCommitIsFinishedByTheRetryAndOrphanFilesAreSwept() throws Exception {
        byte[] tender = sealedTender(bidder, lot, opening, "650.00");
        String upload = park(tender, tender.length);
        Path part = properties.dataDir().resolve(jdbc.sql("select file from bid_upload where id = ?")
                .param(UUID.fromString(upload)).query(String.class).single());
        JsonNode first = complete(upload, tender, 201);
        UUID bidId = UUID.fromString(first.get("bidId").asText());
        receiptPdf(bidder, bidId.toString()); // issued after the answer
        String firstDocument = jdbc.sql("select receipt_document from bid where id = ?").param(bidId).query(String.class)
                .single();
        Path sealed = bidFile(bidId);
        assertThat(sealed).exists();
        assertThat(part).doesNotExist();

        // put the disk and the rows back as a kill -9 right after the commit leaves them: the file not moved, the
        // receipt PDF issued (signed documents are immutable) but its id not yet recorded
        Files.move(sealed, part);
        jdbc.sql("update bid set file_placed = false, receipt_document = null where id = ?").param(bidId).update();

        JsonNode retried = complete(upload, tender, 201);
        assertThat(retried.get("bidId").asText()).isEqualTo(bidId.toString());
        assertThat(retried.get("statement").asText()).isEqualTo(first.get("statement").asText());
        assertThat(sealed).exists();
        assertThat(part).doesNotExist();
        assertThat(BidSubmissions.sha256(sealed)).isEqualTo(first.get("sha256").asText());
        assertThat(receiptPdf(bidder, bidId.toString())).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

        // the PDF issued before the crash was found again, not issued twice; a further pass changes nothing
        assertThat(call(as(bidder.token(), get("/api/bids/{id}/receipt", bidId)), 200).get("receiptDocument").asText())
                .isEqualTo(firstDocument);
        assertThat(completions.finishAll(lot)).isZero();
        assertThat(jdbc.sql("select count(*) from signed_document where subject_id = ?").param(bidId).query(Integer.class)
                .single()).isEqualTo(1);

        // files no row knows — a crash between creating a file and committing its row — are swept once old enough
        Path orphanPart = part.resolveSibling(UUID.randomUUID() + ".part");
        Path orphanSealed = sealed.resolveSibling(UUID.randomUUID() + ".sealed");
        Path fresh = part.resolveSibling(UUID.randomUUID() + ".part");
        for (Path p : List.of(orphanPart, orphanSealed, fresh)) {
            Files.write(p, new byte[] { 1, 2, 3 });
        }
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(orphanPart, old);
        Files.setLastModifiedTime(orphanSealed, old);
        assertThat(completions.sweepOrphans()).contains(orphanPart, orphanSealed).doesNotContain(fresh, sealed);
        assertThat(orphanPart).doesNotExist();
        assertThat(orphanSealed).doesNotExist();
        assertThat(fresh).exists();
        assertThat(sealed).exists();
        Files.delete(fresh);
    }

    Path bidFile(UUID bid) {
        return properties.dataDir().resolve(jdbc.sql("select file from bid where id = ?").param(bid).query(String.class).single());
    }
}
