package org.sunbid.deposit.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a refund batch as an ISO 20022 CustomerCreditTransferInitiation (pain.001), version 001.001.03 or
 * 001.001.09: one payment information block debiting the collection account, one credit transfer per refund to
 * the payer's basic account, the refund's end-to-end id so the bank statement can settle it.
 */
public final class Pain001Writer {

    public enum Version {
        /** Edition 2009: the requested execution date is a plain ISODate and the agent's BIC is {@code BIC}. */
        V03("pain.001.001.03", false, "BIC"),
        /** Edition 2019: the execution date is a choice ({@code Dt} or {@code DtTm}) and the BIC is {@code BICFI}. */
        V09("pain.001.001.09", true, "BICFI");

        private final String id;
        private final boolean executionDateChoice;
        private final String bicElement;

        Version(String id, boolean executionDateChoice, String bicElement) {
            this.id = id;
            this.executionDateChoice = executionDateChoice;
            this.bicElement = bicElement;
        }

        /** The version named by its message identifier ("pain.001.001.03"), or empty. */
        public static Optional<Version> of(String id) {
            return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
        }

        public String id() {
            return id;
        }

        public String namespace() {
            return "urn:iso:std:iso:20022:tech:xsd:" + id;
        }
    }

    /** The paying side: the centre's collection account. */
    public record Debtor(String name, String account, String bic) {
    }

    public record Transfer(String endToEndId, BigDecimal amount, String payeeName, String payeeAccount, String remittance) {
    }

    private Pain001Writer() {
    }

    public static void write(Version v, String messageId, OffsetDateTime createdAt, LocalDate executionDate, Debtor debtor,
            List<Transfer> transfers, OutputStream out) {
        BigDecimal sum = transfers.stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("Document");
            w.writeDefaultNamespace(v.namespace());
            w.writeStartElement("CstmrCdtTrfInitn");
            w.writeStartElement("GrpHdr");
            text(w, "MsgId", messageId);
            text(w, "CreDtTm", createdAt.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            text(w, "NbOfTxs", Integer.toString(transfers.size()));
            text(w, "CtrlSum", sum.toPlainString());
            w.writeStartElement("InitgPty");
            text(w, "Nm", limit(debtor.name(), 140));
            w.writeEndElement();
            w.writeEndElement(); // GrpHdr
            w.writeStartElement("PmtInf");
            text(w, "PmtInfId", messageId);
            text(w, "PmtMtd", "TRF");
            text(w, "BtchBookg", "false");
            text(w, "NbOfTxs", Integer.toString(transfers.size()));
            text(w, "CtrlSum", sum.toPlainString());
            if (v.executionDateChoice) {
                w.writeStartElement("ReqdExctnDt");
                text(w, "Dt", executionDate.toString());
                w.writeEndElement();
            } else {
                text(w, "ReqdExctnDt", executionDate.toString());
            }
            w.writeStartElement("Dbtr");
            text(w, "Nm", limit(debtor.name(), 140));
            w.writeEndElement();
            account(w, "DbtrAcct", debtor.account(), true);
            w.writeStartElement("DbtrAgt");
            w.writeStartElement("FinInstnId");
            text(w, v.bicElement, debtor.bic());
            w.writeEndElement();
            w.writeEndElement();
            for (Transfer t : transfers) {
                w.writeStartElement("CdtTrfTxInf");
                w.writeStartElement("PmtId");
                text(w, "EndToEndId", t.endToEndId());
                w.writeEndElement();
                w.writeStartElement("Amt");
                w.writeStartElement("InstdAmt");
                w.writeAttribute("Ccy", "CNY");
                w.writeCharacters(t.amount().toPlainString());
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("Cdtr");
                text(w, "Nm", limit(t.payeeName(), 140));
                w.writeEndElement();
                account(w, "CdtrAcct", t.payeeAccount(), false);
                w.writeStartElement("RmtInf");
                text(w, "Ustrd", limit(t.remittance(), 140));
                w.writeEndElement();
                w.writeEndElement(); // CdtTrfTxInf
            }
            w.writeEndElement(); // PmtInf
            w.writeEndElement(); // CstmrCdtTrfInitn
            w.writeEndElement(); // Document
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("pain.001 could not be written", e);
        }
    }

    private static void account(XMLStreamWriter w, String element, String number, boolean withCurrency)
            throws XMLStreamException {
        w.writeStartElement(element);
        w.writeStartElement("Id");
        w.writeStartElement("Othr");
        text(w, "Id", limit(number, 34));
        w.writeEndElement();
        w.writeEndElement();
        if (withCurrency) {
            text(w, "Ccy", "CNY");
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
