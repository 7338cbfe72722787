package org.sunbid.deposit.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.sunbid.deposit.Money;
import org.sunbid.platform.ProblemException;

/**
 * Streams an ISO 20022 camt.053 (BankToCustomerStatement, versions 001.02 to 001.08) with StAX: no DTD, no external
 * entities, bounded nesting and text, one entry in memory at a time. Only booked entries (Sts BOOK) are passed on.
 */
public final class Camt053Reader {

    static final Set<String> NAMESPACES = Set.of("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");
    private static final int MAX_DEPTH = 40;
    private static final int MAX_TEXT = 4_000;

    private Camt053Reader() {
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    private static final XMLInputFactory FACTORY = secureFactory();

    /** Reads {@code in} into {@code sink}; a document that is not a well-formed camt.053 is a 400 problem. */
    public static void read(InputStream in, StatementSink sink) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            new Parse(r, sink).run();
        } catch (XMLStreamException e) {
            throw ProblemException.invalid("statement", "deposit.statement.malformed",
                    e.getLocation() == null ? -1 : e.getLocation().getLineNumber());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the stream is abandoned either way
                }
            }
        }
    }

    private static final class Parse {
        private final XMLStreamReader r;
        private final StatementSink sink;
        private final String[] path = new String[MAX_DEPTH + 1]; // open elements, root first
        private int depth;
        private boolean leaf; // no child element since the innermost open element started
        private final StringBuilder text = new StringBuilder();
        private int statements;
        private boolean headerSent;
        // statement header
        private String stmtId;
        private String account;
        private String accountCcy;
        private BigDecimal opening;
        private BigDecimal closing;
        // current balance
        private String balCode;
        private BigDecimal balAmt;
        private String balInd;
        // current entry
        private Entry entry;

        Parse(XMLStreamReader r, StatementSink sink) {
            this.r = r;
            this.sink = sink;
        }

        void run() throws XMLStreamException {
            boolean rootSeen = false;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw ProblemException.invalid("statement", "deposit.statement.dtd");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (!rootSeen) {
                            rootSeen = true;
                            if (!"Document".equals(r.getLocalName()) || !NAMESPACES.contains(r.getNamespaceURI())) {
                                throw ProblemException.invalid("statement", "deposit.statement.not-camt053",
                                        String.valueOf(r.getNamespaceURI()));
                            }
                        }
                        String name = r.getLocalName();
                        if (depth == MAX_DEPTH) {
                            throw ProblemException.invalid("statement", "deposit.statement.too-deep");
                        }
                        path[depth++] = name;
                        leaf = true;
                        text.setLength(0);
                        start(name);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (text.length() + r.getTextLength() > MAX_TEXT) {
                            throw ProblemException.invalid("statement", "deposit.statement.text-too-long");
                        }
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        // only a leaf carries a value; an element with children gets none (no string built)
                        end(path[depth - 1], leaf ? text.toString().strip() : "");
                        text.setLength(0);
                        leaf = false;
                        path[--depth] = null;
                    }
                    default -> {
                    }
                }
            }
            if (statements == 0) {
                throw ProblemException.invalid("statement", "deposit.statement.no-statement");
            }
        }

        private boolean under(String... ancestors) {
            // path[depth - 1] is the current element; ancestors listed nearest first
            if (ancestors.length >= depth) {
                return false;
            }
            for (int i = 0; i < ancestors.length; i++) {
                if (!path[depth - 2 - i].equals(ancestors[i])) {
                    return false;
                }
            }
            return true;
        }

        private boolean inside(String name) {
            for (int i = 0; i < depth; i++) {
                if (path[i].equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private void start(String name) {
            switch (name) {
                case "Stmt" -> {
                    if (++statements > 1) {
                        throw ProblemException.invalid("statement", "deposit.statement.one-statement");
                    }
                }
                case "Ntry" -> {
                    sendHeader();
                    entry = new Entry();
                    entry.ccy = r.getAttributeValue(null, "Ccy");
                }
                case "Bal" -> {
                    balCode = null;
                    balAmt = null;
                    balInd = null;
                }
                case "Amt" -> {
                    String ccy = r.getAttributeValue(null, "Ccy");
                    if (entry != null && under("Ntry")) {
                        entry.ccy = ccy;
                    } else if (under("Bal")) {
                        balCcy(ccy);
                    }
                }
                default -> {
                }
            }
        }

        private void balCcy(String ccy) {
            if (accountCcy != null && ccy != null && !accountCcy.equals(ccy)) {
                throw ProblemException.rule("wrong-currency", "statement.Bal.Amt", "deposit.statement.wrong-currency", ccy);
            }
            if (accountCcy == null) {
                accountCcy = ccy;
            }
        }

        private void end(String name, String value) {
            if (entry != null) {
                endEntry(name, value);
                return;
            }
            if (!inside("Stmt")) {
                return;
            }
            if (under("Stmt") && name.equals("Id")) {
                stmtId = value;
            } else if (inside("Acct") && !inside("Bal") && (name.equals("IBAN") || (name.equals("Id") && under("Othr", "Id", "Acct")))) {
                account = value;
            } else if (name.equals("Ccy") && under("Acct", "Stmt")) {
                accountCcy = value;
            } else if (inside("Bal")) {
                switch (name) {
                    case "Cd" -> balCode = value;
                    case "Amt" -> balAmt = amount(value, "statement.Bal.Amt").amount();
                    case "CdtDbtInd" -> balInd = value;
                    case "Bal" -> balance();
                    default -> {
                    }
                }
            } else if (name.equals("Stmt")) {
                sendHeader();
            }
        }

        private void balance() {
            if (balAmt == null || balCode == null) {
                return;
            }
            BigDecimal signed = "DBIT".equals(balInd) ? balAmt.negate() : balAmt;
            if (balCode.equals("OPBD") || balCode.equals("PRCD")) {
                opening = opening == null ? signed : opening;
            } else if (balCode.equals("CLBD")) {
                closing = signed;
            }
        }

        private void sendHeader() {
            if (!headerSent) {
                headerSent = true;
                if (account == null) {
                    throw ProblemException.invalid("statement.Acct", "deposit.statement.no-account");
                }
                sink.header(new StatementHeader(stmtId == null ? "" : stmtId, account, accountCcy, opening, closing));
            }
        }

        private void endEntry(String name, String value) {
            Entry e = entry;
            switch (name) {
                case "Amt" -> {
                    if (under("Ntry")) {
                        e.amount = amount(value, "statement.Ntry.Amt");
                    }
                }
                case "CdtDbtInd" -> {
                    if (under("Ntry")) {
                        e.direction = value;
                    }
                }
                case "RvslInd" -> e.reversal = "true".equals(value);
                case "Sts" -> {
                    if (!value.isEmpty()) {
                        e.status = value; // 001.02: <Sts>BOOK</Sts>
                    }
                }
                case "Cd" -> {
                    if (under("Sts", "Ntry")) {
                        e.status = value; // 001.08: <Sts><Cd>BOOK</Cd></Sts>
                    } else if (under("Rsn", "RtrInf")) {
                        e.returnReason = value;
                    }
                }
                case "Dt" -> {
                    if (under("BookgDt")) {
                        e.bookedOn = date(value);
                    }
                }
                case "DtTm" -> {
                    if (under("BookgDt") && value.length() >= 10) {
                        e.bookedOn = date(value.substring(0, 10));
                    }
                }
                case "AcctSvcrRef" -> {
                    if (under("Ntry")) {
                        e.bankRef = value;
                    } else if (e.bankRef == null && under("Refs")) {
                        e.txRef = value;
                    }
                }
                case "EndToEndId" -> e.endToEndId = "NOTPROVIDED".equals(value) ? null : value;
                case "IBAN", "Id" -> account(value);
                case "Nm" -> {
                    if (inside("Dbtr") && inside("RltdPties")) {
                        e.payerName = value;
                    }
                }
                case "Ntry" -> finishEntry();
                default -> {
                }
            }
        }

        private void account(String value) {
            boolean accountId = path[depth - 1].equals("IBAN") || under("Othr", "Id");
            if (!accountId) {
                return;
            }
            if (inside("DbtrAcct")) {
                entry.payerAccount = value;
            } else if (inside("CdtrAcct")) {
                entry.creditorAccount = value;
            }
        }

        private void finishEntry() {
            Entry e = entry;
            entry = null;
            if (e.status != null && !e.status.equals("BOOK")) {
                return; // pending or information-only entries are not money yet
            }
            if (e.amount == null || e.direction == null) {
                throw ProblemException.invalid("statement.Ntry", "deposit.statement.incomplete-entry", e.bankRef);
            }
            if (!"CNY".equals(e.ccy)) {
                throw ProblemException.rule("wrong-currency", "statement.Ntry.Amt", "deposit.statement.wrong-currency",
                        String.valueOf(e.ccy));
            }
            BankEntry.Direction dir;
            try {
                dir = BankEntry.Direction.valueOf(e.direction);
            } catch (IllegalArgumentException ex) {
                throw ProblemException.invalid("statement.Ntry.CdtDbtInd", "deposit.statement.direction", e.direction);
            }
            String ref = e.bankRef != null ? e.bankRef : e.txRef;
            if (ref == null) {
                throw ProblemException.invalid("statement.Ntry.AcctSvcrRef", "deposit.statement.no-reference");
            }
            // a credit names the virtual sub-account it was paid into (CdtrAcct); a debit names the payee there
            sink.entry(new BankEntry(ref, dir, e.reversal, e.amount, e.ccy, e.bookedOn, e.creditorAccount, e.payerAccount,
                    e.payerName, e.endToEndId, e.returnReason));
        }

        private static Money amount(String value, String field) {
            BigDecimal v;
            try {
                v = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(field, "deposit.statement.amount", value);
            }
            if (v.signum() < 0) {
                throw ProblemException.invalid(field, "deposit.statement.negative-amount", value);
            }
            if (v.scale() > 2 || v.precision() - v.scale() > 15) {
                throw ProblemException.invalid(field, "deposit.statement.amount", value);
            }
            return new Money(v);
        }

        private static LocalDate date(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("statement.Ntry.BookgDt", "deposit.statement.date", value);
            }
        }
    }

    private static final class Entry {
        String ccy;
        Money amount;
        String direction;
        boolean reversal;
        String status;
        LocalDate bookedOn;
        String bankRef;
        String txRef;
        String endToEndId;
        String payerAccount;
        String payerName;
        String creditorAccount;
        String returnReason;
    }
}
