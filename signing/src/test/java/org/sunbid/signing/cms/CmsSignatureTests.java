package org.sunbid.signing.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.cms.SignatureCheck.Failure;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.support.Fixtures;
import org.sunbid.signing.support.OpenSsl;
import org.sunbid.signing.support.Pem;

class CmsSignatureTests {

    @TempDir
    Path dir;

    static DemoCa ca;
    static SigningKey rsa;
    static SigningKey ec;
    static SigningKey sm2;

    @BeforeAll
    static void keys() {
        ca = Fixtures.demoCa();
        rsa = ca.issueMember("CN=RSA Bidder,O=Test", KeyAlgorithm.RSA);
        ec = ca.issueMember("CN=EC Bidder,O=Test", KeyAlgorithm.EC_P256);
        sm2 = ca.issueMember("CN=SM2 Bidder,O=Test", KeyAlgorithm.SM2);
    }

    private SigningKey keyFor(SignatureScheme scheme) {
        return switch (scheme.keyAlgorithm()) {
            case RSA -> rsa;
            case EC_P256 -> ec;
            case SM2 -> sm2;
        };
    }

    private VerifyOptions trustRoot() {
        return VerifyOptions.trusting(List.of(ca.root().certificate()));
    }

    private Path content() throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        return Files.write(dir.resolve("tender.bin"), data);
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = { "RSA_PKCS1_SHA256", "RSA_PSS_SHA256", "ECDSA_P256_SHA256" })
    void opensslVerifiesOurAttachedAndDetachedSignatures(SignatureScheme scheme) throws Exception {
        Path content = content();
        Files.writeString(dir.resolve("root.pem"), Certificates.toPem(ca.root().certificate()));
        CmsSigner signer = new CmsSigner(keyFor(scheme), scheme, Clock.systemUTC());
        signer.sign(content, dir.resolve("attached.p7s"), false);
        signer.sign(content, dir.resolve("detached.p7s"), true);

        OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "attached.p7s", "-CAfile", "root.pem", "-out",
                "attached.out").ok();
        assertThat(Files.readAllBytes(dir.resolve("attached.out"))).isEqualTo(Files.readAllBytes(content));
        OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "detached.p7s", "-content", "tender.bin",
                "-CAfile", "root.pem", "-out", "/dev/null").ok();
        // And openssl refuses our detached signature over other content.
        Files.writeString(dir.resolve("other.bin"), "other");
        assertThat(OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "detached.p7s", "-content",
                "other.bin", "-CAfile", "root.pem", "-out", "/dev/null").exitCode()).isNotZero();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = { "RSA_PKCS1_SHA256", "RSA_PSS_SHA256", "ECDSA_P256_SHA256" })
    void verifiesSignaturesMadeByOpenssl(SignatureScheme scheme) throws Exception {
        Path content = content();
        Pem.write(dir, "signer", keyFor(scheme));
        List<String> common = List.of("cms", "-sign", "-binary", "-md", "sha256", "-in", "tender.bin", "-signer", "signer.pem",
                "-inkey", "signer.key", "-outform", "DER");
        List<String> pss = scheme == SignatureScheme.RSA_PSS_SHA256 ? List.of("-keyopt", "rsa_padding_mode:pss") : List.of();
        run(common, pss, List.of("-out", "detached.p7s"));
        run(common, pss, List.of("-nodetach", "-out", "attached.p7s"));
        String expectedSha = HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(content));

        SignatureCheck detached = CmsVerifier.verify(dir.resolve("detached.p7s"), content, trustRoot());
        SignatureCheck attached = CmsVerifier.verify(dir.resolve("attached.p7s"), null, trustRoot());

        for (SignatureCheck check : List.of(detached, attached)) {
            assertThat(check).isInstanceOf(SignatureCheck.Valid.class);
            SignatureCheck.Valid valid = (SignatureCheck.Valid) check;
            assertThat(valid.signer()).isEqualTo(keyFor(scheme).certificate());
            assertThat(valid.contentSha256Hex()).isEqualTo(expectedSha);
            assertThat(valid.scheme()).isEqualTo(scheme);
            assertThat(valid.trusted()).isTrue();
            assertThat(valid.signingTime()).isNotNull();
        }
    }

    private void run(List<String> a, List<String> b, List<String> c) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        OpenSsl.run(dir, all.toArray(String[]::new)).ok();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void roundTripsEverySchemeAndStreamsAttachedContentToTheCaller(SignatureScheme scheme) {
        byte[] content = "投标文件 tender content".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.now().minusSeconds(60);
        CmsSigner signer = new CmsSigner(keyFor(scheme), scheme, Clock.fixed(at, ZoneOffset.UTC));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        SignatureCheck check = CmsVerifier.verify(new java.io.ByteArrayInputStream(signer.sign(content, false)), null, sink,
                trustRoot());

        assertThat(check).isInstanceOf(SignatureCheck.Valid.class);
        assertThat(((SignatureCheck.Valid) check).signingTime()).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(((SignatureCheck.Valid) check).scheme()).isEqualTo(scheme);
        assertThat(sink.toByteArray()).isEqualTo(content);
        assertThat(CmsVerifier.verify(signer.sign(content, true), content, trustRoot()).isValid()).isTrue();
    }

    @Test
    void namesContentMismatchUntrustedSignerExpiredCertificateAndMalformedInput() {
        byte[] content = "bid".getBytes(StandardCharsets.UTF_8);
        byte[] detached = new CmsSigner(ec).sign(content, true);

        assertThat(failure(CmsVerifier.verify(detached, "other".getBytes(), trustRoot()))).isEqualTo(Failure.CONTENT_MISMATCH);
        assertThat(failure(CmsVerifier.verify(detached, content, VerifyOptions.trusting(List.of(Fixtures.otherCa().root().certificate())))))
                .isEqualTo(Failure.UNKNOWN_OR_UNTRUSTED_SIGNER);
        assertThat(failure(CmsVerifier.verify(detached, content, VerifyOptions.expecting(rsa.certificate()))))
                .isEqualTo(Failure.UNKNOWN_OR_UNTRUSTED_SIGNER);
        assertThat(failure(CmsVerifier.verify(detached, null, trustRoot()))).isEqualTo(Failure.MALFORMED);
        assertThat(failure(CmsVerifier.verify(new byte[] { 0x30, (byte) 0x80, 1 }, content, trustRoot()))).isEqualTo(Failure.MALFORMED);
        assertThat(failure(CmsVerifier.verify(new byte[0], content, trustRoot()))).isEqualTo(Failure.MALFORMED);
        assertThat(CmsVerifier.verify(detached, content, VerifyOptions.signatureOnly()))
                .isInstanceOfSatisfying(SignatureCheck.Valid.class, v -> assertThat(v.trusted()).isFalse());

        Instant afterExpiry = ec.certificate().getNotAfter().toInstant().plusSeconds(3600);
        byte[] late = new CmsSigner(ec, SignatureScheme.ECDSA_P256_SHA256, Clock.fixed(afterExpiry, ZoneOffset.UTC)).sign(content, true);
        assertThat(failure(CmsVerifier.verify(late, content, trustRoot()))).isEqualTo(Failure.CERT_EXPIRED_AT_SIGNING);
    }

    @Test
    void oneReadIsCheckedUnderEachCandidateInTurnAndTheContentIsStreamedOnce() {
        byte[] content = new byte[200_000];
        new Random(9).nextBytes(content);
        byte[] attached = new CmsSigner(ec).sign(content, false);
        int[] reads = { 0 };
        java.io.InputStream counted = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(attached)) {
            @Override
            public int read() throws java.io.IOException {
                int b = super.read();
                reads[0] += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                reads[0] += Math.max(n, 0);
                return n;
            }

            @Override
            public long skip(long n) throws java.io.IOException {
                long skipped = super.skip(n);
                reads[0] += skipped;
                return skipped;
            }
        };
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        List<SignatureCheck> checks = CmsVerifier.verifyEach(counted, null, sink, List.of(
                VerifyOptions.expecting(rsa.certificate()), VerifyOptions.expecting(ec.certificate()), trustRoot()));

        assertThat(failure(checks.get(0))).isEqualTo(Failure.UNKNOWN_OR_UNTRUSTED_SIGNER);
        assertThat(checks.get(1)).isInstanceOfSatisfying(SignatureCheck.Valid.class, v -> assertThat(v.trusted()).isTrue());
        assertThat(checks.get(2).isValid()).isTrue();
        assertThat(sink.toByteArray()).as("the content reaches the sink once").isEqualTo(content);
        assertThat(reads[0]).as("the signature is read once, not once per candidate")
                .isGreaterThan(content.length).isLessThanOrEqualTo(attached.length);

        byte[] altered = attached.clone();
        altered[attached.length / 2] ^= 1;
        assertThat(CmsVerifier.verifyEach(new java.io.ByteArrayInputStream(altered), null, null,
                List.of(VerifyOptions.expecting(ec.certificate()), trustRoot())))
                .allSatisfy(c -> assertThat(failure(c)).isEqualTo(Failure.CONTENT_MISMATCH));
    }

    @Test
    void namesABadSignatureValueAndAnUnsupportedDigest() throws Exception {
        Path content = content();
        Pem.write(dir, "signer", ec);
        OpenSsl.run(dir, "cms", "-sign", "-binary", "-md", "sha256", "-in", "tender.bin", "-signer", "signer.pem", "-inkey",
                "signer.key", "-outform", "DER", "-out", "good.p7s").ok();
        byte[] good = Files.readAllBytes(dir.resolve("good.p7s"));
        byte[] tampered = good.clone();
        tampered[tampered.length - 2] ^= 0x01; // inside the ECDSA signature's last INTEGER
        assertThat(failure(CmsVerifier.verify(tampered, Files.readAllBytes(content), trustRoot()))).isEqualTo(Failure.BAD_SIGNATURE);

        OpenSsl.run(dir, "cms", "-sign", "-binary", "-md", "sha1", "-in", "tender.bin", "-signer", "signer.pem", "-inkey",
                "signer.key", "-outform", "DER", "-out", "sha1.p7s").ok();
        assertThat(failure(CmsVerifier.verify(Files.readAllBytes(dir.resolve("sha1.p7s")), Files.readAllBytes(content), trustRoot())))
                .isEqualTo(Failure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesASchemeThatDoesNotFitTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new CmsSigner(ec, SignatureScheme.SM2_SM3, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Failure failure(SignatureCheck check) {
        assertThat(check).isInstanceOf(SignatureCheck.Invalid.class);
        return ((SignatureCheck.Invalid) check).failure();
    }
}
