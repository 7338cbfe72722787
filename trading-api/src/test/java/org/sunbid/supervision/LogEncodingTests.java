package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LogEncodingTests {

    /** Backspace, form feed, another control character, and an escaped backslash followed by the text "u0008". */
    private static final Map<String, Object> VALUE = new LinkedHashMap<>(Map.of("b", "x\by\fz", "a", "\u0001\\u0008"));

    @Test
    void currentEncodingWritesEveryControlCharacterAsAUnicodeEscapeLikeTheSigningWriter() {
        assertThat(CanonicalJson.write(VALUE)).isEqualTo("{\"a\":\"\\u0001\\\\u0008\",\"b\":\"x\\u0008y\\u000cz\"}");
        assertThat(CanonicalJson.write(VALUE)).isEqualTo(org.sunbid.signing.JsonWriter.write(
                new java.util.TreeMap<>(VALUE)));
    }

    @Test
    void versionOneGivesBackTheShortEscapesTheLogWroteBeforeV145AndLeavesAnEscapedBackslashAlone() {
        // the text the log's own writer produced until V145 for this value, written out by hand from its rule
        String before = "{\"a\":\"\\u0001\\\\u0008\",\"b\":\"x\\by\\fz\"}";
        assertThat(CanonicalJson.write(VALUE, LogEncoding.V1)).isEqualTo(before);
        assertThat(CanonicalJson.write(VALUE, LogEncoding.V2)).isEqualTo(CanonicalJson.write(VALUE));
    }

    @Test
    void anEntryKeepsTheLeafOfTheEncodingItWasWrittenWith() {
        Instant at = Instant.parse("2026-11-27T08:00:00.123456Z");
        LogEntry old = new LogEntry(7, at, "system", null, "test.written-before-v145", "old\bnode", "{}",
                new byte[32], null, "device\f1", LogEncoding.V1);
        LogEntry now = new LogEntry(7, at, "system", null, "test.written-before-v145", "old\bnode", "{}",
                new byte[32], null, "device\f1");
        assertThat(now.encoding()).isEqualTo(LogEncoding.CURRENT);
        assertThat(old.leafJson()).contains("\"subject\":\"old\\bnode\"", "\"device\":\"device\\f1\"");
        assertThat(now.leafJson()).contains("\"subject\":\"old\\u0008node\"", "\"device\":\"device\\u000c1\"");
        assertThat(old.leafJson()).isEqualTo(old.leafJsonViaMap());
        // without control characters both encodings give the same bytes
        LogEntry plain = new LogEntry(8, at, "system", null, "a.b", "s", "{}", new byte[32], null, null,
                LogEncoding.V1);
        assertThat(plain.leafJson()).isEqualTo(new LogEntry(8, at, "system", null, "a.b", "s", "{}", new byte[32],
                null, null).leafJson());
    }

    @Test
    void encodingsAreKnownByTheirStoredNumber() {
        assertThat(LogEncoding.of(1)).isEqualTo(LogEncoding.V1);
        assertThat(LogEncoding.of(2)).isEqualTo(LogEncoding.V2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogEncoding.of(3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
