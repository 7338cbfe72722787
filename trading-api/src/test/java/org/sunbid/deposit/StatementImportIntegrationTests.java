package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bid.BidManagement;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** Statement import against the real database: matching, idempotency, reconciliation, sealed payers, bad input. */
class StatementImportIntegrationTests extends DepositScenario {

    @Autowired
    BidManagement bids;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHandWrittenCamt053PaysTheDepositOpensTheGateAndCreditsNothingTwice() throws Exception {
        Lot l = publishedLot();
        JsonNode mine = deposit(l, l.first());
        String va1 = mine.get("virtualAccount").asText();
        assertThat(VirtualAccountNumber.isValid(va1)).isTrue();
        assertThat(mine.get("amount").decimalValue()).isEqualByComparingTo("200000.00");
        assertThat(mine.get("payFrom").asText()).isEqualTo(BASIC_ACCOUNT);
        assertThat(mine.get("dueBy").asText()).isNotBlank();
        assertThat(mine.get("secured").asBoolean()).isFalse();
        assertThat(bids.depositSecured(LotId.of(l.lot()), MemberId.of(l.first().member()))).isFalse();
        String va2 = deposit(l, l.second()).get("virtualAccount").asText();

        BigDecimal before = bankBalance(l.staff());
        BigDecimal lotBefore = call(as(l.staff(), get("/api/projects/{p}/lots/{l}/deposits", l.project(), l.lot())), 200)
                .get("totalHeld").decimalValue();
        String ref1 = StatementFixtures.ref();
        String ref2 = StatementFixtures.ref();
        String camt = StatementFixtures.camt("camt053-v08-receipts.xml", StatementFixtures.values("OPENING",
                before.toPlainString(), "CLOSING", before.add(new BigDecimal("400000.00")).toPlainString(), "AMOUNT1",
                "200000.00", "REF1", ref1, "PAYERNAME1", "测试BIDDER有限公司", "PAYER1", BASIC_ACCOUNT, "VA1", va1,
                "AMOUNT2", "200000.00", "REF2", ref2, "VA2", va2, "REF3", StatementFixtures.ref()));
        JsonNode report = importStatement(l.staff(), StatementFormat.CAMT053, camt, 200);
        assertThat(report.get("newEntries").asInt()).isEqualTo(2);
        assertThat(report.get("credited").asInt()).isEqualTo(1);
        assertThat(report.get("suspense").asInt()).as("second payer is not the bidder's basic account").isEqualTo(1);
        assertThat(report.get("reconciled").asBoolean()).isTrue();
        assertThat(report.toString()).doesNotContain(l.first().member().toString()).doesNotContain(va1);
        assertThat(bids.depositSecured(LotId.of(l.lot()), MemberId.of(l.first().member()))).isTrue();
        assertThat(bids.depositSecured(LotId.of(l.lot()), MemberId.of(l.second().member()))).isFalse();

        // the same statement again: every entry is a duplicate, nothing is credited twice, still reconciled
        JsonNode again = importStatement(l.staff(), StatementFormat.CAMT053, camt, 200);
        assertThat(again.get("newEntries").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("reconciled").asBoolean()).isTrue();
        assertThat(deposit(l, l.first()).get("held").decimalValue()).isEqualByComparingTo("200000.00");

        // sealed payers: before the opening staff see the lot's total, not who paid
        JsonNode lot = call(as(l.staff(), get("/api/projects/{p}/lots/{l}/deposits", l.project(), l.lot())), 200);
        assertThat(lot.get("opened").asBoolean()).isFalse();
        assertThat(lot.get("totalHeld").decimalValue()).isEqualByComparingTo(lotBefore.add(new BigDecimal("200000.00")));
        assertThat(lot.get("payers")).isEmpty();
        // a bidder cannot read the lot's deposits at all
        call(as(l.second().token(), get("/api/projects/{p}/lots/{l}/deposits", l.project(), l.lot())), 403);

        // staff accept the held credit after checking it (e.g. the bidder's own other account, documented)
        JsonNode suspense = call(as(l.staff(), get("/api/deposits/suspense")), 200);
        assertThat(suspense.toString()).contains(ref2).contains("SUSPENSE_PAYER_NOT_BASIC_ACCOUNT");
        call(as(l.staff(), post("/api/deposits/suspense/{ref}/match", ref2))
                .content(Api.json(Map.of("virtualAccount", va2, "note", "经核实为投标人一般户"))), 204);
        assertThat(bids.depositSecured(LotId.of(l.lot()), MemberId.of(l.second().member()))).isTrue();
        call(as(l.staff(), post("/api/deposits/suspense/{ref}/match", ref2))
                .content(Api.json(Map.of("virtualAccount", va2, "note", "again"))), 404);
        assertThat(deposit(l, l.second()).get("held").decimalValue()).isEqualByComparingTo("200000.00");
    }

    @Test
    void shortAndExcessPaymentsAreFlaggedWithTheDifferenceAndAnUnknownAccountGoesToSuspense() throws Exception {
        Lot l = publishedLot();
        String va = deposit(l, l.first()).get("virtualAccount").asText();
        String acct = StatementFixtures.COLLECTION_ACCOUNT;
        JsonNode first = importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(acct, null,
                csvLine(StatementFixtures.ref(), "CRDT", "150000.00", va, BASIC_ACCOUNT)), 200);
        assertThat(first.get("flaggedShort").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select difference from deposit_bank_entry where virtual_account = ?").param(va)
                .query(BigDecimal.class).single()).isEqualByComparingTo("50000.00");
        JsonNode mine = deposit(l, l.first());
        assertThat(mine.get("held").decimalValue()).isEqualByComparingTo("150000.00");
        assertThat(mine.get("secured").asBoolean()).isFalse();

        String unknownRef = StatementFixtures.ref();
        JsonNode second = importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(acct, null,
                csvLine(StatementFixtures.ref(), "CRDT", "60000.00", va, BASIC_ACCOUNT),
                csvLine(unknownRef, "CRDT", "88.00", "95588012345678901299", "6222000011112222")), 200);
        assertThat(second.get("flaggedExcess").asInt()).isEqualTo(1);
        assertThat(second.get("suspense").asInt()).isEqualTo(1);
        assertThat(deposit(l, l.first()).get("secured").asBoolean()).isTrue();
        // staff return the unknown credit with a reason; it leaves the queue and the ledger stays balanced
        call(as(l.staff(), post("/api/deposits/suspense/{ref}/return", unknownRef)).content(Api.json(Map.of("reason", ""))), 400);
        call(as(l.staff(), post("/api/deposits/suspense/{ref}/return", unknownRef))
                .content(Api.json(Map.of("reason", "无对应虚拟子账号，原路退回"))), 204);
        assertThat(call(as(l.staff(), get("/api/deposits/suspense")), 200).toString()).doesNotContain(unknownRef);
        assertThat(call(as(l.staff(), get("/api/deposits/ledger")), 200).get("trialBalance").decimalValue()).isZero();
    }

    @Test
    void creditsToOneDepositInOneStatementAreFlaggedInStatementOrderAndARepeatedReferenceCountsOnce() throws Exception {
        Lot l = publishedLot();
        String va = deposit(l, l.first()).get("virtualAccount").asText();
        String a = StatementFixtures.ref();
        String b = StatementFixtures.ref();
        String c = StatementFixtures.ref();
        JsonNode report = importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(
                StatementFixtures.COLLECTION_ACCOUNT, null,
                csvLine(a, "CRDT", "50000.00", va, BASIC_ACCOUNT),
                csvLine(a, "CRDT", "50000.00", va, BASIC_ACCOUNT),
                csvLine(b, "CRDT", "150000.00", va, "0200-0015-0902-0123-456"),
                csvLine(c, "CRDT", "1.00", va, BASIC_ACCOUNT)), 200);
        assertThat(report.get("entries").asInt()).isEqualTo(4);
        assertThat(report.get("newEntries").asInt()).isEqualTo(3);
        assertThat(report.get("duplicates").asInt()).isEqualTo(1);
        assertThat(report.get("credited").asInt()).isEqualTo(3);
        assertThat(report.get("flaggedShort").asInt()).isEqualTo(1);
        assertThat(report.get("flaggedExcess").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select outcome || ' ' || coalesce(difference::text, '-') from deposit_bank_entry where bank_ref in (?, ?, ?) order by booked_on, amount desc")
                .params(a, b, c).query(String.class).list())
                .containsExactlyInAnyOrder("CREDITED_SHORT 150000.00", "CREDITED -", "CREDITED_EXCESS 1.00");
        assertThat(deposit(l, l.first()).get("held").decimalValue()).isEqualByComparingTo("200001.00");

        // the same reference with another amount, in a later statement or twice in one, refuses it whole
        BigDecimal bank = bankBalance(l.staff());
        importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(StatementFixtures.COLLECTION_ACCOUNT, null,
                csvLine(StatementFixtures.ref(), "CRDT", "7.00", va, BASIC_ACCOUNT),
                csvLine(b, "CRDT", "150001.00", va, BASIC_ACCOUNT)), 409);
        String d = StatementFixtures.ref();
        importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(StatementFixtures.COLLECTION_ACCOUNT, null,
                csvLine(d, "CRDT", "7.00", va, BASIC_ACCOUNT), csvLine(d, "CRDT", "8.00", va, BASIC_ACCOUNT)), 409);
        assertThat(bankBalance(l.staff())).isEqualByComparingTo(bank);
        assertThat(deposit(l, l.first()).get("held").decimalValue()).isEqualByComparingTo("200001.00");
        assertThat(call(as(l.staff(), get("/api/deposits/ledger")), 200).get("drift")).isEmpty();
    }

    @Test
    void badStatementsAreRefusedWholeWithAProblemAndCreditNothing() throws Exception {
        Lot l = publishedLot();
        String va = deposit(l, l.first()).get("virtualAccount").asText();
        String acct = StatementFixtures.COLLECTION_ACCOUNT;
        String good = csvLine(StatementFixtures.ref(), "CRDT", "200000.00", va, BASIC_ACCOUNT);
        // a good entry followed by a negative amount: the whole import rolls back
        JsonNode negative = importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(acct, null, good,
                csvLine(StatementFixtures.ref(), "CRDT", "-1.00", va, BASIC_ACCOUNT)), 400);
        assertThat(negative.get("type").asText()).endsWith("/validation");
        assertThat(negative.get("field").asText()).isEqualTo("statement.amount");
        assertThat(deposit(l, l.first()).get("held").decimalValue()).isZero();
        // another account's statement, another currency
        assertThat(importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv("6222000000000000001", null, good),
                422).get("type").asText()).endsWith("/wrong-account");
        assertThat(importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(acct, null,
                good.replace(",CNY,", ",USD,")), 422).get("type").asText()).endsWith("/wrong-currency");
        // XML with an external entity, malformed XML
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&x;</Document>";
        JsonNode refused = importStatement(l.staff(), StatementFormat.CAMT053, xxe, 400);
        assertThat(refused.get("field").asText()).isEqualTo("statement");
        assertThat(refused.toString()).doesNotContain("root:");
        importStatement(l.staff(), StatementFormat.CAMT053, "<Document", 400);
        assertThat(deposit(l, l.first()).get("held").decimalValue()).isZero();
        // a bidder may not import statements
        importStatement(l.first().token(), StatementFormat.CSV, StatementFixtures.csv(acct, null, good), 403);

        // the good entry alone imports; the same bank reference with another amount refuses the whole statement
        importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(acct, null, good), 200);
        String other = StatementFixtures.ref();
        JsonNode reused = importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(acct, null,
                csvLine(other, "CRDT", "1.00", va, BASIC_ACCOUNT), good.replace("200000.00", "1.00")), 409);
        assertThat(reused.get("type").asText()).endsWith("/bank-reference-reused");
        assertThat(jdbc.sql("select count(*) from deposit_bank_entry where bank_ref = ?").param(other)
                .query(Long.class).single()).isZero();
        assertThat(deposit(l, l.first()).get("held").decimalValue()).isEqualByComparingTo("200000.00");
    }

    @Test
    void theJournalIsAppendOnlyAndBalancesAreRebuiltFromIt() throws Exception {
        Lot l = publishedLot();
        String va = deposit(l, l.first()).get("virtualAccount").asText();
        importStatement(l.staff(), StatementFormat.CSV, StatementFixtures.csv(StatementFixtures.COLLECTION_ACCOUNT, null,
                csvLine(StatementFixtures.ref(), "CRDT", "200000.00", va, BASIC_ACCOUNT)), 200);
        for (String sql : new String[] { "update deposit_line set amount = amount * 2",
                "delete from deposit_line", "truncate deposit_line", "update deposit_txn set kind = 'X'",
                "delete from deposit_txn" }) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause().hasMessageContaining("append-only");
        }
        JsonNode check = call(as(l.regulator(), get("/api/deposits/ledger")), 200);
        assertThat(check.get("trialBalance").decimalValue()).isZero();
        assertThat(check.get("drift")).isEmpty();
        // an insider edits the projection: the check names the drift, a rebuild from the journal repairs it
        String held = "DEPOSITS_HELD:" + l.lot() + ":" + l.first().member();
        jdbc.sql("update deposit_balance set balance = balance - 1000 where account = ?").param(held).update();
        assertThat(call(as(l.regulator(), get("/api/deposits/ledger")), 200).get("drift").get(held).decimalValue())
                .isEqualByComparingTo("1000");
        DepositManagement.LedgerCheck rebuilt = deposits.rebuildBalances();
        assertThat(rebuilt.drift()).isEmpty();
        assertThat(rebuilt.trialBalance()).isZero();
        assertThat(deposit(l, l.first()).get("held").decimalValue()).isEqualByComparingTo("200000.00");
    }

    @Autowired
    DepositManagement deposits;
    @Autowired
    org.sunbid.deposit.internal.StatementPickUp pickUp;
    @Autowired
    org.sunbid.platform.PlatformProperties platform;

    @Test
    void statementsDroppedInTheBankFolderAreImportedAndBadOnesSetAsideWithTheReason() throws Exception {
        Lot l = publishedLot();
        String va = deposit(l, l.first()).get("virtualAccount").asText();
        java.nio.file.Path inbox = java.nio.file.Files.createDirectories(platform.dataDir().resolve("bank/inbox"));
        String name = "stmt-" + UUID.randomUUID();
        java.nio.file.Files.writeString(inbox.resolve(name + ".csv"), StatementFixtures.csv(
                StatementFixtures.COLLECTION_ACCOUNT, null, csvLine(StatementFixtures.ref(), "CRDT", "200000.00", va,
                        BASIC_ACCOUNT)));
        java.nio.file.Files.writeString(inbox.resolve(name + ".xml"), "<Document xmlns=\"urn:iso:std:iso:20022:tech:"
                + "xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Acct><Id><Othr><Id>6222</Id></Othr></Id></Acct>"
                + "<Ntry/></Stmt></BkToCstmrStmt></Document>");
        pickUp.pickUp();
        assertThat(inbox.resolve("done/" + name + ".csv")).exists();
        assertThat(inbox.resolve("rejected/" + name + ".xml")).exists();
        assertThat(inbox.resolve("rejected/" + name + ".xml.reason.txt")).content().contains("wrong-account");
        assertThat(bids.depositSecured(LotId.of(l.lot()), MemberId.of(l.first().member()))).isTrue();
    }

    @Autowired
    org.sunbid.deposit.internal.Statements statementStore;
    @Autowired
    org.sunbid.deposit.internal.StatementStage stage;
    @Autowired
    org.sunbid.deposit.internal.BulkMatching bulk;
    @Autowired
    org.sunbid.deposit.internal.DepositAccounts depositAccounts;
    @Autowired
    org.sunbid.deposit.internal.Refunds refundStore;
    @Autowired
    org.sunbid.deposit.internal.Journal journal;
    @Autowired
    org.sunbid.deposit.internal.DepositProperties properties;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void anEndlessStatementIsCutOffAtTheSizeLimitWhileStreamingAndLeavesNothing() {
        var small = new org.sunbid.deposit.internal.DepositProperties(properties.accountPrefix(),
                properties.collectionAccount(), properties.accountName(), properties.bankName(), properties.bankBic(),
                1 << 20, properties.inbox(), properties.outbox(), properties.refundDays());
        StatementImports limited = new StatementImports(statementStore, stage, bulk, depositAccounts, refundStore, journal, members,
                small, e -> { }, java.time.Clock.systemUTC());
        String ref = "ENDLESS-" + UUID.randomUUID();
        byte[] head = ("# statement=" + ref + "\n" + StatementFixtures.csv(StatementFixtures.COLLECTION_ACCOUNT, null)
                .replaceFirst("# statement=[^\\n]*\\n", "")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.InputStream endless = new java.io.InputStream() {
            long n;

            @Override
            public int read() {
                return n < head.length ? head[(int) n++] : '\n';
            }
        };
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> limited.importStatement(StatementFormat.CSV, endless, null)))
                .isInstanceOfSatisfying(org.sunbid.platform.ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(413);
                    assertThat(e.type()).isEqualTo("statement-too-large");
                });
        assertThat(jdbc.sql("select count(*) from deposit_statement where statement_ref = ?").param(ref)
                .query(Long.class).single()).isZero();
    }
}
