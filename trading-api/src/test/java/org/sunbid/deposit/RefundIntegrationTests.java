package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Refunds and forfeits against the real database: the refund port, maker–checker batches written as pain.001
 * (001.001.03 and 001.001.09) and validated against the ISO 20022 schemas, settlement and return through later
 * statements, late-refund alerts.
 */
class RefundIntegrationTests extends DepositScenario {

    @Autowired
    RefundManagement refunds;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String pay(Lot l, Bidder b, LocalDate booked) throws Exception {
        String va = deposit(l, b).get("virtualAccount").asText();
        importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(StatementFixtures.COLLECTION_ACCOUNT, null,
                csvLine(StatementFixtures.ref(), booked, "CRDT", "200000.00", va, BASIC_ACCOUNT)), 200);
        return va;
    }

    @Test
    void aFailedTenderRefundsWithInterestThroughMakerCheckerAndTheBankStatementSettlesOrReopensIt() throws Exception {
        Lot l = publishedLot();
        LocalDate today = LocalDate.now(PlatformZone.ZONE);
        pay(l, l.first(), today.minusDays(30));
        // the refund port (the award feature or a failed lot calls it); idempotent per deposit
        assertThat(refunds.refundsDue(LotId.of(l.lot()), RefundReason.TENDER_FAILED, Instant.now(), Set.of())).hasSize(1);
        assertThat(refunds.refundsDue(LotId.of(l.lot()), RefundReason.TENDER_FAILED, Instant.now(), Set.of())).isEmpty();
        JsonNode refund = deposit(l, l.first()).get("refunds").get(0);
        // 200 000.00 × 0.05 % ÷ 360 × 30 days = 8.333… → 8.33 (dated rate table, ACT/360, half-up once)
        assertThat(refund.get("interest").decimalValue()).isEqualByComparingTo("8.33");
        assertThat(refund.get("total").decimalValue()).isEqualByComparingTo("200008.33");
        assertThat(refund.get("payeeAccount").asText()).isEqualTo(BASIC_ACCOUNT);

        // the two versions validated against their ISO schemas are produced; anything else is refused, naming the field
        assertThat(call(as(l.staff(), post("/api/deposits/refund-batches"))
                .content(Api.json(Map.of("painVersion", "pain.001.001.02"))), 400).get("field").asText())
                .isEqualTo("painVersion");
        JsonNode batch = call(as(l.staff(), post("/api/deposits/refund-batches"))
                .content(Api.json(Map.of("painVersion", "pain.001.001.03"))), 201);
        assertThat(batch.get("painVersion").asText()).isEqualTo("pain.001.001.03");
        String batchId = batch.get("id").asText();
        JsonNode own = call(as(l.staff(), post("/api/deposits/refund-batches/{id}/approval", batchId)), 422);
        assertThat(own.get("type").asText()).endsWith("/four-eyes");
        assertThat(deposit(l, l.first()).get("state").asText()).isEqualTo("OPEN");
        JsonNode approved = call(as(l.checker(), post("/api/deposits/refund-batches/{id}/approval", batchId)), 200);
        assertThat(approved.get("state").asText()).isEqualTo("APPROVED");
        call(as(l.checker(), post("/api/deposits/refund-batches/{id}/approval", batchId)), 409);
        JsonNode mine = deposit(l, l.first());
        assertThat(mine.get("state").asText()).isEqualTo("REFUNDING");
        assertThat(mine.get("held").decimalValue()).isZero();

        // the pain.001.001.03 in the bank folder pays the basic account
        byte[] pain = mvc.perform(get("/api/deposits/refund-batches/{id}/pain001", batchId)
                .header("Authorization", Api.bearer(l.staff()))).andReturn().getResponse().getContentAsByteArray();
        String xml = new String(pain, java.nio.charset.StandardCharsets.UTF_8);
        String e2e = refund.get("endToEndId").asText();
        assertThat(xml).contains(e2e).contains("200008.33").contains(BASIC_ACCOUNT);

        // the bank's next statement shows the refund leaving: settled, the deposit is refunded
        BigDecimal before = bankBalance(l.staff());
        JsonNode paid = importStatement(l.staff(), StatementFormat.CAMT053, StatementFixtures.camt("camt053-v02-receipt.xml",
                StatementFixtures.values("CLOSING", before.subtract(new BigDecimal("200008.33")).toPlainString(),
                        "AMOUNT1", "200008.33", "DIR1", "DBIT", "REF1", StatementFixtures.ref(), "PAYERNAME1", "中心",
                        "PAYER1", StatementFixtures.COLLECTION_ACCOUNT, "VA1", BASIC_ACCOUNT, "E2E1", e2e)), 200);
        assertThat(paid.get("refundsPaid").asInt()).isEqualTo(1);
        assertThat(paid.get("reconciled").asBoolean()).isTrue();
        assertThat(deposit(l, l.first()).get("state").asText()).isEqualTo("REFUNDED");

        // the payee bank returns it (closed account): the refund reopens and goes out again to the registered account
        importStatement(l.staff(), StatementFormat.CAMT053, StatementFixtures.camt("camt053-v02-receipt.xml",
                StatementFixtures.values("AMOUNT1", "200008.33", "REF1", StatementFixtures.ref(), "PAYERNAME1", "银行",
                        "PAYER1", BASIC_ACCOUNT, "VA1", StatementFixtures.COLLECTION_ACCOUNT, "E2E1", e2e,
                        "RTRINF", "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>")), 200);
        JsonNode reopened = deposit(l, l.first());
        assertThat(reopened.get("state").asText()).isEqualTo("REFUNDING");
        assertThat(reopened.get("refunds").get(0).get("state").asText()).isEqualTo("RETURNED");
        assertThat(reopened.get("refunds").get(0).get("returnReason").asText()).isEqualTo("AC04");
        JsonNode again = call(as(l.staff(), post("/api/deposits/refunds/{id}/reissue", refund.get("id").asText())), 200);
        assertThat(again.get("state").asText()).isEqualTo("PROPOSED");
        assertThat(again.get("endToEndId").asText()).isNotEqualTo(e2e);

        // the reissued refund goes out in the current version (the default when none is named)
        JsonNode second = call(as(l.staff(), post("/api/deposits/refund-batches")).content("{}"), 201);
        assertThat(second.get("painVersion").asText()).isEqualTo("pain.001.001.09");
        call(as(l.checker(), post("/api/deposits/refund-batches/{id}/approval", second.get("id").asText())), 200);
        byte[] pain09 = mvc.perform(get("/api/deposits/refund-batches/{id}/pain001", second.get("id").asText())
                .header("Authorization", Api.bearer(l.staff()))).andReturn().getResponse().getContentAsByteArray();
        Pain001SchemaTests.validate("pain.001.001.09", pain09);
        assertThat(new String(pain09, java.nio.charset.StandardCharsets.UTF_8))
                .contains(again.get("endToEndId").asText()).doesNotContain(e2e);
        assertThat(call(as(l.staff(), get("/api/deposits/ledger")), 200).get("trialBalance").decimalValue()).isZero();
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    org.sunbid.deposit.internal.RefundTriggerWorker refundTriggers;

    /** The event published in a committed transaction, and the refund triggers it wrote worked off. */
    void publishCommitted(Object event) {
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(tx -> publisher.publishEvent(event));
        refundTriggers.drain();
    }

    @Test
    void theAwardNoticeRefundsEveryBidderButTheWinnerAndTheSignedContractRefundsTheWinner() throws Exception {
        Lot l = publishedLot();
        LocalDate today = LocalDate.now(PlatformZone.ZONE);
        pay(l, l.first(), today.minusDays(10));
        pay(l, l.second(), today.minusDays(10));
        Instant now = Instant.now();
        publishCommitted(new org.sunbid.award.AwardEvents.AwardNoticePublished(l.project(), l.lot(), l.first().member(),
                java.util.List.of(l.second().member()), now));
        assertThat(deposit(l, l.second()).get("refunds")).as("the loser's refund follows the award notice").hasSize(1);
        assertThat(deposit(l, l.first()).get("refunds")).as("the winner keeps its deposit until the contract").isEmpty();
        // a repeated notice proposes nothing twice
        publishCommitted(new org.sunbid.award.AwardEvents.AwardNoticePublished(l.project(), l.lot(), l.first().member(),
                java.util.List.of(l.second().member()), now));
        assertThat(deposit(l, l.second()).get("refunds")).hasSize(1);

        publishCommitted(new org.sunbid.award.AwardEvents.ContractSigned(l.project(), l.lot(), l.first().member(),
                "00".repeat(32), false, now.plusSeconds(60)));
        JsonNode winner = deposit(l, l.first()).get("refunds");
        assertThat(winner).as("the winner's refund follows the signed contract").hasSize(1);
        assertThat(winner.get(0).get("total").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("200000.00"));
        assertThat(call(as(l.staff(), get("/api/deposits/ledger")), 200).get("trialBalance").decimalValue()).isZero();
    }

    @Autowired
    org.sunbid.alert.DepositPayers depositPayers;

    @Test
    void theCollusionAlertsLearnWhoPaidFromWhichAccountOnlyFromTheOpeningOn() throws Exception {
        Lot l = publishedLot();
        LocalDate today = LocalDate.now(PlatformZone.ZONE);
        pay(l, l.first(), today.minusDays(2));
        pay(l, l.second(), today.minusDays(2));
        assertThat(depositPayers.payerAccounts(org.sunbid.platform.id.LotId.of(l.lot()))).as("payers are sealed before the opening").isEmpty();
        clock.advance(Duration.ofDays(60));
        assertThat(depositPayers.payerAccounts(org.sunbid.platform.id.LotId.of(l.lot())))
                .containsEntry(org.sunbid.platform.id.MemberId.of(l.first().member()), Set.of(BASIC_ACCOUNT))
                .containsEntry(org.sunbid.platform.id.MemberId.of(l.second().member()), Set.of(BASIC_ACCOUNT));
    }

    @Test
    void aForfeitIsProposedByStaffAndDecidedOnlyByARegulator() throws Exception {
        Lot l = publishedLot();
        pay(l, l.second(), LocalDate.now(PlatformZone.ZONE));
        // bad proposals are refused at the edge, naming the field, and leave nothing
        long before = jdbc.sql("select count(*) from deposit_forfeit").query(Long.class).single();
        assertThat(call(as(l.staff(), post("/api/deposits/forfeits")).content(Api.json(Map.of("lotId", l.lot(),
                "reason", "拒签合同"))), 400).get("field").asText()).isEqualTo("memberId");
        assertThat(call(as(l.staff(), post("/api/deposits/forfeits")).content(Api.json(Map.of("lotId", l.lot(),
                "memberId", l.second().member(), "reason", "  "))), 400).get("field").asText()).isEqualTo("reason");
        assertThat(call(as(l.staff(), post("/api/deposits/forfeits")).content(Api.json(Map.of("lotId", l.lot(),
                "memberId", l.second().member(), "reason", "理".repeat(401)))), 400).get("field").asText())
                .isEqualTo("reason");
        call(as(l.second().token(), post("/api/deposits/forfeits")).content(Api.json(Map.of("lotId", l.lot(),
                "memberId", l.first().member(), "reason", "a rival's deposit"))), 403);
        assertThat(jdbc.sql("select count(*) from deposit_forfeit").query(Long.class).single()).isEqualTo(before);
        String id = call(as(l.staff(), post("/api/deposits/forfeits")).content(Api.json(Map.of("lotId", l.lot(),
                "memberId", l.second().member(), "reason", "中标后无正当理由拒不签订合同"))), 201).get("id").asText();
        assertThat(deposit(l, l.second()).get("state").asText()).as("never automatic").isEqualTo("OPEN");
        call(as(l.staff(), post("/api/deposits/forfeits/{id}/decision", id)).content(Api.json(Map.of("approve", true))), 403);
        // while a forfeit is pending no refund is proposed for the deposit
        assertThat(refunds.refundDue(LotId.of(l.lot()), MemberId.of(l.second().member()), RefundReason.NOT_AWARDED,
                Instant.now())).isEmpty();
        call(as(l.regulator(), post("/api/deposits/forfeits/{id}/decision", id)).content(Api.json(Map.of("approve", true))), 204);
        call(as(l.regulator(), post("/api/deposits/forfeits/{id}/decision", id)).content(Api.json(Map.of("approve", true))), 409);
        JsonNode mine = deposit(l, l.second());
        assertThat(mine.get("state").asText()).isEqualTo("FORFEITED");
        assertThat(mine.get("held").decimalValue()).isZero();
        assertThat(refunds.refundDue(LotId.of(l.lot()), MemberId.of(l.second().member()), RefundReason.NOT_AWARDED,
                Instant.now())).isEmpty();
    }

    @Test
    void aRefundStillUnpaidAtItsDueTimeRaisesAnAlertOnce() throws Exception {
        Lot l = publishedLot();
        pay(l, l.first(), LocalDate.now(PlatformZone.ZONE));
        RefundId refund = refunds.refundDue(LotId.of(l.lot()), MemberId.of(l.first().member()),
                RefundReason.WITHDRAWN_BEFORE_DEADLINE, Instant.now()).orElseThrow();
        JsonNode proposed = deposit(l, l.first()).get("refunds").get(0);
        assertThat(proposed.get("interest").decimalValue()).as("withdrawal: principal only").isZero();
        Instant due = Instant.parse(proposed.get("dueBy").asText());
        assertThat(Duration.between(Instant.now(), due)).isBetween(Duration.ofDays(5), Duration.ofDays(6));
        assertThat(refunds.alertIfLate(refund)).as("not late yet").isFalse();
        assertThat(call(as(l.regulator(), get("/api/deposits/refunds/late")), 200).toString())
                .doesNotContain(refund.toString());
        clock.advance(Duration.ofDays(7));
        assertThat(refunds.alertIfLate(refund)).isTrue();
        // the regulator's late-refund list names it, with the payee's name
        JsonNode late = call(as(l.regulator(), get("/api/deposits/refunds/late")), 200);
        assertThat(late.toString()).contains(refund.toString());
        assertThat(late.toString()).contains(members.find(MemberId.of(l.first().member())).orElseThrow().company().name());
    }

    @Test
    void biddingAgainBeforeTheDeadlineCancelsTheWithdrawalRefund() throws Exception {
        Lot l = publishedLot();
        pay(l, l.second(), LocalDate.now(PlatformZone.ZONE));
        RefundId refund = refunds.refundDue(LotId.of(l.lot()), MemberId.of(l.second().member()),
                RefundReason.WITHDRAWN_BEFORE_DEADLINE, Instant.now()).orElseThrow();
        assertThat(refunds.bidAgain(LotId.of(l.lot()), MemberId.of(l.second().member()))).isTrue();
        JsonNode mine = deposit(l, l.second());
        assertThat(mine.get("refunds").get(0).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(mine.get("secured").asBoolean()).isTrue();
        clock.advance(Duration.ofDays(7));
        assertThat(refunds.alertIfLate(refund)).isFalse();
    }
}
