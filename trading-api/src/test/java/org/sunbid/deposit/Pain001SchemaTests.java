package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.sunbid.deposit.internal.Pain001Writer;

/**
 * pain.001 output against the ISO 20022 schema. pain.001.001.09.xsd is the ISO-generated schema as shipped in
 * the hbci4j-core jar on Maven Central (test scope). No Maven artifact found ships the unrestricted ISO
 * pain.001.001.03 schema (hbci4j's is the German banks' SEPA subset: EUR and IBAN only; Prowide's pw-iso20022 carries
 * no XSD), so Sunbid produces version 09 only.
 */
class Pain001SchemaTests {

    static void validate(String version, byte[] xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        var schema = f.newSchema(new StreamSource(Pain001SchemaTests.class.getResourceAsStream("/" + version + ".xsd")));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    static byte[] write(Pain001Writer.Version v, String payeeAccount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pain001Writer.write(v, "SB20261203ABCDEF0123456789", OffsetDateTime.parse("2026-12-03T10:15:30+08:00"),
                LocalDate.parse("2026-12-03"), new Pain001Writer.Debtor("阳光招采公共资源交易中心保证金专户",
                        "31050161360009001888", "PCBCCNBJZJX"),
                List.of(new Pain001Writer.Transfer("SBR0001", new BigDecimal("200008.33"), "测试建设有限公司", payeeAccount,
                        "保证金退还 deposit refund"), new Pain001Writer.Transfer("SBR0002", new BigDecimal("100000.00"),
                                "乙公司", "6222020000000001", "保证金退还")), out);
        return out.toByteArray();
    }

    @Test
    void version09IsValidAgainstTheIsoSchema() throws Exception {
        validate("pain.001.001.09", write(Pain001Writer.Version.V09, "0200001509020123456"));
    }

    @Test
    void theSchemaCheckRejectsWhatItShould() {
        // an account id over 34 characters is invalid ISO 20022 — the writer truncates, so forge the document
        String bad = new String(write(Pain001Writer.Version.V09, "1"), StandardCharsets.UTF_8).replace("<NbOfTxs>2<",
                "<NbOfTxs>two<");
        assertThatThrownBy(() -> validate("pain.001.001.09", bad.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("two");
    }
}
