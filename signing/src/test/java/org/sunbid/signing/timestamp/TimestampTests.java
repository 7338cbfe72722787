package org.sunbid.signing.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.support.Fixtures;
import org.sunbid.signing.support.OpenSsl;

class TimestampTests {

    @TempDir
    Path dir;

    private final DemoCa ca = Fixtures.demoCa();
    private final TimeStampAuthority tsa = new TimeStampAuthority(ca.timeStampingAuthority(), Clock.systemUTC());
    private final List<X509Certificate> trust = List.of(ca.root().certificate());

    @Test
    void answersAnOpensslQueryWithAReplyThatOpensslVerifies() throws Exception {
        Path data = Files.writeString(dir.resolve("tender.txt"), "sealed tender bytes");
        Files.writeString(dir.resolve("root.pem"), Certificates.toPem(ca.root().certificate()));
        OpenSsl.run(dir, "ts", "-query", "-data", "tender.txt", "-sha256", "-cert", "-out", "req.tsq").ok();

        Files.write(dir.resolve("resp.tsr"), tsa.respond(Files.readAllBytes(dir.resolve("req.tsq"))));

        assertThat(OpenSsl.run(dir, "ts", "-reply", "-in", "resp.tsr", "-text").ok().output()).contains("Status: Granted");
        assertThat(OpenSsl.run(dir, "ts", "-verify", "-in", "resp.tsr", "-data", "tender.txt", "-CAfile", "root.pem").ok()
                .output()).contains("Verification: OK");
        assertThat(OpenSsl.run(dir, "ts", "-verify", "-in", "resp.tsr", "-queryfile", "req.tsq", "-CAfile", "root.pem").ok()
                .output()).contains("Verification: OK");
        // Another file's digest is refused by openssl too.
        Files.writeString(dir.resolve("other.txt"), "other bytes");
        assertThat(OpenSsl.run(dir, "ts", "-verify", "-in", "resp.tsr", "-data", "other.txt", "-CAfile", "root.pem").exitCode())
                .isNotZero();
    }

    @Test
    void stampsADigestAndVerifiesItsOwnTokenAgainstTheRoot() {
        byte[] digest = DigestAlgorithm.SHA256.digest("bid".getBytes(StandardCharsets.UTF_8));
        Timestamp stamp = tsa.stamp(DigestAlgorithm.SHA256, digest);

        TimestampCheck check = TimestampVerifier.verify(stamp.token(), digest, trust);

        assertThat(check).isInstanceOf(TimestampCheck.Valid.class);
        Timestamp verified = ((TimestampCheck.Valid) check).timestamp();
        assertThat(verified.digest()).isEqualTo(digest);
        assertThat(verified.time()).isEqualTo(stamp.time());
        assertThat(verified.serialNumber()).isEqualTo(stamp.serialNumber());
        assertThat(verified.authority()).isEqualTo(ca.timeStampingAuthority().certificate());
    }

    @Test
    void stampsCorrectlyFromManyThreadsAtOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] digest = DigestAlgorithm.SHA256.digest(("bid " + i).getBytes(StandardCharsets.UTF_8));
                results.add(pool.submit(() -> TimestampVerifier.verify(tsa.stamp(DigestAlgorithm.SHA256, digest).token(), digest,
                        trust).isValid()));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void usesTheInjectedClockForTheStampedTime() {
        Instant fixed = Instant.parse("2026-03-01T08:00:00Z");
        TimeStampAuthority fixedTsa = new TimeStampAuthority(ca.timeStampingAuthority(), Clock.fixed(fixed, ZoneOffset.UTC));
        assertThat(fixedTsa.stamp(DigestAlgorithm.SHA256, new byte[32]).time()).isEqualTo(fixed);
    }

    @Test
    void namesTheFailureForAnotherDigestAnUntrustedRootATamperedTokenAndGarbage() {
        byte[] digest = DigestAlgorithm.SHA256.digest(new byte[] { 1 });
        byte[] token = tsa.stamp(DigestAlgorithm.SHA256, digest).token();

        assertThat(failure(TimestampVerifier.verify(token, new byte[32], trust))).isEqualTo(TimestampCheck.Failure.IMPRINT_MISMATCH);
        assertThat(failure(TimestampVerifier.verify(token, digest, List.of(Fixtures.otherCa().root().certificate()))))
                .isEqualTo(TimestampCheck.Failure.UNTRUSTED_AUTHORITY);
        assertThat(failure(TimestampVerifier.verify(token, digest, List.of()))).isEqualTo(TimestampCheck.Failure.UNTRUSTED_AUTHORITY);
        assertThat(failure(TimestampVerifier.verify(new byte[] { 0x30, 0x03, 1, 2, 3 }, digest, trust)))
                .isEqualTo(TimestampCheck.Failure.MALFORMED);
        assertThat(failure(TimestampVerifier.verify(new byte[0], digest, trust))).isEqualTo(TimestampCheck.Failure.MALFORMED);

        // Flip one bit in the signature value (the token's last bytes): the signature no longer verifies.
        byte[] tampered = token.clone();
        tampered[tampered.length - 5] ^= 0x01;
        assertThat(TimestampVerifier.verify(tampered, digest, trust).isValid()).isFalse();
    }

    @Test
    void answersMalformedAndUnacceptedRequestsWithARejectionNotAnException() throws Exception {
        byte[] rejected = tsa.respond(new byte[] { 1, 2, 3 });
        assertThat(failure(TimestampVerifier.verify(rejected, null, trust))).isEqualTo(TimestampCheck.Failure.REJECTED);

        Files.writeString(dir.resolve("d.txt"), "x");
        OpenSsl.run(dir, "ts", "-query", "-data", "d.txt", "-sha1", "-cert", "-out", "sha1.tsq").ok();
        byte[] sha1Reply = tsa.respond(Files.readAllBytes(dir.resolve("sha1.tsq")));
        assertThat(failure(TimestampVerifier.verify(sha1Reply, null, trust))).isEqualTo(TimestampCheck.Failure.REJECTED);
    }

    @Test
    void refusesToActAsTsaWithACertificateLackingTheTimeStampingUsage() {
        assertThatThrownBy(() -> new TimeStampAuthority(ca.documentSigner(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifiesAThirdPartyTokenMadeByOpensslsOwnTsa() throws Exception {
        Files.writeString(dir.resolve("ext.cnf"), "extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n");
        Files.writeString(dir.resolve("tsa.cnf"), """
                [ tsa ]
                default_tsa = t
                [ t ]
                dir = .
                serial = ./serial
                crypto_device = builtin
                signer_cert = ./tsa.crt
                certs = ./ca.crt
                signer_key = ./tsa.key
                signer_digest = sha256
                default_policy = 1.2.3.4.1
                digests = sha256
                accuracy = secs:1
                ordering = yes
                tsa_name = yes
                ess_cert_id_chain = no
                ess_cert_id_alg = sha256
                """);
        Files.writeString(dir.resolve("serial"), "01\n");
        OpenSsl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                "-out", "ca.crt", "-subj", "/CN=Third Party Root", "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign").ok();
        OpenSsl.run(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "tsa.key", "-out",
                "tsa.csr", "-subj", "/CN=Third Party TSA").ok();
        OpenSsl.run(dir, "x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "tsa.crt", "-days", "30", "-extfile", "ext.cnf").ok();
        Path data = Files.writeString(dir.resolve("data.txt"), "third party data");
        OpenSsl.run(dir, "ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-out", "q.tsq").ok();
        OpenSsl.run(dir, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", "q.tsq", "-out", "r.tsr").ok();

        X509Certificate thirdRoot = Certificates.parse(Files.readAllBytes(dir.resolve("ca.crt")));
        byte[] digest = DigestAlgorithm.SHA256.digest(data);
        TimestampCheck check = TimestampVerifier.verify(Files.readAllBytes(dir.resolve("r.tsr")), digest, List.of(thirdRoot));
        assertThat(check).isInstanceOf(TimestampCheck.Valid.class);
        assertThat(((TimestampCheck.Valid) check).timestamp().policy()).isEqualTo("1.2.3.4.1");
        assertThat(failure(TimestampVerifier.verify(Files.readAllBytes(dir.resolve("r.tsr")), digest, trust)))
                .isEqualTo(TimestampCheck.Failure.UNTRUSTED_AUTHORITY);
    }

    private static TimestampCheck.Failure failure(TimestampCheck check) {
        assertThat(check).isInstanceOf(TimestampCheck.Invalid.class);
        return ((TimestampCheck.Invalid) check).failure();
    }
}
