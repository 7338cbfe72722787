package org.sunbid.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sunbid.supervision.LogEncoding;

/** The leaf written from a row's stored bytes is byte for byte the one the entry itself writes, or not written. */
class StoredLeafTests {

    private static final String[] SAMPLES = { null, "", "system", "identity.login-failed", "192.168.0.1",
            UUID.randomUUID().toString(), "BIDDER", "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}", "投标人 张三", "投标\"人\"",
            "a\\b\nc\u0001", "old\bnode", "device\f1", "\u007f", "\u2028emoji 😀", "tab\there" };

    @Test
    void givesTheEntrysOwnLeafBytesForEveryRowItWritesAndLeavesTheRestToTheEntry() {
        Random random = new Random(23);
        int written = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            long micros = randomMicros(random);
            Entries.RawRow row = new Entries.RawRow(random.nextInt(1 << 30) * (random.nextBoolean() ? 1L : 1L << 20),
                    micros, pick(random, false), pick(random, true), pick(random, false), pick(random, true),
                    "{}".getBytes(StandardCharsets.UTF_8), hash, pick(random, true), pick(random, true),
                    random.nextBoolean() ? LogEncoding.V1 : LogEncoding.V2, new byte[32]);
            byte[] expected = row.entry("").leafBytes();
            byte[] direct = StoredLeaf.of(row);
            boolean plain = Stream.of(row.action(), row.actor(), row.actorRole(), row.clientIp(), row.deviceFingerprint(),
                    row.subject()).allMatch(StoredLeafTests::needsNoEscaping);
            if (plain) {
                assertThat(direct).as("row %s", i).isNotNull();
                assertThat(new String(direct, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
                written++;
            } else {
                assertThat(direct).as("a field that needs escaping takes the entry's path").isNull();
            }
        }
        assertThat(written).as("both paths are taken").isBetween(500, 4_500);
    }

    @Test
    void writesTimesAsInstantToStringDoesAndLeavesTimesOutsideFourDigitYearsToTheEntry() {
        Random random = new Random(5);
        long[] edges = { 0, 1, 999, 1_000, 999_999, 1_000_000, -1, -1_000, -1_000_000, 951_782_400_000_000L,
                -62_135_596_800_000_000L, 253_402_300_799_999_999L, 253_402_300_799_000_000L };
        for (int i = 0; i < 20_000 + edges.length; i++) {
            long micros = i < edges.length ? edges[i] : randomMicros(random);
            byte[] out = new byte[40];
            int n = StoredLeaf.time(out, 0, micros);
            assertThat(new String(out, 0, n, StandardCharsets.US_ASCII)).as("micros %d", micros)
                    .isEqualTo(BinaryCopyReader.instant(micros).toString());
        }
        // rows of one day, the next day, and back again: the day's text kept from the row before must follow
        long midnight = 1_796_342_400_000_000L; // 2026-12-04T00:00:00Z
        long[] walk = { midnight - 1, midnight - 60_000_000L, midnight, midnight + 1, midnight - 1, midnight + 86_399_999_999L,
                midnight + 86_400_000_000L, midnight };
        for (long micros : walk) {
            byte[] out = new byte[40];
            int n = StoredLeaf.time(out, 0, micros);
            assertThat(new String(out, 0, n, StandardCharsets.US_ASCII)).as("micros %d", micros)
                    .isEqualTo(BinaryCopyReader.instant(micros).toString());
        }
        Entries.RawRow farFuture = new Entries.RawRow(1, 253_402_300_800_000_000L, null, null, b("a"), null, b("{}"),
                new byte[32], null, null, LogEncoding.V2, new byte[32]);
        assertThat(StoredLeaf.of(farFuture)).isNull();
        assertThat(new String(farFuture.entry("").leafBytes(), StandardCharsets.UTF_8)).contains("\"+10000-01-01T00:00:00Z\"");
    }

    private static long randomMicros(Random random) {
        long micros = switch (random.nextInt(4)) {
            case 0 -> random.nextLong() % 253_402_300_800_000_000L; // any year 0001-9999 either side of 1970
            case 1 -> 1_700_000_000_000_000L + random.nextInt(Integer.MAX_VALUE) * 1_000_000L; // whole seconds
            case 2 -> 1_700_000_000_000_000L + random.nextInt(Integer.MAX_VALUE) * 1_000L; // whole milliseconds
            default -> 1_700_000_000_000_000L + random.nextLong() % 100_000_000_000_000L;
        };
        return Math.max(micros, -62_135_596_800_000_000L);
    }

    private static boolean needsNoEscaping(byte[] utf8) {
        if (utf8 == null) {
            return true;
        }
        String s = new String(utf8, StandardCharsets.UTF_8);
        return s.chars().allMatch(c -> c >= 0x20 && c != '"' && c != '\\');
    }

    private static byte[] pick(Random random, boolean nullable) {
        String s = SAMPLES[random.nextInt(SAMPLES.length)];
        return s == null && !nullable ? b("x") : s == null ? null : b(s);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
