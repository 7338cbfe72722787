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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sunbid.deposit.internal.Pain001Writer;

/**
 * pain.001 output against the ISO 20022 schemas. pain.001.001.09.xsd is the ISO-generated schema as shipped in the
 * hbci4j-core jar on Maven Central (test scope). For pain.001.001.03 no unrestricted ISO schema is available from a
 * package here: hbci4j's copy is the German banks' SEPA subset (EUR and IBAN only), which a CNY transfer to a Chinese
 * account cannot satisfy, so the .03 layout is checked element by element instead.
 */
class Pain001SchemaTests {

    static void validate(String version, byte[] xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        String resource = "/" + version + ".xsd";
        var schema = f.newSchema(new StreamSource(Pain001SchemaTests.class.getResourceAsStream(resource)));
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
    void version03IsWrittenInItsOwnLayout() {
        String text = new String(write(Pain001Writer.Version.V03, "0200001509020123456"), StandardCharsets.UTF_8);
        assertThat(text).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03")
                .contains("<ReqdExctnDt>2026-12-03</ReqdExctnDt>").contains("<BIC>PCBCCNBJZJX</BIC>")
                .contains("<InstdAmt Ccy=\"CNY\">200008.33</InstdAmt>").contains("<CtrlSum>300008.33</CtrlSum>")
                .doesNotContain("pain.001.001.09").doesNotContain("<ReqdExctnDt><Dt>");
    }

    @Test
    void theGermanSepaSubsetOf03WouldRefuseAChineseAccountSoTheUnrestrictedSchemaIsUsed() {
        // hbci4j's pain.001.001.03.xsd (classpath root) allows EUR and IBAN only; a domestic account is "Othr"
        byte[] xml = write(Pain001Writer.Version.V03, "0200001509020123456");
        assertThatThrownBy(() -> {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.newSchema(new StreamSource(Pain001SchemaTests.class.getResourceAsStream("/pain.001.001.03.xsd")))
                    .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        }).hasMessageContaining("IBAN");
    }

    @ParameterizedTest
    @EnumSource(value = Pain001Writer.Version.class, names = "V09")
    void theSchemaCheckRejectsWhatItShould(Pain001Writer.Version v) {
        // a non-numeric transaction count is invalid ISO 20022 — the writer never makes one, so forge the document
        String bad = new String(write(v, "1"), StandardCharsets.UTF_8).replace("<NbOfTxs>2<", "<NbOfTxs>two<");
        assertThatThrownBy(() -> validate(v.id(), bad.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("two");
    }
}
