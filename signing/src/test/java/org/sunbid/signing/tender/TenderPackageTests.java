package org.sunbid.signing.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.internal.Json;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;

/** The library calls behind bidtool package and manifest, for callers that are not a command line. */
class TenderPackageTests {

    static final String LOT = "6F1C2A34-5B6D-4E7F-8A9B-0C1D2E3F4A5B";

    @TempDir
    Path dir;

    @Test
    void packagesTheBidFormWithTheGivenFingerprintAndThePdfs() throws Exception {
        Files.writeString(dir.resolve("投标函.pdf"), "%PDF-1.7\n% tender\n");
        TenderPackage.write(new BidForm(LOT, new BigDecimal("1234.5"), "300 日历天", null, "张三", "BH-1",
                Map.of("mac", List.of("02:00:00:00:00:01"))), List.of(dir.resolve("投标函.pdf")), dir.resolve("p.zip"));
        try (ZipFile zip = new ZipFile(dir.resolve("p.zip").toFile())) {
            Map<String, Object> form = Json.readObject(
                    new String(zip.getInputStream(zip.getEntry("bid-form.json")).readAllBytes(), StandardCharsets.UTF_8));
            assertThat(form).containsEntry("lot", LOT.toLowerCase()).containsEntry("price", "1234.50")
                    .containsEntry("quality", "合格").containsEntry("depositReference", "BH-1")
                    .containsEntry("fingerprint", Map.of("mac", List.of("02:00:00:00:00:01")))
                    .containsEntry("documents", List.of("投标函.pdf"));
            assertThat(zip.getEntry("documents/投标函.pdf")).isNotNull();
        }
    }

    @Test
    void refusesANonPdfAndLeavesNoPackage() throws Exception {
        Files.writeString(dir.resolve("x.pdf"), "hello");
        BidForm form = new BidForm(LOT, BigDecimal.TEN, "1 天", "合格", "李四", null, Map.of());
        assertThatThrownBy(() -> TenderPackage.write(form, List.of(dir.resolve("x.pdf")), dir.resolve("p.zip")))
                .isInstanceOf(TenderPackage.NotAPdfException.class);
        assertThat(dir.resolve("p.zip")).doesNotExist();
        assertThatThrownBy(() -> new BidForm(LOT, new BigDecimal("1.001"), "1 天", null, "李四", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manifestIsSignedByTheBidderOverTheSealedFilesHashAndSize() throws Exception {
        SigningKey bidder = CertificateIssuer.selfSigned("CN=投标人,O=投标人", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(1));
        Files.write(dir.resolve("t.sealed"), new byte[] { 1, 2, 3 });
        String b64 = SubmissionManifest.sign(LOT, dir.resolve("t.sealed"), bidder, Instant.parse("2026-01-02T03:04:05Z"),
                Map.of("cpu", "demo"));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        SignatureCheck check = CmsVerifier.verify(new ByteArrayInputStream(Base64.getDecoder().decode(b64)), null,
                content, VerifyOptions.expecting(bidder.certificate()));
        assertThat(check).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(Json.readObject(content.toString(StandardCharsets.UTF_8))).containsEntry("lot", LOT.toLowerCase())
                .containsEntry("size", 3L).containsEntry("clientTime", "2026-01-02T03:04:05Z")
                .containsEntry("sha256", "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81")
                .containsEntry("fingerprint", Map.of("cpu", "demo"));
    }
}
