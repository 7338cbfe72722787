package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.deposit.internal.BankEntry;
import org.sunbid.deposit.internal.Camt053Reader;
import org.sunbid.deposit.internal.CsvStatementReader;
import org.sunbid.deposit.internal.StatementHeader;
import org.sunbid.deposit.internal.StatementSink;
import org.sunbid.platform.ProblemException;

/** The streaming readers, on hand-written camt.053 files of both versions and on hostile input. */
class Camt053ReaderTests {

    static final class Collect implements StatementSink {
        StatementHeader header;
        final List<BankEntry> entries = new ArrayList<>();

        @Override
        public void header(StatementHeader h) {
            header = h;
        }

        @Override
        public void entry(BankEntry e) {
            entries.add(e);
        }
    }

    static Collect read(String xml) {
        Collect c = new Collect();
        Camt053Reader.read(StatementFixtures.stream(xml), c);
        return c;
    }

    static String problem(String xml) {
        try {
            read(xml);
        } catch (ProblemException e) {
            return e.type() + ":" + e.messageKey() + ":" + e.status().value();
        }
        throw new AssertionError("accepted: " + xml);
    }

    @Test
    void readsAHandWrittenVersion08StatementSkippingPendingEntries() {
        Collect c = read(StatementFixtures.camt("camt053-v08-receipts.xml", StatementFixtures.values("STMT", "S-1", "OPENING", "10.00",
                "CLOSING", "300010.00", "AMOUNT1", "200000.00", "REF1", "R1", "PAYERNAME1", "甲建设有限公司",
                "PAYER1", "0200001509020123456", "VA1", "95588000000000000001", "AMOUNT2", "100000.00", "REF2", "R2",
                "VA2", "95588000000000000002", "REF3", "R3")));
        assertThat(c.header.account()).isEqualTo(StatementFixtures.COLLECTION_ACCOUNT);
        assertThat(c.header.currency()).isEqualTo("CNY");
        assertThat(c.header.openingBalance()).isEqualByComparingTo("10.00");
        assertThat(c.header.closingBalance()).isEqualByComparingTo("300010.00");
        assertThat(c.entries).hasSize(2);
        BankEntry first = c.entries.get(0);
        assertThat(first.bankRef()).isEqualTo("R1");
        assertThat(first.direction()).isEqualTo(BankEntry.Direction.CRDT);
        assertThat(first.amount()).isEqualTo(Money.of("200000.00"));
        assertThat(first.virtualAccount()).isEqualTo("95588000000000000001");
        assertThat(first.payerAccount()).isEqualTo("0200001509020123456");
        assertThat(first.payerName()).isEqualTo("甲建设有限公司");
        assertThat(first.endToEndId()).isNull();
        assertThat(first.bookedOn()).hasToString("2026-12-03");
        assertThat(c.entries.get(1).payerAccount()).isEqualTo("6222020000000000999");
    }

    @Test
    void readsAHandWrittenVersion02StatementWithAReturn() {
        Collect c = read(StatementFixtures.camt("camt053-v02-receipt.xml", StatementFixtures.values("CLOSING", "5.00", "AMOUNT1", "123.45",
                "REF1", "R9", "PAYERNAME1", "乙公司", "PAYER1", "6222 0200 0000 0001", "VA1", "95588000000000000001",
                "E2E1", "SBR123", "RTRINF", "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>")));
        assertThat(c.header.closingBalance()).isEqualByComparingTo("5.00");
        assertThat(c.entries).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Money.of("123.45"));
            assertThat(e.endToEndId()).isEqualTo("SBR123");
            assertThat(e.returnReason()).isEqualTo("AC04");
            assertThat(e.isReturn()).isTrue();
            assertThat(e.payerName()).isEqualTo("乙公司");
        });
    }

    static final String HEAD = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt>"
            + "<Id>S</Id><Acct><Id><Othr><Id>31050161360009001888</Id></Othr></Id><Ccy>CNY</Ccy></Acct>";
    static final String TAIL = "</Stmt></BkToCstmrStmt></Document>";

    static String entry(String amount, String ccy) {
        return "<Ntry><Amt Ccy=\"" + ccy + "\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<AcctSvcrRef>X" + amount + "</AcctSvcrRef></Ntry>";
    }

    @Test
    void refusesExternalEntitiesAndEntityExpansionBeforeReadingAnyEntry() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + HEAD
                + "<Ntry><Amt Ccy=\"CNY\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AcctSvcrRef>&x;</AcctSvcrRef></Ntry>" + TAIL;
        assertThat(problem(xxe)).startsWith("validation:deposit.statement.dtd:400");
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append("<!ENTITY ").append(c).append(" \"").append(("&" + p + ";").repeat(10)).append("\">");
        }
        bomb.append("]>").append(HEAD).append("<Ntry><AcctSvcrRef>&j;</AcctSvcrRef></Ntry>").append(TAIL);
        assertThat(problem(bomb.toString())).startsWith("validation:deposit.statement.dtd:400");
    }

    @Test
    void refusesMalformedXmlOtherMessagesWrongCurrencyAndNegativeAmounts() {
        assertThat(problem(HEAD + entry("1.00", "CNY"))).startsWith("validation:deposit.statement.malformed:400");
        assertThat(problem("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>"))
                .startsWith("validation:deposit.statement.not-camt053:400");
        assertThat(problem(HEAD + entry("1.00", "USD") + TAIL)).startsWith("wrong-currency:deposit.statement.wrong-currency:422");
        assertThat(problem(HEAD + entry("-5.00", "CNY") + TAIL)).startsWith("validation:deposit.statement.negative-amount:400");
        assertThat(problem(HEAD + entry("1.001", "CNY") + TAIL)).startsWith("validation:deposit.statement.amount:400");
        assertThat(problem(HEAD + "<Ntry>" + "<X>".repeat(50) + TAIL)).startsWith("validation:deposit.statement.too-deep:400");
        assertThat(problem(HEAD + "<Ntry><AcctSvcrRef>" + "9".repeat(5000) + TAIL))
                .startsWith("validation:deposit.statement.text-too-long:400");
    }

    @Test
    void csvLayoutReadsQuotedNamesAndRefusesNegativeAmounts() {
        Collect c = new Collect();
        CsvStatementReader.read(StatementFixtures.stream(StatementFixtures.csv(StatementFixtures.COLLECTION_ACCOUNT,
                "100.00", "R1,2026-12-03,CRDT,100.00,CNY,95588000000000000001,0200001509020123456,\"甲,乙 \"\"联合体\"\"\",,,false")),
                c);
        assertThat(c.header.closingBalance()).isEqualByComparingTo("100.00");
        assertThat(c.entries).singleElement().satisfies(e -> assertThat(e.payerName()).isEqualTo("甲,乙 \"联合体\""));
        assertThatThrownBy(() -> CsvStatementReader.read(StatementFixtures.stream(StatementFixtures.csv(
                StatementFixtures.COLLECTION_ACCOUNT, null, "R1,2026-12-03,CRDT,-1.00,CNY,,,,,,false")), new Collect()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("deposit.statement.negative-amount"));
    }
}
