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
}
