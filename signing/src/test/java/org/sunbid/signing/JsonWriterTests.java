package org.sunbid.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.signing.internal.Json;

class JsonWriterTests {

    @Test
    void writesMapsInTheirOrderWithoutWhiteSpaceAndEscapesOnlyQuotesBackslashesAndControlCharacters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", "a\"b\\c\nd\re\tf\bg\fh\u001fi/j\u2028k 投标");
        m.put("a", Arrays.asList(1L, true, null, -7));
        assertThat(JsonWriter.write(m)).isEqualTo(
                "{\"z\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0008g\\u000ch\\u001fi/j\u2028k 投标\",\"a\":[1,true,null,-7]}");
    }

    @Test
    void whatItWritesIsReadBackUnchanged() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "\b\f\u0000 \"quoted\" \\ 投标");
        m.put("n", 42L);
        m.put("list", Arrays.asList("x", 1L, false));
        assertThat(Json.read(JsonWriter.write(m))).isEqualTo(m);
        assertThat(Json.write(m)).isEqualTo(JsonWriter.write(m));
    }

    @Test
    void refusesValuesThatHaveNoJsonForm() {
        assertThatThrownBy(() -> JsonWriter.write(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
    }
    @Test
    void stringsAreWrittenCharacterByCharacterAsTheRuleSaysWhateverMixOfPlainAndEscapedCharactersTheyHold() {
        char[] alphabet = { 'a', 'Z', ' ', '~', '\u007f', '"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f',
                '投', '标', '\u2028', '\ud83d', '\ude00' };
        java.util.Random random = new java.util.Random(29);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            StringBuilder written = new StringBuilder();
            JsonWriter.appendString(written, s.toString());
            assertThat(written.toString()).isEqualTo(oneByOne(s.toString()));
        }
    }

    /** The rule, one character at a time: quote, backslash and controls below U+0020 escaped, nothing else. */
    private static String oneByOne(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
