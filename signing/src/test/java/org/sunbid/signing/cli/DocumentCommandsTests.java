package org.sunbid.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.archive.ArchiveEntry;
import org.sunbid.signing.archive.ArchivePackage;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.PdfRenderer;
import org.sunbid.signing.pdf.TimestampSource;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/** bidtool pdf-sign, pdf-verify and archive-verify, in-process, against a real HTTP time-stamp authority on loopback. */
class DocumentCommandsTests {

    @TempDir
    Path dir;

    DemoCa ca;
    HttpServer tsaServer;
    String tsaUrl;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Bidtool.commandLine(new Bidtool(Map.of("BIDTOOL_PASSWORD", "correct horse")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeEach
    void setUp() throws Exception {
        ca = DemoCa.loadOrCreate(dir.resolve("ca"), "correct horse".toCharArray());
        TimeStampAuthority tsa = new TimeStampAuthority(ca.timeStampingAuthority(), Clock.systemUTC());
        tsaServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tsaServer.createContext("/tsa", exchange -> {
            byte[] reply = tsa.respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(reply);
            }
        });
        tsaServer.start();
        tsaUrl = "http://127.0.0.1:" + tsaServer.getAddress().getPort() + "/tsa";
        try (OutputStream out = Files.newOutputStream(dir.resolve("tender.pdf"))) {
            PdfRenderer.render(new DocumentSpec("投标函", "Letter of tender", "E3301000001202611270001", null,
                    List.of(new DocumentSpec.Paragraph("我方愿意按照招标文件的要求承担本项目的施工。"))), out);
        }
    }

    @AfterEach
    void stop() {
        tsaServer.stop(0);
    }

    @Test
    void pdfSignWithAnHttpTsaThenPdfVerifyAndPdfsigSayValid() throws Exception {
        Run signed = run("pdf-sign", "--in", p("tender.pdf"), "--p12", p("ca/demo-member.p12"), "--tsa", tsaUrl,
                "--seal-text", "杭州江南建设有限公司", "--out", p("signed.pdf"));
        assertThat(signed.exit()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("PAdES B-T");
        Run verified = run("pdf-verify", "--in", p("signed.pdf"), "--trust", p("ca/root-ca.pem"));
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("VALID").contains("(timestamp)").doesNotContain("INVALID");

        Process pdfsig = new ProcessBuilder("pdfsig", p("signed.pdf")).redirectErrorStream(true).start();
        assertThat(new String(pdfsig.getInputStream().readAllBytes())).contains("Signature is Valid.");
    }

    @Test
    void pdfVerifyNamesAnUntrustedSignerAndAnUnsignedFile() {
        run("pdf-sign", "--in", p("tender.pdf"), "--p12", p("ca/demo-member.p12"), "--out", p("bb.pdf"));
        Run untrusted = run("pdf-verify", "--in", p("bb.pdf"), "--trust", p("ca/tsa.pem"));
        assertThat(untrusted.exit()).isEqualTo(3);
        assertThat(untrusted.out()).contains("INVALID: signer certificate does not chain to a trusted root");
        Run unsigned = run("pdf-verify", "--in", p("tender.pdf"));
        assertThat(unsigned.exit()).isNotZero();
        assertThat(unsigned.err().strip()).isEqualTo("bidtool: the PDF has no signatures");
    }

    @Test
    void pdfSignOfSomethingElseLeavesNoOutputFile() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a pdf");
        Run failed = run("pdf-sign", "--in", p("notes.txt"), "--p12", p("ca/demo-member.p12"), "--out", p("out.pdf"));
        assertThat(failed.exit()).isNotZero();
        assertThat(failed.err().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("out.pdf")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("out.pdf"));
        }
    }

    @Test
    void archiveVerifyAcceptsAPackageAndNamesATamperedDocument() throws Exception {
        TimeStampAuthority tsa = new TimeStampAuthority(ca.timeStampingAuthority(), Clock.systemUTC());
        List<ArchiveEntry> entries = new ArrayList<>();
        entries.add(new ArchiveEntry("documents/a.txt", "notice", Instant.now(),
                () -> new java.io.ByteArrayInputStream("公告".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        try (OutputStream out = Files.newOutputStream(dir.resolve("package.zip"))) {
            ArchivePackage.write("E1", "测试", entries, Instant.now(),
                    new ArchivePackage.Signer(ca.documentSigner(), ca.timeStampingAuthority().certificate(),
                            TimestampSource.of(tsa)), out);
        }
        Run ok = run("archive-verify", p("package.zip"), "--trust", p("ca/root-ca.pem"));
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("VALID").contains("documents: 1");

        Path tampered = dir.resolve("tampered.zip");
        try (var in = new java.util.zip.ZipFile(dir.resolve("package.zip").toFile());
                var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var e = in.entries(); e.hasMoreElements();) {
                var entry = e.nextElement();
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals("documents/a.txt")) {
                    zip.write("改过".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(entry).transferTo(zip);
                }
            }
        }
        Run bad = run("archive-verify", p("tampered.zip"), "--trust", p("ca/root-ca.pem"));
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out()).contains("BAD: documents/a.txt");
        assertThat(bad.err()).contains("document changed: documents/a.txt");
    }
}
