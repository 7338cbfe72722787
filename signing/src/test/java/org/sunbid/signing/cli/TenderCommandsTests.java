package org.sunbid.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.internal.Json;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.Pkcs12;

/** bidtool package and manifest: what a bidder runs before uploading. */
class TenderCommandsTests {

    @TempDir
    Path dir;

    static final String LOT = "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    int run(StringWriter out, StringWriter err, String... args) {
        var cli = Bidtool.commandLine(new Bidtool(Map.of("BIDTOOL_PASSWORD", "correct horse")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @BeforeEach
    void files() throws Exception {
        DemoCa.loadOrCreate(dir.resolve("ca"), "correct horse".toCharArray());
        Files.writeString(dir.resolve("tender.pdf"), "%PDF-1.7\n% a tender\n");
    }

    @Test
    void packageHoldsTheBidFormAndThePdfsAndManifestIsSignedByTheBidder() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "package", "--lot", LOT, "--price", "9876543.21", "--duration", "300 日历天", "--manager",
                "张三", "--pdf", dir.resolve("tender.pdf").toString(), "--out", dir.resolve("package.zip").toString()))
                .as(err.toString()).isZero();
        try (ZipFile zip = new ZipFile(dir.resolve("package.zip").toFile())) {
            String form = new String(zip.getInputStream(zip.getEntry("bid-form.json")).readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> fields = Json.readObject(form);
            assertThat(fields).containsEntry("lot", LOT).containsEntry("price", "9876543.21").containsKey("fingerprint");
            assertThat(zip.getEntry("documents/tender.pdf")).isNotNull();
        }
        Files.write(dir.resolve("tender.sealed"), new byte[] { 1, 2, 3 });
        assertThat(run(out, err, "manifest", "--lot", LOT, "--in", dir.resolve("tender.sealed").toString(), "--p12",
                dir.resolve("ca/demo-member.p12").toString(), "--out", dir.resolve("manifest.b64").toString())).isZero();
        byte[] signed = Base64.getDecoder().decode(Files.readString(dir.resolve("manifest.b64")));
        var member = Pkcs12.read(dir.resolve("ca/demo-member.p12"), "correct horse".toCharArray());
        var content = new java.io.ByteArrayOutputStream();
        SignatureCheck check = CmsVerifier.verify(new java.io.ByteArrayInputStream(signed), null, content,
                VerifyOptions.expecting(member.certificate()));
        assertThat(check).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(Json.readObject(content.toString(StandardCharsets.UTF_8))).containsEntry("size", 3L)
                .containsEntry("sha256", "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    }

    @Test
    void refusesANonPdfAndABadPriceWithOneLineAndNoPackage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = run(out, err, "package", "--lot", LOT, "--price", "-1", "--duration", "1", "--manager", "x", "--pdf",
                dir.resolve("tender.pdf").toString(), "--out", dir.resolve("p.zip").toString());
        assertThat(exit).isNotZero();
        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("p.zip")).doesNotExist();
    }
}
