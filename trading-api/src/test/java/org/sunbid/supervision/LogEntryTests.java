package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LogEntryTests {

    @Test
    void theFastLeafEncodingEqualsTheCanonicalJsonOfTheSameFieldsForRandomEntries() {
        Random random = new Random(7);
        String[] samples = { null, "", "投标\"人\"", "a\\b\nc\u0001", "192.168.0.1", "identity.login-failed",
                UUID.randomUUID().toString(), "\u2028emoji 😀" };
        for (int i = 0; i < 2_000; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            LogEntry e = new LogEntry(random.nextInt(1 << 30), Instant.ofEpochSecond(random.nextInt(), random.nextInt(999_999_999)),
                    pick(samples, random, false), pick(samples, random, true), pick(samples, random, false),
                    pick(samples, random, true), "{}", hash, pick(samples, random, true), pick(samples, random, true));
            assertThat(e.leafJson()).isEqualTo(e.leafJsonViaMap());
        }
    }

    @Test
    void theLeafBytesAreTheLeafTextInUtf8InEveryEncodingWhetherOrNotAFieldNeedsEscaping() {
        Random random = new Random(11);
        String[] samples = { null, "", "system", "identity.login-failed", "192.168.0.1", UUID.randomUUID().toString(),
                "BIDDER", "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}", "投标\"人\"", "a\\b\nc\u0001", "old\bnode", "device\f1",
                "\u007f", "\u2028emoji 😀" };
        int plain = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            LogEntry e = new LogEntry(random.nextInt(1 << 30), Instant.ofEpochSecond(random.nextInt(), random.nextInt(999_999_999)),
                    pick(samples, random, false), pick(samples, random, true), pick(samples, random, false),
                    pick(samples, random, true), "{}", hash, pick(samples, random, true), pick(samples, random, true),
                    random.nextBoolean() ? LogEncoding.CURRENT : LogEncoding.of(1));
            assertThat(new String(e.leafBytes(), StandardCharsets.UTF_8)).isEqualTo(e.leafJson());
            plain += java.util.stream.Stream.of(e.action(), e.actor(), e.actorRole(), e.clientIp(), e.deviceFingerprint(),
                    e.subject()).allMatch(LogEntryTests::needsNoEscaping) ? 1 : 0;
        }
        assertThat(plain).as("both paths are taken").isBetween(100, 2_900);
    }

    private static boolean needsNoEscaping(String s) {
        return s == null || s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
    }

    private static String pick(String[] samples, Random random, boolean nullable) {
        String s = samples[random.nextInt(samples.length)];
        return s == null && !nullable ? "x" : s;
    }

    @Test
    void leafTextHasSortedKeysNoWhiteSpaceAndMicrosecondTime() {
        LogEntry e = new LogEntry(3, Instant.parse("2026-11-27T08:00:00.123456789Z"), "system", null, "bid.bid-submitted",
                null, "{}", new byte[32], null, null);
        assertThat(new String(e.leafBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"bid.bid-submitted\",\"actor\":\"system\",\"actorRole\":null,"
                        + "\"at\":\"2026-11-27T08:00:00.123456Z\",\"clientIp\":null,\"detailsSha256\":\""
                        + "0".repeat(64) + "\",\"device\":null,\"seq\":3,\"subject\":null}");
    }

    @Test
    void refusesNegativeSequenceNumbers() {
        assertThatThrownBy(() -> new LogEntry(-1, Instant.EPOCH, "a", null, "x", null, "{}", new byte[32], null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Secretive(UUID account, String password, Optional<String> note, List<Integer> numbers,
            Map<String, Object> extra) {
    }

    @Test
    void largeBinariesEnterTheDetailsByDigestOnly() throws Exception {
        byte[] big = new byte[4096];
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(big));
        assertThat(CanonicalJson.write(Map.of("doc", big, "small", new byte[] { 1, 2 })))
                .isEqualTo("{\"doc\":\"sha256:" + digest + ";size=4096\",\"small\":\"AQI=\"}");
    }

    @Test
    void canonicalDetailsSortKeysAndRedactSecrets() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        String json = CanonicalJson.write(CanonicalJson.componentsOf(
                new Secretive(id, "hunter2", Optional.empty(), List.of(3, 1), Map.of("z", 1, "a", new java.math.BigDecimal("1.50")))));
        assertThat(json).isEqualTo("{\"account\":\"00000000-0000-0000-0000-000000000001\",\"extra\":{\"a\":\"1.50\","
                + "\"z\":1},\"note\":null,\"numbers\":[3,1],\"password\":\"[redacted]\"}");
    }
}
