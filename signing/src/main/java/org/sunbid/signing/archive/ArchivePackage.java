package org.sunbid.signing.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.internal.Json;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.TimestampSource;

/**
 * Writes a project's archive package as a ZIP that anyone can check offline: every document, a JSON manifest (path,
 * SHA-256, size, kind, time) signed by the platform as detached CMS ({@code manifest.json.p7s}) and timestamped by
 * RFC 3161 ({@code manifest.json.tsr}), a {@code SHA256SUMS} file for {@code sha256sum -c}, the certificates needed
 * to check them, and a {@code VERIFY.txt} explaining how.
 */
public final class ArchivePackage {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.json.p7s";
    static final String TIMESTAMP = "manifest.json.tsr";
    static final String SUMS = "SHA256SUMS";
    static final String VERIFY = "VERIFY.txt";
    static final String CA = "certs/ca.pem";
    static final String SIGNER = "certs/signer.pem";
    static final String TSA = "certs/tsa.pem";
    static final Set<String> RESERVED = Set.of(MANIFEST, SIGNATURE, TIMESTAMP, SUMS, VERIFY, CA, SIGNER, TSA);

    private ArchivePackage() {
    }

    /**
     * The platform's signing identity for packages.
     *
     * @param chain signer certificate first, then intermediates, the root last
     * @param tsaCertificate the TSA's certificate, written for {@code openssl ts -verify -untrusted}
     */
    public record Signer(SigningKey key, X509Certificate tsaCertificate, TimestampSource timestamps) {
        List<X509Certificate> chain() {
            return key.chain();
        }
    }

    /** What went into a package: the manifest's own hash and each entry's. */
    public record Written(String manifestSha256, Map<String, String> sha256ByPath, long documents) {
    }

    /**
     * Streams the package to {@code out} (not closed). Documents are hashed while they are copied, so memory stays
     * constant whatever their size.
     */
    public static Written write(String projectCode, String title, List<ArchiveEntry> entries, Instant createdAt,
            Signer signer, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Map<String, Object>> files = new ArrayList<>();
        Map<String, String> sums = new LinkedHashMap<>();
        for (ArchiveEntry entry : entries) {
            if (sums.containsKey(entry.path())) {
                throw new IllegalArgumentException("duplicate archive path " + entry.path());
            }
            zip.putNextEntry(new ZipEntry(entry.path()));
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = entry.content().open()) {
                CountingStream counting = new CountingStream(new DigestOutputStream(new NonClosing(zip), digest));
                in.transferTo(counting);
                size = counting.count;
            }
            zip.closeEntry();
            String hex = HexFormat.of().formatHex(digest.digest());
            sums.put(entry.path(), hex);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", entry.path());
            file.put("sha256", hex);
            file.put("size", size);
            file.put("kind", entry.kind());
            file.put("time", entry.time().toString());
            files.add(file);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "sunbid-archive/1");
        manifest.put("project", projectCode);
        manifest.put("title", title);
        manifest.put("createdAt", createdAt.toString());
        manifest.put("signer", signer.chain().get(0).getSubjectX500Principal().getName());
        manifest.put("files", files);
        byte[] manifestBytes = (Json.write(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] manifestHash = sha256().digest(manifestBytes);
        put(zip, MANIFEST, manifestBytes);
        put(zip, SIGNATURE, sign(manifestBytes, signer));
        put(zip, TIMESTAMP, signer.timestamps().timestamp(manifestHash));
        StringBuilder sumsText = new StringBuilder();
        sums.forEach((path, hex) -> sumsText.append(hex).append("  ").append(path).append('\n'));
        sumsText.append(HexFormat.of().formatHex(manifestHash)).append("  ").append(MANIFEST).append('\n');
        put(zip, SUMS, sumsText.toString().getBytes(StandardCharsets.UTF_8));
        X509Certificate root = signer.chain().get(signer.chain().size() - 1);
        put(zip, CA, Certificates.toPem(root).getBytes(StandardCharsets.US_ASCII));
        StringBuilder signerPem = new StringBuilder();
        for (X509Certificate c : signer.chain().subList(0, Math.max(1, signer.chain().size() - 1))) {
            signerPem.append(Certificates.toPem(c));
        }
        put(zip, SIGNER, signerPem.toString().getBytes(StandardCharsets.US_ASCII));
        put(zip, TSA, Certificates.toPem(signer.tsaCertificate()).getBytes(StandardCharsets.US_ASCII));
        put(zip, VERIFY, verifyText(projectCode).getBytes(StandardCharsets.UTF_8));
        zip.finish();
        return new Written(HexFormat.of().formatHex(manifestHash), Map.copyOf(sums), entries.size());
    }

    static String verifyText(String projectCode) {
        return """
                阳光招采 Sunbid 归档包 Archive package — %s

                本归档包可离线验证，无需信任平台。This package can be checked offline without trusting the platform.

                1. 用 bidtool 一步验证 / With bidtool, in one step:

                     bidtool archive-verify package.zip

                2. 或者只用 openssl 和 sha256sum / Or with plain openssl and sha256sum (unzip the package first):

                     unzip package.zip -d package && cd package
                     # the platform's signature over the manifest (签名)
                     openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json \\
                         -CAfile certs/ca.pem -purpose any -out /dev/null
                     # the RFC 3161 timestamp over the manifest (时间戳)
                     openssl ts -verify -token_in -data manifest.json -in manifest.json.tsr -CAfile certs/ca.pem \\
                         -untrusted certs/tsa.pem
                     # every document against the manifest's hashes (文件完整性)
                     sha256sum -c SHA256SUMS

                   SHA256SUMS lists the same SHA-256 values as manifest.json, and its own last line is the manifest's
                   hash, so a changed or missing document fails the last command, and a changed manifest fails the
                   first two. Compare certs/ca.pem with the root certificate the trading centre publishes.
                """.formatted(projectCode);
    }

    private static byte[] sign(byte[] content, Signer signer) throws IOException {
        try {
            X509Certificate certificate = signer.chain().get(0);
            String algorithm = switch (Certificates.algorithmOf(certificate)) {
                case RSA -> "SHA256withRSA";
                case EC_P256 -> "SHA256withECDSA";
                case SM2 -> "SM3withSM2";
            };
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
            if (algorithm.startsWith("SM3")) {
                builder.setProvider(Certificates.provider());
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(builder.build(signer.key().privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(signer.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign the manifest: " + e.getMessage(), e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        new ByteArrayInputStream(bytes).transferTo(zip);
        zip.closeEntry();
    }

    static MessageDigest sha256() {
        return org.sunbid.signing.DigestAlgorithm.SHA256.newDigest();
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the ZIP stays open for the next entry
        }
    }

}
