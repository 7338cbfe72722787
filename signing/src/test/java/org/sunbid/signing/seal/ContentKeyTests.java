package org.sunbid.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

/** A recipient hands over the content key it recovered; anyone with the sealed file can then check a claimed plaintext. */
class ContentKeyTests {

    @TempDir
    Path dir;

    static SigningKey platform;
    static SigningKey bidder;
    static SigningKey rsaBidder;
    static SigningKey outsider;

    @BeforeAll
    static void keys() {
        DemoCa ca = Fixtures.demoCa();
        platform = ca.issueMember("CN=Opening key", KeyAlgorithm.EC_P256);
        bidder = ca.issueMember("CN=Bidder", KeyAlgorithm.EC_P256);
        rsaBidder = ca.issueMember("CN=RSA Bidder", KeyAlgorithm.RSA);
        outsider = ca.issueMember("CN=Outsider", KeyAlgorithm.EC_P256);
    }

    private Path content(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(dir.resolve("package.p7m"), data);
    }

    @ParameterizedTest
    @EnumSource(value = ContentCipher.class, names = { "AES_256_GCM", "AES_256_CBC" })
    void theKeyABidderRecoversOpensTheFileToWhatOpensslDecryptsWithTheBiddersKey(ContentCipher cipher) throws Exception {
        content(250_001);
        Sealer.seal(dir.resolve("package.p7m"), dir.resolve("f.sealed"), List.of(platform.certificate(), bidder.certificate(),
                rsaBidder.certificate()), cipher);
        Pem.write(dir, "bidder", bidder);
        OpenSsl.run(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "f.sealed", "-recip", "bidder.pem", "-inkey",
                "bidder.key", "-out", "openssl.out").ok();

        byte[] key = Opener.recoverContentKey(dir.resolve("f.sealed"), bidder);
        assertThat(key).hasSize(32);
        assertThat(Opener.recoverContentKey(dir.resolve("f.sealed"), rsaBidder)).as("every recipient unwraps the same key")
                .isEqualTo(key);
        OpenResult result = Opener.openWithContentKey(dir.resolve("f.sealed"), key, dir.resolve("checked.out"));
        assertThat(result).isInstanceOfSatisfying(OpenResult.Opened.class, o -> {
            assertThat(o.cipher()).isEqualTo(cipher);
            assertThat(o.recipient()).isNull();
        });
        assertThat(Files.readAllBytes(dir.resolve("checked.out"))).isEqualTo(Files.readAllBytes(dir.resolve("openssl.out")))
                .isEqualTo(Files.readAllBytes(dir.resolve("package.p7m")));
    }

    @Test
    void aWrongOrAlteredKeyIsNamedAsTamperingAndLeavesNoOutput() throws Exception {
        content(100_000);
        Sealer.seal(dir.resolve("package.p7m"), dir.resolve("f.sealed"), List.of(platform.certificate(), bidder.certificate()),
                ContentCipher.AES_256_GCM);
        byte[] key = Opener.recoverContentKey(dir.resolve("f.sealed"), bidder);
        byte[] altered = Arrays.copyOf(key, key.length);
        altered[0] ^= 0x01;
        Path out = dir.resolve("never.out");
        assertThat(Opener.openWithContentKey(dir.resolve("f.sealed"), altered, out))
                .isInstanceOfSatisfying(OpenResult.Failed.class, f -> assertThat(f.failure()).isEqualTo(Failure.TAMPERED));
        assertThat(Opener.openWithContentKey(dir.resolve("f.sealed"), new byte[16], out))
                .isInstanceOfSatisfying(OpenResult.Failed.class, f -> assertThat(f.failure()).isEqualTo(Failure.WRONG_KEY));
        assertThat(out).doesNotExist();

        // the key of one sealed file does not open another one
        Sealer.seal(dir.resolve("package.p7m"), dir.resolve("g.sealed"), List.of(platform.certificate(), bidder.certificate()),
                ContentCipher.AES_256_GCM);
        assertThat(Opener.openWithContentKey(dir.resolve("g.sealed"), key, out).isOpened()).isFalse();
    }

    @Test
    void anOutsiderOrGarbageRecoversNoKey() throws Exception {
        content(10_000);
        Sealer.seal(dir.resolve("package.p7m"), dir.resolve("f.sealed"), List.of(platform.certificate()), ContentCipher.AES_256_GCM);
        assertThatThrownBy(() -> Opener.recoverContentKey(dir.resolve("f.sealed"), outsider))
                .isInstanceOfSatisfying(ContentKeyException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_A_RECIPIENT));
        Files.writeString(dir.resolve("garbage"), "not a sealed file at all");
        assertThatThrownBy(() -> Opener.recoverContentKey(dir.resolve("garbage"), bidder))
                .isInstanceOfSatisfying(ContentKeyException.class, e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED));
    }
}
