package org.sunbid.signing.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.support.Fixtures;

class ThresholdKeysTests {

    private static byte[] secret(Random random) {
        byte[] s = new byte[1 + random.nextInt(200)];
        random.nextBytes(s);
        return s;
    }

    @Test
    void anyKSharesRebuildTheSecretAndKMinusOneNeverDo() {
        Random random = new Random(20260101);
        for (int round = 0; round < 60; round++) {
            int n = 2 + random.nextInt(15);
            int k = 2 + random.nextInt(n - 1);
            byte[] secret = secret(random);
            List<Share> shares = ThresholdKeys.split(secret, k, n);
            assertThat(shares).hasSize(n);

            List<Share> shuffled = new ArrayList<>(shares);
            Collections.shuffle(shuffled, random);
            assertThat(ThresholdKeys.combine(shuffled.subList(0, k))).isEqualTo(secret);
            assertThat(ThresholdKeys.combine(shuffled)).isEqualTo(secret);

            assertThatThrownBy(() -> ThresholdKeys.combine(shuffled.subList(0, k - 1)))
                    .isInstanceOfSatisfying(ShareException.class,
                            e -> assertThat(e.reason()).isEqualTo(ShareException.Reason.NOT_ENOUGH_SHARES));
        }
    }

    @Test
    void kMinusOneSharesForcedThroughTheRawSchemeYieldSomethingElseThanTheSecret() throws Exception {
        Random random = new Random(5);
        for (int round = 0; round < 30; round++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            List<Share> shares = ThresholdKeys.split(secret, 3, 5);
            // Interpolating only two points of a degree-2 polynomial gives a value unrelated to the secret.
            var raw = shares.subList(0, 2).stream()
                    .map(s -> new org.bouncycastle.crypto.threshold.ShamirSplitSecretShare(s.value(), s.index()))
                    .toArray(org.bouncycastle.crypto.threshold.ShamirSplitSecretShare[]::new);
            byte[] guess = new org.bouncycastle.crypto.threshold.ShamirSplitSecret(
                    org.bouncycastle.crypto.threshold.ShamirSecretSplitter.Algorithm.AES,
                    org.bouncycastle.crypto.threshold.ShamirSecretSplitter.Mode.Table, raw).getSecret();
            assertThat(guess).isNotEqualTo(secret);
        }
    }

    @Test
    void namesAShareFromAnotherSplitACorruptedShareADuplicateAndGarbage() {
        byte[] secret = "opening key".getBytes();
        List<Share> a = ThresholdKeys.split(secret, 2, 3);
        List<Share> b = ThresholdKeys.split(secret, 2, 3);

        assertThatThrownBy(() -> ThresholdKeys.combine(List.of(a.get(0), b.get(1))))
                .isInstanceOfSatisfying(ShareException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ShareException.Reason.FROM_ANOTHER_SPLIT);
                    assertThat(e.getMessage()).contains("share #2");
                });

        Share good = a.get(1);
        byte[] flipped = good.value();
        flipped[0] ^= 1;
        Share corrupted = new Share(good.splitId(), good.index(), good.threshold(), good.total(), flipped,
                good.shareCommitments(), good.secretCommitment());
        assertThatThrownBy(() -> ThresholdKeys.combine(List.of(a.get(0), corrupted)))
                .isInstanceOfSatisfying(ShareException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ShareException.Reason.CORRUPTED);
                    assertThat(e.getMessage()).contains("share #2");
                });

        assertThatThrownBy(() -> ThresholdKeys.combine(List.of(a.get(0), a.get(0))))
                .isInstanceOfSatisfying(ShareException.class,
                        e -> assertThat(e.reason()).isEqualTo(ShareException.Reason.DUPLICATE_SHARE));
        assertThatThrownBy(() -> Share.fromJson("{\"type\":\"sunbid-share\"}"))
                .isInstanceOfSatisfying(ShareException.class, e -> assertThat(e.reason()).isEqualTo(ShareException.Reason.MALFORMED));
        assertThat(Share.fromJson(good.toJson())).isEqualTo(good);
        assertThatThrownBy(() -> ThresholdKeys.split(secret, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThresholdKeys.split(secret, 2, 17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesSealedToCustodiansOpenOnlyWithTheirOwnKeysAndRebuildTheKey() {
        DemoCa ca = Fixtures.demoCa();
        SigningKey opening = ca.issueMember("CN=Opening Key", KeyAlgorithm.EC_P256);
        List<SigningKey> custodians = List.of(ca.custodian(1, Fixtures.PASSWORD), ca.custodian(2, Fixtures.PASSWORD),
                ca.custodian(3, Fixtures.PASSWORD));
        List<X509Certificate> certs = custodians.stream().map(SigningKey::certificate).toList();
        byte[] secret = opening.privateKey().getEncoded();

        List<byte[]> sealed = ThresholdKeys.splitAndSeal(secret, 2, certs);

        Share s1 = ThresholdKeys.open(sealed.get(0), custodians.get(0));
        Share s3 = ThresholdKeys.open(sealed.get(2), custodians.get(2));
        assertThat(ThresholdKeys.combine(List.of(s3, s1))).isEqualTo(secret);
        assertThatThrownBy(() -> ThresholdKeys.open(sealed.get(0), custodians.get(1)))
                .isInstanceOfSatisfying(ShareException.class,
                        e -> assertThat(e.reason()).isEqualTo(ShareException.Reason.NOT_FOR_THIS_CUSTODIAN));
    }

    @Test
    void anSm2OpeningKeysSharesSealedWithSm4ToSm2CustodiansRebuildIt() throws Exception {
        DemoCa ca = Fixtures.demoCa();
        SigningKey opening = ca.issueMember("CN=GM Opening Key", KeyAlgorithm.SM2);
        SigningKey first = ca.issueMember("CN=GM Custodian 1", KeyAlgorithm.SM2);
        SigningKey second = ca.issueMember("CN=GM Custodian 2", KeyAlgorithm.SM2);
        byte[] secret = opening.privateKey().getEncoded();
        List<Share> shares = ThresholdKeys.split(secret, 2, 2);

        byte[] sealed1 = ThresholdKeys.seal(shares.get(0), first.certificate(), org.sunbid.signing.seal.ContentCipher.SM4_CBC);
        byte[] sealed2 = ThresholdKeys.seal(shares.get(1), second.certificate(), org.sunbid.signing.seal.ContentCipher.SM4_CBC);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sm4-share", ".p7m");
        try {
            java.nio.file.Files.write(file, sealed1);
            var inspection = org.sunbid.signing.seal.SealedFiles.inspect(file, first.certificate());
            assertThat(inspection.kind()).isEqualTo(org.sunbid.signing.seal.SealedFiles.Kind.ENVELOPED);
            assertThat(inspection.addressedTo()).isTrue();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(ThresholdKeys.combine(List.of(ThresholdKeys.open(sealed1, first), ThresholdKeys.open(sealed2, second))))
                .isEqualTo(secret);
        assertThatThrownBy(() -> ThresholdKeys.open(sealed1, second)).isInstanceOf(ShareException.class);
    }
}
