package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.sunbid.deposit.internal.RefundTriggerWorker;
import org.sunbid.identity.Role;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * No request thread needs two database connections (issue 18, the deadline rush that deadlocked the pool): with a
 * pool of ONE connection, a bid completion, its withdrawal and a bid again each answer, and the refund work they
 * trigger (the withdrawal's refund proposed, then cancelled by the bid again) is done by the refund-trigger worker
 * from rows written in the bids' own transactions. Before, the refund triggers ran after each commit in a transaction
 * of their own on the request thread while the committed one's connection was still bound: with one connection the
 * completion waited for a second one until the pool's timeout and failed.
 */
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=1",
        // a safety net only: with one connection the background threads (scheduler, log writer) take turns with requests
        "spring.datasource.hikari.connection-timeout=120000" })
class OneConnectionPerRequestIntegrationTests extends BidScenario {

    @Autowired
    RefundTriggerWorker refundTriggers;

    @Test
    void aCompletionAWithdrawalAndABidAgainAnswerOnOneConnectionAndTheirRefundWorkIsDone() throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        Person bidder = member(Role.BIDDER, "单连接测试建设有限公司");
        // staff confirm the deposit received: it holds the lot's deposit, so a withdrawal has something to refund
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);

        String bidId = submit(bidder, ids[0], ids[1], sealedTender(bidder, ids[1], opening, "880.00")).get("bidId").asText();
        byte[] signed = new CmsSigner(bidder.key()).sign(("sunbid-withdraw:" + bidId).getBytes(StandardCharsets.UTF_8), true);
        call(as(bidder.token(), post("/api/bids/{id}/withdrawal", bidId))
                .content(Api.json(Map.of("signature", Base64.getEncoder().encodeToString(signed)))), 200);

        refundTriggers.drain();
        JsonNode refunds = deposit(bidder, ids).get("refunds");
        assertThat(refunds).as("the withdrawal's refund, proposed by the worker").hasSize(1);
        assertThat(refunds.get(0).get("reason").asText()).isEqualTo("WITHDRAWN_BEFORE_DEADLINE");
        assertThat(refunds.get(0).get("state").asText()).isEqualTo("PROPOSED");

        submit(bidder, ids[0], ids[1], sealedTender(bidder, ids[1], opening, "870.00"));
        refundTriggers.drain();
        assertThat(deposit(bidder, ids).get("refunds").get(0).get("state").asText())
                .as("bidding again cancels the withdrawal's refund").isEqualTo("CANCELLED");
        assertThat(refundTriggers.waiting()).as("every trigger worked off, none failed").isZero();
        assertThat(jdbc.sql("select count(*) from deposit_refund_trigger where lot = ?").param(ids[1]).query(Long.class)
                .single()).isZero();
    }

    private JsonNode deposit(Person bidder, UUID[] ids) throws Exception {
        return call(as(bidder.token(), get("/api/projects/{p}/lots/{l}/deposit", ids[0], ids[1])), 200);
    }
}
