package org.sunbid.signing;

import java.util.List;
import java.util.Map;

/**
 * The platform's one JSON writer, for every text that is hashed or signed (proofs, share files, draw records, the
 * supervision log): maps in their iteration order (a caller that needs sorted keys passes a sorted map), lists,
 * strings, numbers, booleans and null, with no white space. Strings escape {@code "} and {@code \} as {@code \"} and
 * {@code \\}, line feed, carriage return and tab as {@code \n}, {@code \r}, {@code \t}, and every other control
 * character below U+0020 as {@code \}{@code u00xx} (lower-case hex); nothing else is escaped. The same value gives the
 * same bytes, so a reader can recompute them.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    /** The JSON text of {@code value}; anything other than the types above is refused. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        append(out, value);
        return out.toString();
    }

    /** Appends the JSON text of {@code value}. */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, String.valueOf(e.getKey()));
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not JSON-writable: " + value.getClass().getSimpleName());
        }
    }

    /** Appends {@code s} as a JSON string, or {@code null}. */
    public static void appendString(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int plainFrom = 0; // characters written as they are go in runs, not one append each
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        out.append(s, plainFrom, s.length());
        out.append('"');
    }
}
