package org.sunbid.signing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.KeyFileException;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.merkle.AppendOnlyMerkleTree;
import org.sunbid.signing.merkle.ConsistencyProof;
import org.sunbid.signing.merkle.InclusionProof;
import org.sunbid.signing.merkle.ProofFormatException;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.support.Fixtures;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ShareException;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.signing.timestamp.TimeStampAuthority;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampRequests;
import org.sunbid.signing.timestamp.TimestampVerifier;

/**
 * A bounded mutation fuzz of every parser: thousands of mutated inputs each, and nothing may come out but the typed
 * outcome or typed exception of that parser, within a time bound. Seeds are fixed so a failure reproduces.
 */
class BadInputFuzzTests {

    private static final int ROUNDS = 2000;
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    static DemoCa ca;
    static SigningKey ec;
    static List<X509Certificate> trust;

    @BeforeAll
    static void keys() {
        ca = Fixtures.demoCa();
        ec = ca.issueMember("CN=Fuzz Bidder", KeyAlgorithm.EC_P256);
        trust = List.of(ca.root().certificate());
    }

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(7)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(4); i < n && b.length > 0; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                byte[] specials = { 0x00, (byte) 0xFF, (byte) 0x80, 0x7F, (byte) 0x84, 0x30, 0x04 };
                for (int i = 0, n = 1 + r.nextInt(3); i < n && b.length > 0; i++) {
                    b[r.nextInt(b.length)] = r.nextBoolean() ? specials[r.nextInt(specials.length)] : (byte) r.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            case 3 -> {
                int at = b.length == 0 ? 0 : r.nextInt(b.length);
                byte[] extra = new byte[1 + r.nextInt(16)];
                r.nextBytes(extra);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            case 4 -> {
                if (b.length > 2) {
                    int from = r.nextInt(b.length - 1);
                    int to = from + 1 + r.nextInt(Math.min(64, b.length - from - 1) + 1);
                    byte[] out = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, to, out, from, b.length - to);
                    b = out;
                }
            }
            case 5 -> {
                if (b.length > 2) {
                    int from = r.nextInt(b.length - 1);
                    int len = 1 + r.nextInt(Math.min(64, b.length - from));
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, from + len);
                    System.arraycopy(b, from, out, from + len, b.length - from);
                    b = out;
                }
            }
            default -> {
                b = new byte[r.nextInt(Math.max(1, in.length * 2))];
                r.nextBytes(b);
            }
        }
        return b;
    }

    private static void fuzz(byte[] sample, long seed, Consumer<byte[]> parser) {
        assertTimeoutPreemptively(BOUND, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < ROUNDS; i++) {
                byte[] input = mutate(sample, r);
                try {
                    parser.accept(input);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("round " + i + " (seed " + seed + "): untyped " + e, e);
                }
            }
        });
    }

    @Test
    void cmsSignaturesYieldOnlyTypedOutcomes() {
        byte[] content = "fuzzed tender".getBytes(StandardCharsets.UTF_8);
        byte[] attached = new CmsSigner(ec).sign(content, false);
        byte[] detached = new CmsSigner(ec).sign(content, true);
        int[] valid = { 0 };
        fuzz(attached, 1, in -> {
            SignatureCheck c = CmsVerifier.verify(in, null, VerifyOptions.trusting(trust));
            assertThat(c).isNotNull();
            if (c.isValid()) {
                valid[0]++;
            }
        });
        fuzz(detached, 2, in -> assertThat(CmsVerifier.verify(in, content, VerifyOptions.trusting(trust))).isNotNull());
        // A signature over other content, and 0-byte input, are named.
        assertThat(CmsVerifier.verify(detached, "other".getBytes(), VerifyOptions.trusting(trust)))
                .isInstanceOfSatisfying(SignatureCheck.Invalid.class,
                        i -> assertThat(i.failure()).isEqualTo(SignatureCheck.Failure.CONTENT_MISMATCH));
        assertThat(CmsVerifier.verify(new byte[0], content, VerifyOptions.trusting(trust)).isValid()).isFalse();
    }

    @Test
    void sealedFilesYieldOnlyTypedOutcomesAndNeverAnOutputFileUnlessOpened() throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        byte[] content = new byte[3000];
        new Random(9).nextBytes(content);
        Sealer.seal(new ByteArrayInputStream(content), sealed, List.of(ec.certificate()), ContentCipher.AES_256_GCM);
        ByteArrayOutputStream cbc = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(content), cbc, List.of(ec.certificate()), ContentCipher.AES_256_CBC);

        fuzz(sealed.toByteArray(), 3, in -> {
            OpenResult result = Opener.openUnverifiedInto(new ByteArrayInputStream(in), ec, new ByteArrayOutputStream());
            assertThat(result).isNotNull();
        });
        fuzz(cbc.toByteArray(), 4, in -> assertThat(Opener.openUnverifiedInto(new ByteArrayInputStream(in), ec,
                new ByteArrayOutputStream())).isNotNull());

        // Through files: an output appears only for results that opened, and then it is the original content (GCM).
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            Path out = dir.resolve("out-" + i);
            OpenResult result = Opener.open(new ByteArrayInputStream(mutate(sealed.toByteArray(), r)), ec, out);
            if (result.isOpened()) {
                assertThat(Files.readAllBytes(out)).isEqualTo(content);
            } else {
                assertThat(out).doesNotExist();
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void timestampTokensAndRequestsYieldOnlyTypedOutcomes() {
        TimeStampAuthority tsa = new TimeStampAuthority(ca.timeStampingAuthority(), Clock.systemUTC());
        byte[] digest = DigestAlgorithm.SHA256.digest(new byte[] { 7 });
        byte[] token = tsa.stamp(DigestAlgorithm.SHA256, digest).token();
        byte[] reply = tsa.respond(TimestampRequests.create(DigestAlgorithm.SHA256, digest));
        fuzz(token, 6, in -> assertThat(TimestampVerifier.verify(in, digest, trust)).isNotNull());
        fuzz(reply, 7, in -> assertThat(TimestampVerifier.verify(in, digest, trust)).isNotNull());
        byte[] request = TimestampRequests.create(DigestAlgorithm.SHA256, digest);
        fuzz(request, 8, in -> {
            TimestampCheck answer = TimestampVerifier.verify(tsa.respond(in), null, trust);
            assertThat(answer).isNotNull();
        });
    }

    @Test
    void proofJsonYieldsOnlyProofsOrProofFormatErrors() {
        AppendOnlyMerkleTree tree = new AppendOnlyMerkleTree();
        for (int i = 0; i < 100; i++) {
            tree.append(new byte[] { (byte) i });
        }
        byte[] inclusion = tree.inclusionProof(42, 77).toJson().getBytes(StandardCharsets.UTF_8);
        byte[] consistency = tree.consistencyProof(33, 100).toJson().getBytes(StandardCharsets.UTF_8);
        fuzz(inclusion, 9, in -> {
            try {
                InclusionProof.fromJson(new String(in, StandardCharsets.UTF_8)).verify();
            } catch (ProofFormatException expected) {
                // typed
            }
        });
        fuzz(consistency, 10, in -> {
            try {
                ConsistencyProof.fromJson(new String(in, StandardCharsets.UTF_8)).verify();
            } catch (ProofFormatException expected) {
                // typed
            }
        });
        // A proof for another tree does not verify against this tree's head.
        assertThat(tree.inclusionProof(42, 77).verify(tree.leafHash(42), tree.treeHead())).isFalse();
    }

    @Test
    void certificatesYieldOnlyCertificatesOrInvalidCertificateErrors() throws Exception {
        byte[] der = ec.certificate().getEncoded();
        fuzz(der, 11, in -> {
            try {
                Certificates.parse(in);
            } catch (Certificates.InvalidCertificateException expected) {
                // typed
            }
        });
        fuzz(Certificates.toPem(ec.certificate()).getBytes(StandardCharsets.US_ASCII), 12, in -> {
            try {
                Certificates.parse(in);
            } catch (Certificates.InvalidCertificateException expected) {
                // typed
            }
        });
    }

    @Test
    void sharesYieldTheRightSecretOrANamedShareErrorNeverAWrongKey() {
        byte[] secret = "the opening key".getBytes(StandardCharsets.UTF_8);
        List<Share> shares = ThresholdKeys.split(secret, 2, 3);
        byte[] json = shares.get(1).toJson().getBytes(StandardCharsets.UTF_8);
        fuzz(json, 13, in -> {
            try {
                Share mutated = Share.fromJson(new String(in, StandardCharsets.UTF_8));
                byte[] rebuilt = ThresholdKeys.combine(List.of(shares.get(0), mutated));
                assertThat(rebuilt).isEqualTo(secret);
            } catch (ShareException expected) {
                // typed and named
            }
        });
    }

    @Test
    void keyFilesYieldAKeyOrAKeyFileErrorAndAbsurdIterationCountsFailFast() {
        SigningKey key = ca.issueMember("CN=P12 Fuzz", KeyAlgorithm.EC_P256);
        byte[] p12 = Pkcs12.encode(key, "key", "pw".toCharArray());
        assertTimeoutPreemptively(BOUND, () -> {
            Random r = new Random(14);
            for (int i = 0; i < 300; i++) { // PBKDF2 makes each attempt cost ~10 ms: fewer rounds
                byte[] in = mutate(p12, r);
                try {
                    Pkcs12.read(in, "pw".toCharArray());
                } catch (KeyFileException expected) {
                    // typed
                }
            }
        });
    }
}
