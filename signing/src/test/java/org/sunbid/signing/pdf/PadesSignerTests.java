package org.sunbid.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PadesSignerTests {

    static TestPki pki;
    static TimestampSource tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        tsa = pki.tsa();
    }

    static DocumentSpec openingRecord(int bidders) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= bidders; i++) {
            rows.add(List.of(Integer.toString(i), "杭州第" + i + "建设工程有限公司 Hangzhou No." + i + " Construction Co., Ltd.",
                    "%,.2f".formatted(1_234_567.89 + i * 1000), "365 日历天", "已解密 / 签名有效"));
        }
        return new DocumentSpec("开标记录", "Bid Opening Record", "交易标识码 E3301000001202611270001",
                "https://sunbid.example/verify/E3301000001202611270001",
                List.of(new DocumentSpec.Fields(List.of(new DocumentSpec.Field("项目名称 Project", "城西污水处理厂提标改造工程"),
                        new DocumentSpec.Field("标段 Lot", "第一标段 施工"),
                        new DocumentSpec.Field("开标时间 Opening time", "2026-11-27 09:30 (北京时间)"))),
                        new DocumentSpec.Heading("投标人一览 Bidders"),
                        new DocumentSpec.Table(List.of("序号", "投标人 Bidder", "投标报价（元）", "工期", "状态"), rows,
                                List.of(0.6, 4.0, 1.8, 1.2, 1.6)),
                        new DocumentSpec.Paragraph("本记录由阳光招采平台自动生成，并由交易中心加盖电子签章。This record was produced by the platform and sealed by the trading centre.")));
    }

    Path render(DocumentSpec spec) throws IOException {
        Path pdf = dir.resolve("doc.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRenderer.render(spec, out);
        }
        return pdf;
    }

    Path sign(Path pdf, String name, org.sunbid.signing.keys.SigningKey key, String sealText) throws IOException {
        Path signed = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(signed)) {
            PadesSigner.sign(pdf, out, key, tsa, PadesSigner.Appearance.lastPage(sealText, "阳光招采交易中心", "开标记录签章"),
                    Instant.now());
        }
        return signed;
    }

    @Test
    void rendersChineseTablesAcrossPagesWithPageNumbers() throws Exception {
        Path pdf = render(openingRecord(80));
        String text = run(List.of("pdftotext", "-layout", pdf.toString(), "-"));
        assertThat(text).contains("开标记录").contains("杭州第80建设工程有限公司").contains("第 1 页 共");
        String info = run(List.of("pdfinfo", pdf.toString()));
        assertThat(info).containsPattern("Pages:\\s+[3-9]");
        assertThat(run(List.of("pdffonts", pdf.toString()))).contains("WenQuanYiMicroHei").contains("yes");
    }

    @Test
    void pdfsigReportsTheTimestampedSignatureValid() throws Exception {
        Path signed = sign(render(openingRecord(5)), "signed.pdf", pki.signer("CN=阳光招采交易中心,O=Sunbid"), "阳光招采公共资源交易中心");
        String report = run(List.of("pdfsig", signed.toString()));
        assertThat(report).contains("Signature Validation: Signature is Valid.")
                .contains("ETSI.CAdES.detached");
        assertNotBlank(signed);
        keepSample(signed, "opening-record-signed.pdf");
    }

    @Test
    void aSecondSignatureKeepsTheFirstValid() throws Exception {
        Path once = sign(render(openingRecord(3)), "once.pdf", pki.signer("CN=交易中心,O=Sunbid"), "阳光招采公共资源交易中心");
        Path twice = dir.resolve("twice.pdf");
        try (OutputStream out = Files.newOutputStream(twice)) {
            PadesSigner.sign(once, out, pki.signer("CN=监管员 张三,O=监管局"), tsa,
                    new PadesSigner.Appearance("西湖区公共资源交易监督管理局", "张三", "监管确认", "杭州", -1, 300, 170),
                    Instant.now());
        }
        String report = run(List.of("pdfsig", twice.toString()));
        assertThat(report.split("Signature Validation: Signature is Valid\\.", -1)).hasSize(3);
        assertThat(Files.readAllBytes(twice)).startsWith(Files.readAllBytes(once));
    }

    @Test
    void pdfsigFindsATamperedSignedFileInvalid() throws Exception {
        Path signed = sign(render(openingRecord(3)), "tamper.pdf", pki.signer("CN=交易中心,O=Sunbid"), "阳光招采公共资源交易中心");
        byte[] bytes = Files.readAllBytes(signed);
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("/Producer");
        bytes[at + 12] ^= 0x01;
        Path tampered = dir.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        String report = run(List.of("pdfsig", tampered.toString()));
        assertThat(report).doesNotContain("Signature is Valid.");
    }

    /** Leaves a copy under target/pdf-samples for people to open. */
    static void keepSample(Path pdf, String name) throws IOException {
        Path samples = Path.of("target", "pdf-samples");
        Files.createDirectories(samples);
        Files.copy(pdf, samples.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void assertNotBlank(Path pdf) throws Exception {
        Path prefix = pdf.resolveSibling("page");
        run(List.of("pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", pdf.toString(), prefix.toString()));
        Path pgm;
        try (var files = Files.list(pdf.getParent())) {
            pgm = files.filter(p -> p.getFileName().toString().startsWith("page")).findFirst().orElseThrow();
        }
        byte[] image = Files.readAllBytes(pgm);
        long dark = 0;
        for (int i = image.length / 10; i < image.length; i++) {
            if ((image[i] & 0xff) < 128) {
                dark++;
            }
        }
        assertThat(dark).as("dark pixels on page 1").isGreaterThan(500);
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
