package org.sunbid.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSignatureVerifierTests {

    static TestPki pki;
    static TimestampSource tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        tsa = pki.tsa();
    }

    Path signedOnce(String name) throws Exception {
        Path pdf = dir.resolve(name + "-plain.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRenderer.render(PadesSignerTests.openingRecord(4), out);
        }
        Path signed = dir.resolve(name + ".pdf");
        try (OutputStream out = Files.newOutputStream(signed)) {
            PadesSigner.sign(pdf, out, pki.signer("CN=交易中心,O=Sunbid"), tsa,
                    PadesSigner.Appearance.lastPage("阳光招采公共资源交易中心", "交易中心", "测试"), Instant.now());
        }
        return signed;
    }

    @Test
    void reportsOurTimestampedSignatureValidAndChainedToTheRoot() throws Exception {
        List<PdfSignatureReport> reports = PdfSignatureVerifier.verify(signedOnce("ok"), List.of(pki.root),
                PdfSignatureVerifier.Limits.DEFAULT);
        assertThat(reports).hasSize(1);
        PdfSignatureReport report = reports.get(0);
        assertThat(report.problems()).isEmpty();
        assertThat(report.coversWholeDocument()).isTrue();
        assertThat(report.timestampTime()).isNotNull();
        assertThat(report.signer()).contains("交易中心");
    }

    @Test
    void namesAnUntrustedChain() throws Exception {
        TestPki other = new TestPki();
        PdfSignatureReport report = PdfSignatureVerifier.verify(signedOnce("untrusted"), List.of(other.root),
                PdfSignatureVerifier.Limits.DEFAULT).get(0);
        assertThat(report.problems()).containsExactly("signer certificate does not chain to a trusted root");
    }

    @Test
    void sequentialSignaturesAreBothValidAndOnlyTheLastCoversTheWholeFile() throws Exception {
        Path once = signedOnce("first");
        Path twice = dir.resolve("twice.pdf");
        try (OutputStream out = Files.newOutputStream(twice)) {
            PadesSigner.sign(once, out, pki.signer("CN=监管员,O=监管局"), tsa,
                    new PadesSigner.Appearance("西湖区公共资源交易监督管理局", "监管员", "确认", "", -1, 300, 170),
                    Instant.now());
        }
        List<PdfSignatureReport> reports = PdfSignatureVerifier.verify(twice, List.of(pki.root),
                PdfSignatureVerifier.Limits.DEFAULT);
        assertThat(reports).hasSize(2).allMatch(PdfSignatureReport::valid);
        assertThat(reports.get(0).coversWholeDocument()).isFalse();
        assertThat(reports.get(1).coversWholeDocument()).isTrue();
    }

    @Test
    void namesAChangedByteInsideTheSignedRange() throws Exception {
        Path signed = signedOnce("tamper");
        byte[] bytes = Files.readAllBytes(signed);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("/Producer");
        bytes[at + 12] ^= 0x01;
        Files.write(signed, bytes);
        PdfSignatureReport report = PdfSignatureVerifier.verify(signed, List.of(pki.root),
                PdfSignatureVerifier.Limits.DEFAULT).get(0);
        assertThat(report.problems()).anyMatch(p -> p.contains("does not verify") || p.contains("malformed"));
    }

    @Test
    void namesAByteRangeThatSkipsContent() throws Exception {
        Path signed = signedOnce("skip");
        String text = new String(Files.readAllBytes(signed), StandardCharsets.ISO_8859_1);
        int br = text.lastIndexOf("/ByteRange [0 ");
        int start = br + "/ByteRange [0 ".length();
        int end = text.indexOf(' ', start);
        long first = Long.parseLong(text.substring(start, end));
        String shorter = Long.toString(first - 100);
        String padded = shorter + " ".repeat(end - start - shorter.length());
        String forged = text.substring(0, start) + padded + text.substring(end);
        Files.write(signed, forged.getBytes(StandardCharsets.ISO_8859_1));
        PdfSignatureReport report = PdfSignatureVerifier.verify(signed, List.of(pki.root),
                PdfSignatureVerifier.Limits.DEFAULT).get(0);
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("byte range"));
    }

    @Test
    void refusesEmptyRandomAndTruncatedFilesWithOneLineReasons() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        assertThatThrownBy(() -> PdfSignatureVerifier.verify(empty, List.of(), PdfSignatureVerifier.Limits.DEFAULT))
                .isInstanceOf(PdfSignatureVerifier.UnreadablePdfException.class).hasMessage("empty file");
        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.pdf"), noise);
        assertThatThrownBy(() -> PdfSignatureVerifier.verify(random, List.of(), PdfSignatureVerifier.Limits.DEFAULT))
                .isInstanceOf(PdfSignatureVerifier.UnreadablePdfException.class).hasMessageNotContaining("\n");
        byte[] whole = Files.readAllBytes(signedOnce("trunc"));
        Path truncated = Files.write(dir.resolve("truncated.pdf"), java.util.Arrays.copyOf(whole, whole.length / 3));
        try {
            List<PdfSignatureReport> reports = PdfSignatureVerifier.verify(truncated, List.of(),
                    PdfSignatureVerifier.Limits.DEFAULT);
            assertThat(reports).noneMatch(PdfSignatureReport::valid);
        } catch (PdfSignatureVerifier.UnreadablePdfException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void boundsHostileFiles() throws Exception {
        Path deep = Files.write(dir.resolve("deep.pdf"), hostile("[".repeat(200_000) + "]".repeat(200_000), 1));
        assertThatThrownBy(() -> PdfSignatureVerifier.verify(deep, List.of(), PdfSignatureVerifier.Limits.DEFAULT))
                .isInstanceOf(PdfSignatureVerifier.UnreadablePdfException.class);
        Path pages = Files.write(dir.resolve("pages.pdf"), hostile("null", 1_000_000));
        assertThatThrownBy(() -> PdfSignatureVerifier.verify(pages, List.of(), PdfSignatureVerifier.Limits.DEFAULT))
                .isInstanceOf(PdfSignatureVerifier.UnreadablePdfException.class);
        Path big = dir.resolve("big.pdf");
        Files.write(big, new byte[2048]);
        assertThatThrownBy(() -> PdfSignatureVerifier.verify(big, List.of(),
                new PdfSignatureVerifier.Limits(1024, 10, java.time.Duration.ofSeconds(5), 5)))
                .hasMessageContaining("larger than");
    }

    @Test
    void notesJavaScriptActions() throws Exception {
        String js = "<< /Type /Action /S /JavaScript /JS (app.alert\\('x'\\)) >>";
        Path pdf = Files.write(dir.resolve("js.pdf"), hostile("null", 1, js));
        List<PdfSignatureReport> reports = PdfSignatureVerifier.verify(pdf, List.of(), PdfSignatureVerifier.Limits.DEFAULT);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo(PdfSignatureVerifier.UNSIGNED);
            assertThat(r.valid()).isFalse();
            assertThat(r.notes()).contains("document contains JavaScript actions");
        });
        assertThat(PdfInspection.hasJavaScript(pdf)).isTrue();
    }

    @Test
    void findsJavaScriptEmbeddedFilesAndLaunchActionsAnywhereInTheFile() throws Exception {
        Path annotation = Files.write(dir.resolve("annot.pdf"), hostile(
                "<< /Annots [<< /Type /Annot /Subtype /Link /A << /S /JavaScript /JS (app.alert\\(1\\)) >> >>] >>", 1));
        assertThat(PdfInspection.activeContent(annotation)).containsExactly(PdfInspection.ActiveContent.JAVASCRIPT);
        Path launch = Files.write(dir.resolve("launch.pdf"), hostile("null", 1, "<< /S /Launch /F (calc.exe) >>"));
        assertThat(PdfInspection.activeContent(launch)).containsExactly(PdfInspection.ActiveContent.LAUNCH_ACTION);
        Path attached = Files.write(dir.resolve("attached.pdf"), hostile(
                "<< /Type /Filespec /F (a.exe) /EF << /F 3 0 R >> >>", 1));
        assertThat(PdfInspection.activeContent(attached)).contains(PdfInspection.ActiveContent.EMBEDDED_FILE);
        assertThat(PdfInspection.activeContent(Files.write(dir.resolve("plain.pdf"), hostile("null", 1)))).isEmpty();
    }

    @Test
    void reportsJavaScriptAddedByAnIncrementalUpdateAfterTheSignature() throws Exception {
        Path signed = signedOnce("late-js");
        byte[] original = Files.readAllBytes(signed);
        String tail = new String(original, original.length - 64, 64, java.nio.charset.StandardCharsets.US_ASCII);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("startxref\\s+(\\d+)").matcher(tail);
        assertThat(m.find()).isTrue();
        int size;
        String root;
        try (var document = org.apache.pdfbox.Loader.loadPDF(original)) {
            var trailer = document.getDocument().getTrailer();
            size = trailer.getInt(org.apache.pdfbox.cos.COSName.SIZE);
            var key = trailer.getCOSObject(org.apache.pdfbox.cos.COSName.ROOT).getKey();
            root = key.getNumber() + " " + key.getGeneration() + " R";
        }
        StringBuilder update = new StringBuilder("\n");
        int objectOffset = original.length + update.length();
        update.append(size).append(" 0 obj\n<< /Type /Action /S /JavaScript /JS (app.launchURL\\('http://x'\\)) >>\nendobj\n");
        int xref = original.length + update.length();
        update.append("xref\n").append(size).append(" 1\n").append("%010d 00000 n \n".formatted(objectOffset))
                .append("trailer\n<< /Size ").append(size + 1).append(" /Root ").append(root).append(" /Prev ")
                .append(m.group(1)).append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        Path late = dir.resolve("late-js-updated.pdf");
        Files.write(late, original);
        Files.writeString(late, update, java.nio.file.StandardOpenOption.APPEND);
        List<PdfSignatureReport> reports = PdfSignatureVerifier.verify(late, List.of(pki.root),
                PdfSignatureVerifier.Limits.DEFAULT);
        assertThat(reports).isNotEmpty().allSatisfy(r -> assertThat(r.notes()).contains(
                "document contains JavaScript actions"));
        assertThat(reports).noneMatch(PdfSignatureReport::coversWholeDocument);
    }

    /** A minimal PDF whose catalog carries {@code extra} and whose page tree claims {@code count} pages. */
    static byte[] hostile(String extra, int count) {
        return hostile(extra, count, null);
    }

    static byte[] hostile(String extra, int count, String openAction) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        int[] offsets = new int[5];
        offsets[1] = pdf.length();
        pdf.append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X ").append(extra)
                .append(openAction != null ? " /OpenAction " + openAction : "").append(" >>\nendobj\n");
        offsets[2] = pdf.length();
        pdf.append("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count ").append(count).append(" >>\nendobj\n");
        offsets[3] = pdf.length();
        pdf.append("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        int xref = pdf.length();
        pdf.append("xref\n0 4\n0000000000 65535 f \n");
        for (int i = 1; i <= 3; i++) {
            pdf.append("%010d 00000 n \n".formatted(offsets[i]));
        }
        pdf.append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
