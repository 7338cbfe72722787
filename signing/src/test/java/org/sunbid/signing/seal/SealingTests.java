package org.sunbid.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.OpenResult.Failure;
import org.sunbid.signing.support.Fixtures;
import org.sunbid.signing.support.OpenSsl;
import org.sunbid.signing.support.Pem;

class SealingTests {

    @TempDir
    Path dir;

    static DemoCa ca;
    static SigningKey rsa;
    static SigningKey ec;
    static SigningKey ec2;
    static SigningKey sm2;
    static SigningKey outsider;

    @BeforeAll
    static void keys() {
        ca = Fixtures.demoCa();
        rsa = ca.issueMember("CN=RSA Recipient", KeyAlgorithm.RSA);
        ec = ca.issueMember("CN=EC Recipient", KeyAlgorithm.EC_P256);
        ec2 = ca.issueMember("CN=EC Recipient 2", KeyAlgorithm.EC_P256);
        sm2 = ca.issueMember("CN=SM2 Recipient", KeyAlgorithm.SM2);
        outsider = ca.issueMember("CN=Outsider", KeyAlgorithm.EC_P256);
    }

    private Path content(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(dir.resolve("tender.bin"), data);
    }

    @ParameterizedTest
    @EnumSource(value = ContentCipher.class, names = { "AES_256_GCM", "AES_256_CBC" })
    void everyRsaAndEcRecipientOpensWhatWeSealed(ContentCipher cipher) throws Exception {
        Path content = content(1_000_003);
        Sealer.seal(content, dir.resolve("f.sealed"), certs(rsa, ec, ec2), cipher);

        for (SigningKey key : List.of(rsa, ec, ec2)) {
            Path out = dir.resolve("opened-" + key.certificate().getSerialNumber());
            OpenResult result = Opener.open(dir.resolve("f.sealed"), key, out);
            assertThat(result).isInstanceOf(OpenResult.Opened.class);
            assertThat(((OpenResult.Opened) result).cipher()).isEqualTo(cipher);
            assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(content));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ContentCipher.class, names = { "AES_256_GCM", "AES_256_CBC" })
    void opensslOpensWhatWeSealedToRsaOaepAndEcdhRecipients(ContentCipher cipher) throws Exception {
        Path content = content(200_000);
        Sealer.seal(content, dir.resolve("f.sealed"), certs(rsa, ec), cipher);
        Pem.write(dir, "rsa", rsa);
        Pem.write(dir, "ec", ec);
        for (String who : List.of("rsa", "ec")) {
            OpenSsl.run(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "f.sealed", "-recip", who + ".pem", "-inkey",
                    who + ".key", "-out", who + ".out").ok();
            assertThat(Files.readAllBytes(dir.resolve(who + ".out"))).isEqualTo(Files.readAllBytes(content));
        }
    }

    @Test
    void opensWhatOpensslSealedWithGcmAndCbcToRsaV15RsaOaepAndEcRecipients() throws Exception {
        Path content = content(300_000);
        Pem.write(dir, "rsa", rsa);
        Pem.write(dir, "ec", ec);
        for (String cipher : List.of("-aes-256-gcm", "-aes256")) {
            // RSA PKCS#1 v1.5 (openssl's default) and P-256.
            OpenSsl.run(dir, "cms", "-encrypt", "-binary", cipher, "-in", "tender.bin", "-outform", "DER", "-out", "v15.sealed",
                    "rsa.pem", "ec.pem").ok();
            // RSA-OAEP.
            OpenSsl.run(dir, "cms", "-encrypt", "-binary", cipher, "-in", "tender.bin", "-outform", "DER", "-out", "oaep.sealed",
                    "-recip", "rsa.pem", "-keyopt", "rsa_padding_mode:oaep").ok();
            for (String file : List.of("v15.sealed", "oaep.sealed")) {
                Path out = dir.resolve(file + ".rsa.out");
                assertThat(Opener.open(dir.resolve(file), rsa, out).isOpened()).as(cipher + " " + file).isTrue();
                assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(content));
            }
            Path out = dir.resolve("ec.out");
            assertThat(Opener.open(dir.resolve("v15.sealed"), ec, out).isOpened()).as(cipher + " ec").isTrue();
            assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(content));
        }
    }

    @Test
    void sealsToSm2RecipientsWithSm4AndAesAndOpensWithinBouncyCastle() throws Exception {
        Path content = content(70_000);
        for (ContentCipher cipher : ContentCipher.values()) {
            Sealer.seal(content, dir.resolve("gm.sealed"), certs(sm2, ec), cipher);
            Path out = dir.resolve("gm.out");
            assertThat(Opener.open(dir.resolve("gm.sealed"), sm2, out)).isInstanceOf(OpenResult.Opened.class);
            assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(content));
        }
    }

    @Test
    void aScratchOpeningGivesTheSameContentAndRefusesTamperingAlike() throws Exception {
        Path content = content(300_000);
        Pem.write(dir, "ec", ec);
        OpenSsl.run(dir, "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", "tender.bin", "-outform", "DER", "-out",
                "scratch.sealed", "ec.pem").ok();
        Path out = dir.resolve("scratch.bin");
        try (var in = Files.newInputStream(dir.resolve("scratch.sealed"))) {
            assertThat(Opener.openScratch(in, ec, out).isOpened()).isTrue();
        }
        assertThat(Files.mismatch(out, content)).isEqualTo(-1);
        byte[] tampered = Files.readAllBytes(dir.resolve("scratch.sealed"));
        tampered[tampered.length - 1] ^= 0x01;
        Path never = dir.resolve("scratch-never.bin");
        assertThat(failure(Opener.openScratch(new ByteArrayInputStream(tampered), ec, never))).isEqualTo(Failure.TAMPERED);
        assertThat(never).doesNotExist();
    }

    @Test
    void aTamperedCiphertextOrTagLeavesNoOutputAndNamesTheTampering() throws Exception {
        Path content = content(500_000);
        Pem.write(dir, "ec", ec);
        OpenSsl.run(dir, "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", "tender.bin", "-outform", "DER", "-out",
                "gcm.sealed", "ec.pem").ok();
        byte[] good = Files.readAllBytes(dir.resolve("gcm.sealed"));

        byte[] body = good.clone();
        body[body.length / 2] ^= 0x40;
        byte[] tag = good.clone();
        tag[tag.length - 1] ^= 0x01;
        for (byte[] tampered : List.of(body, tag)) {
            Path out = dir.resolve("never.bin");
            OpenResult result = Opener.open(new ByteArrayInputStream(tampered), ec, out);
            assertThat(result).isInstanceOfSatisfying(OpenResult.Failed.class,
                    f -> assertThat(f.failure()).isEqualTo(Failure.TAMPERED));
            assertThat(out).doesNotExist();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
            }
        }
        // An existing output file is left as it was.
        Path existing = Files.writeString(dir.resolve("existing.bin"), "keep me");
        Opener.open(new ByteArrayInputStream(body), ec, existing);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void namesAnOutsiderTruncationGarbageAndAnEmptyFile() throws Exception {
        Path content = content(100_000);
        Sealer.seal(content, dir.resolve("f.sealed"), certs(ec), ContentCipher.AES_256_GCM);
        byte[] good = Files.readAllBytes(dir.resolve("f.sealed"));
        Path out = dir.resolve("out.bin");

        assertThat(failure(Opener.open(dir.resolve("f.sealed"), outsider, out))).isEqualTo(Failure.NOT_A_RECIPIENT);
        assertThat(failure(Opener.open(new ByteArrayInputStream(java.util.Arrays.copyOf(good, good.length / 2)), ec, out)))
                .isEqualTo(Failure.MALFORMED);
        assertThat(failure(Opener.open(new ByteArrayInputStream("hello world".getBytes()), ec, out))).isEqualTo(Failure.MALFORMED);
        assertThat(failure(Opener.open(new ByteArrayInputStream(new byte[0]), ec, out))).isEqualTo(Failure.MALFORMED);
        assertThat(out).doesNotExist();
    }

    private static Failure failure(OpenResult result) {
        assertThat(result).isInstanceOf(OpenResult.Failed.class);
        return ((OpenResult.Failed) result).failure();
    }

    static List<X509Certificate> certs(SigningKey... keys) {
        List<X509Certificate> list = new ArrayList<>();
        for (SigningKey k : keys) {
            list.add(k.certificate());
        }
        return list;
    }
}
