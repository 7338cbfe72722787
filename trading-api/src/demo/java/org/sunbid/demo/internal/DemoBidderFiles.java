package org.sunbid.demo.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.identity.AccountId;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.PdfRenderer;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.tender.BidForm;
import org.sunbid.signing.tender.SubmissionManifest;
import org.sunbid.signing.tender.TenderPackage;

/**
 * A demo bidder's key and tender files, made through the same library calls as {@code bidtool package}, {@code sign},
 * {@code seal} and {@code manifest}: the package (bid form + tender PDF), its CMS signature with the bidder's key (content
 * attached), the signature sealed (AES-256-GCM) to the lot's opening certificate and the bidder's own, and the signed
 * submission manifest. The files stay under {@code <data-dir>/demo-tender/<bidder>/} for anyone to inspect with bidtool.
 */
public final class DemoBidderFiles {

    /** The demo bidder's PKCS#12 in the demo CA's folder, issued by the demo root. */
    public static final String KEY_PREFIX = "demo-bidder-";

    private DemoBidderFiles() {
    }

    /** What one bidder uploads. */
    public record SealedTender(Path sealed, String sha256, long size, String manifestBase64) {
    }

    /** Loads the bidder's demo key, or issues one under the demo root and keeps it beside the custodians' keys. */
    public static SigningKey bidderKey(Path caDirectory, java.util.function.Supplier<DemoCa> demoCa, char[] password,
            String username, String company) {
        Path file = caDirectory.resolve(KEY_PREFIX + username + ".p12");
        if (Files.exists(file)) {
            return Pkcs12.read(file, password);
        }
        DemoCa ca = demoCa.get();
        SigningKey key = ca.issueMember("CN=" + company + ",O=" + company + ",C=CN", Certificates.KeyAlgorithm.EC_P256);
        Pkcs12.write(file, key, "key", password);
        return key;
    }

    /** The member's demo key ({@link #bidderKey}), bound to the member by the centre unless it already is. */
    public static SigningKey boundKey(org.sunbid.platform.PlatformProperties platform,
            java.util.function.Supplier<DemoCa> demoCa, org.sunbid.member.CertificateBinding members,
            org.sunbid.identity.CurrentUser staff, String username, String company, java.util.UUID member) {
        SigningKey key = bidderKey(platform.caDirectory(), demoCa, platform.keys().passphrase().toCharArray(), username,
                company);
        String fingerprint = Certificates.fingerprint(key.certificate());
        boolean bound = members.certificates(org.sunbid.platform.id.MemberId.of(member)).stream()
                .anyMatch(c -> c.fingerprint().equalsIgnoreCase(fingerprint) && c.revokedAt() == null);
        if (!bound) {
            members.bindCertificate(org.sunbid.platform.id.MemberId.of(member), Certificates.toPem(key.certificate()), staff.account());
        }
        return key;
    }

    /** A made-up but stable machine fingerprint per demo bidder, so the supervision alerts see distinct machines. */
    public static Map<String, Object> fingerprint(int number, String username) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("mac", List.of("02:5d:0b:00:00:%02x".formatted(number)));
        f.put("cpu", "Sunbid demo machine of " + username);
        f.put("disk", List.of("DEMO-DISK-" + username.toUpperCase()));
        f.put("os", "demo");
        return f;
    }

    /** Writes the tender PDF, package, signature, sealed file and manifest; returns what to upload. */
    public static SealedTender make(Path folder, SigningKey bidder, X509Certificate openingCertificate, BidForm form,
            String bidderName, String transactionCode, String projectName, String lotName) throws IOException {
        Files.createDirectories(folder);
        Path pdf = folder.resolve("投标函.pdf");
        DocumentSpec letter = new DocumentSpec("投标函", projectName, transactionCode, null, List.of(
                new DocumentSpec.Fields(List.of(new DocumentSpec.Field("投标人", bidderName),
                        new DocumentSpec.Field("标段", lotName),
                        new DocumentSpec.Field("投标报价（元）", "%,.2f".formatted(form.price())),
                        new DocumentSpec.Field("工期", form.duration()),
                        new DocumentSpec.Field("质量", form.quality()),
                        new DocumentSpec.Field("项目经理", form.projectManager()))),
                new DocumentSpec.Paragraph("我方已仔细研究招标文件，愿按上述报价、工期和质量承诺承担本标段施工，并对所递交投标文件的真实性负责。"
                        + "（演示数据：本投标函由阳光招采演示程序代演示投标人生成。）")));
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRenderer.render(letter, out);
        }
        Path pkg = folder.resolve("package.zip");
        TenderPackage.write(form, List.of(pdf), pkg);                                  // bidtool package
        Path signed = folder.resolve("package.zip.p7s");
        new CmsSigner(bidder).sign(pkg, signed, false);                                // bidtool sign
        Path sealed = folder.resolve("tender.sealed");
        Sealer.seal(signed, sealed, List.of(openingCertificate, bidder.certificate()), // bidtool seal
                ContentCipher.AES_256_GCM);
        String manifest = SubmissionManifest.sign(form.lot(), sealed, bidder, Instant.now(), form.fingerprint()); // bidtool manifest
        return new SealedTender(sealed, HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(sealed)),
                Files.size(sealed), manifest);
    }

    /** Price of the demo bidder {@code number} (1-based): a few per cent under the lot estimate, all different. */
    public static BigDecimal price(BigDecimal estimate, int number) {
        return estimate.multiply(new BigDecimal("0.985").subtract(new BigDecimal("0.0137").multiply(BigDecimal.valueOf(number))))
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
