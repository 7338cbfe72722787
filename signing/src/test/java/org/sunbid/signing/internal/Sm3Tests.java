package org.sunbid.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

class Sm3Tests {

    @Test
    void matchesTheStandardsExamples() {
        // GB/T 32905-2016 appendix A: "abc" and "abcd" repeated 16 times (one and two blocks after padding).
        assertThat(hex(new Sm3().digest("abc".getBytes(StandardCharsets.US_ASCII))))
            .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(hex(new Sm3().digest("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
            .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void matchesBouncyCastleOnEveryLengthAroundTheBlockAndPaddingEdges() {
        Random random = new Random(7);
        for (int length = 0; length <= 260; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(hex(new Sm3().digest(data))).as("length %d", length).isEqualTo(hex(bc(data)));
        }
    }

    @Test
    void givesTheSameDigestHoweverTheInputIsCutAndCanBeReused() {
        Random random = new Random(11);
        byte[] data = new byte[100_000];
        random.nextBytes(data);
        String expected = hex(bc(data));
        Sm3 digest = new Sm3();
        for (int round = 0; round < 20; round++) {
            int offset = 0;
            while (offset < data.length) {
                int n = Math.min(data.length - offset, random.nextInt(200));
                if (n == 1) {
                    digest.update(data[offset]);
                } else {
                    digest.update(data, offset, n);
                }
                offset += n;
            }
            assertThat(hex(digest.digest())).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void matchesBouncyCastleWhenManyBlocksArriveInOneUpdateAtAnyOffset() {
        Random random = new Random(13);
        byte[] data = new byte[1 << 20];
        random.nextBytes(data);
        for (int round = 0; round < 10; round++) {
            int start = random.nextInt(64);
            int length = 64 * (2 + random.nextInt(2_000)) + random.nextInt(64);
            byte[] slice = java.util.Arrays.copyOfRange(data, start, start + length);
            Sm3 digest = new Sm3();
            int head = random.nextInt(64); // a partly filled buffer before the multi-block update
            digest.update(data, start, head);
            digest.update(data, start + head, length - head);
            assertThat(hex(digest.digest())).as("start %d length %d head %d", start, length, head)
                .isEqualTo(hex(bc(slice)));
        }
    }

    @Test
    void aCloneCarriesOnIndependently() throws Exception {
        Sm3 digest = new Sm3();
        digest.update("ab".getBytes(StandardCharsets.US_ASCII));
        MessageDigest copy = (MessageDigest) digest.clone();
        digest.update((byte) 'c');
        copy.update((byte) 'x');
        assertThat(hex(digest.digest())).isEqualTo(hex(bc("abc".getBytes(StandardCharsets.US_ASCII))));
        assertThat(hex(copy.digest())).isEqualTo(hex(bc("abx".getBytes(StandardCharsets.US_ASCII))));
    }

    private static byte[] bc(byte[] data) {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
