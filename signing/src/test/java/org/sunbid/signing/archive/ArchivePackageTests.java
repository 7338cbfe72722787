package org.sunbid.signing.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.pdf.PdfTestPki;

class ArchivePackageTests {

    static ArchivePackage.Signer signer;
    static java.security.cert.X509Certificate root;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        PdfTestPki pki = PdfTestPki.create();
        signer = pki.archiveSigner();
        root = pki.root();
    }

    Path build() throws Exception {
        List<ArchiveEntry> entries = new ArrayList<>();
        entries.add(new ArchiveEntry("documents/announcement.txt", "tender-announcement", Instant.parse("2026-10-01T02:00:00Z"),
                () -> new ByteArrayInputStream("招标公告：城西污水处理厂提标改造工程".getBytes(StandardCharsets.UTF_8))));
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(3).nextBytes(big);
        entries.add(new ArchiveEntry("documents/tender-documents.bin", "tender-documents", Instant.parse("2026-10-01T02:00:00Z"),
                () -> new ByteArrayInputStream(big)));
        entries.add(new ArchiveEntry("receipts/bid-1.json", "receipt", Instant.parse("2026-10-25T01:59:00Z"),
                () -> new ByteArrayInputStream("{\"bid\":1}".getBytes(StandardCharsets.UTF_8))));
        Path zip = dir.resolve("package.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            ArchivePackage.write("E3301000001202611270001", "城西污水处理厂提标改造工程", entries, Instant.now(), signer, out);
        }
        return zip;
    }

    @Test
    void aFreshPackageVerifies() throws Exception {
        ArchiveVerifier.Report report = ArchiveVerifier.verify(build(), List.of(root));
        assertThat(report.problems()).isEmpty();
        assertThat(report.documents()).isEqualTo(3);
        assertThat(report.timestamp()).isNotNull();
    }

    @Test
    void theCommandsInVerifyTxtPassWithPlainOpensslAndSha256sum() throws Exception {
        Path zip = build();
        Path out = dir.resolve("package");
        assertThat(run(dir, "unzip", "-q", zip.toString(), "-d", out.toString())).isZero();
        String verify = Files.readString(out.resolve("VERIFY.txt"));
        assertThat(verify).contains("bidtool archive-verify package.zip").contains("sha256sum -c SHA256SUMS");
        List<String> commands = commandsIn(verify);
        assertThat(commands).hasSize(3).anyMatch(c -> c.startsWith("openssl cms -verify"))
                .anyMatch(c -> c.startsWith("openssl ts -verify")).anyMatch(c -> c.startsWith("sha256sum -c"));
        for (String command : commands) {
            assertThat(run(out, "bash", "-c", command)).as(command).isZero();
        }

        Files.writeString(out.resolve("receipts/bid-1.json"), "{\"bid\":2}");
        assertThat(run(out, "sha256sum", "-c", "SHA256SUMS")).isNotZero();
    }

    @Test
    void bothVerifiersNameATamperedDocument() throws Exception {
        Path zip = build();
        Path tampered = rewrite(zip, "receipts/bid-1.json", "{\"bid\":2}".getBytes(StandardCharsets.UTF_8));
        ArchiveVerifier.Report report = ArchiveVerifier.verify(tampered, List.of(root));
        assertThat(report.valid()).isFalse();
        assertThat(report.badPaths()).containsExactly("receipts/bid-1.json");
        Path out = dir.resolve("tampered");
        run(dir, "unzip", "-q", tampered.toString(), "-d", out.toString());
        String sums = output(out, "sha256sum", "-c", "SHA256SUMS");
        assertThat(sums).contains("receipts/bid-1.json: FAILED").contains("documents/announcement.txt: OK");
    }

    @Test
    void aChangedManifestFailsItsSignatureAndTimestamp() throws Exception {
        Path zip = build();
        byte[] manifest;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            manifest = z.getInputStream(z.getEntry("manifest.json")).readAllBytes();
        }
        String changed = new String(manifest, StandardCharsets.UTF_8).replace("城西", "城东");
        ArchiveVerifier.Report report = ArchiveVerifier.verify(rewrite(zip, "manifest.json",
                changed.getBytes(StandardCharsets.UTF_8)), List.of(root));
        assertThat(report.problems()).anyMatch(p -> p.contains("signature does not verify"))
                .anyMatch(p -> p.contains("timestamp"));
    }

    @Test
    void anExtraFileAndAnUntrustedRootAreNamed() throws Exception {
        Path zip = build();
        Path extra = rewrite(zip, "documents/forged.pdf", new byte[] { 1, 2, 3 });
        ArchiveVerifier.Report report = ArchiveVerifier.verify(extra, List.of(PdfTestPki.create().root()));
        assertThat(report.badPaths()).containsExactly("documents/forged.pdf");
        assertThat(report.problems()).anyMatch(p -> p.contains("does not chain"));
    }

    @Test
    void refusesWhatIsNotAPackage() throws Exception {
        Path text = Files.writeString(dir.resolve("x.zip"), "not a zip");
        assertThatThrownBy(() -> ArchiveVerifier.verify(text, List.of())).hasMessage("not a ZIP file");
        Path empty = dir.resolve("empty.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(empty))) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write(1);
        }
        assertThatThrownBy(() -> ArchiveVerifier.verify(empty, List.of()))
                .hasMessageContaining("no manifest.json");
        assertThatThrownBy(() -> new ArchiveEntry("../etc/passwd", "x", Instant.now(), () -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The openssl and sha256sum commands of VERIFY.txt, continuation lines joined, exactly as a reader would type them. */
    static List<String> commandsIn(String verifyTxt) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : verifyTxt.split("\n")) {
            String line = raw.strip();
            if (current == null && (line.startsWith("openssl ") || line.startsWith("sha256sum "))) {
                current = new StringBuilder();
            }
            if (current != null) {
                boolean continues = line.endsWith("\\");
                current.append(continues ? line.substring(0, line.length() - 1) : line).append(continues ? "" : "");
                if (!continues) {
                    commands.add(current.toString().replaceAll("\\s+", " ").strip());
                    current = null;
                }
            }
        }
        return commands;
    }

    /** Copies the ZIP, replacing (or adding) one entry. */
    Path rewrite(Path zip, String name, byte[] content) throws Exception {
        Path out = dir.resolve("rewritten-" + System.nanoTime() + ".zip");
        boolean replaced = false;
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var e = in.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                z.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    z.write(content);
                    replaced = true;
                } else {
                    in.getInputStream(entry).transferTo(z);
                }
                z.closeEntry();
            }
            if (!replaced) {
                z.putNextEntry(new ZipEntry(name));
                z.write(content);
                z.closeEntry();
            }
        }
        return out;
    }

    static int run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            System.out.println(String.join(" ", command) + " -> " + p.exitValue() + "\n" + out.toString(StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }

    static String output(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }
}
