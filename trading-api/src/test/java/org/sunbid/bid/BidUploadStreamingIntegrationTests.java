package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** A deadline rush of slow uploads must not hold the database: bytes stream outside any transaction. */
class BidUploadStreamingIntegrationTests extends BidScenario {

    @Autowired
    BidSubmissions bids;

    @Test
    void anUploadsBytesAreReadWithNoTransactionOrConnectionHeldAndStillEndInAReceipt() throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        Person bidder = member(Role.BIDDER, "流式上传测试有限公司");
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);
        byte[] tender = sealedTender(bidder, ids[1], opening, "600.00");
        String upload = startUpload(bidder, ids[0], ids[1], tender, 201).get("uploadId").asText();

        AccountManagement.AccountView account = accounts.accountsOfMember(MemberId.of(bidder.member())).get(0);
        CurrentUser user = new CurrentUser(account.id(), account.username(), Role.BIDDER, account.memberId());
        List<String> heldWhileReading = new ArrayList<>();
        InputStream body = new FilterInputStream(new ByteArrayInputStream(tender)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (TransactionSynchronizationManager.isActualTransactionActive()) {
                    heldWhileReading.add("transaction");
                }
                if (!TransactionSynchronizationManager.getResourceMap().isEmpty()) {
                    heldWhileReading.add("bound resources " + TransactionSynchronizationManager.getResourceMap().keySet());
                }
                return super.read(b, off, Math.min(len, 8192));
            }
        };
        BidSubmissions.UploadState state = bids.append(user, UploadId.of(UUID.fromString(upload)), 0, body);
        assertThat(heldWhileReading).isEmpty();
        assertThat(state.received()).isEqualTo(tender.length);

        // a second append at a stale offset is refused
        JsonNode stale = putChunk(bidder, upload, 0, new byte[10], 409);
        assertThat(stale.get("type").asText()).endsWith("/offset-mismatch");
        JsonNode receipt = call(as(bidder.token(), post("/api/bids/uploads/{id}/complete", upload))
                .content(Api.json(Map.of("manifest", manifest(bidder, ids[1], tender)))), 201);
        assertThat(receipt.get("sha256").asText()).isEqualTo(sha256(tender));
    }
}
