package org.sunbid.signing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.signing.JsonWriter;

/**
 * A deliberately tiny JSON reader (writing is {@link JsonWriter}) for Sunbid's proof and share files: objects, arrays, strings,
 * integers, booleans and null. Bounded in size and depth so hostile input fails fast with {@link JsonException}.
 */
public final class Json {

    private static final int MAX_CHARS = 4 * 1024 * 1024;
    private static final int MAX_DEPTH = 16;

    private Json() {
    }

    /** Malformed or out-of-bounds JSON; the message is the reason. */
    public static final class JsonException extends RuntimeException {
        public JsonException(String reason) {
            super(reason);
        }
    }

    // ---------------------------------------------------------------- writing

    /** Writes maps (keys in iteration order), lists, strings, numbers, booleans and null: {@link JsonWriter}. */
    public static String write(Object value) {
        return JsonWriter.write(value);
    }

    // ---------------------------------------------------------------- reading

    /** Parses one JSON value; objects become {@code Map<String,Object>}, arrays {@code List<Object>}, integers {@code Long}. */
    public static Object read(String text) {
        return read(text, MAX_CHARS);
    }

    /** As {@link #read(String)} with another size bound, for large signed records (an expert draw's pool). */
    public static Object read(String text, int maxChars) {
        if (text == null) {
            throw new JsonException("empty");
        }
        if (text.length() > maxChars) {
            throw new JsonException("too large");
        }
        Reader r = new Reader(text);
        r.skipSpace();
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw new JsonException("trailing characters at " + r.pos);
        }
        return value;
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String text) {
        Object value = read(text);
        if (!(value instanceof Map)) {
            throw new JsonException("not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    public static String string(Map<String, Object> object, String field) {
        Object v = object.get(field);
        if (!(v instanceof String s)) {
            throw new JsonException("field '" + field + "' must be a string");
        }
        return s;
    }

    public static long number(Map<String, Object> object, String field) {
        Object v = object.get(field);
        if (!(v instanceof Long l)) {
            throw new JsonException("field '" + field + "' must be an integer");
        }
        return l;
    }

    public static List<Object> array(Map<String, Object> object, String field) {
        Object v = object.get(field);
        if (!(v instanceof List<?> l)) {
            throw new JsonException("field '" + field + "' must be an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) l;
        return list;
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        char peek() {
            if (pos >= s.length()) {
                throw new JsonException("unexpected end of input");
            }
            return s.charAt(pos);
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new JsonException("nested too deeply");
            }
            char c = peek();
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw new JsonException("unexpected character at " + pos);
                }
            };
        }

        Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw new JsonException("unexpected token at " + pos);
            }
            pos += word.length();
            return value;
        }

        Long number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                throw new JsonException("only integers are allowed, at " + start);
            }
            String digits = s.substring(start, pos);
            if (digits.isEmpty() || digits.equals("-") || digits.length() > 19) {
                throw new JsonException("bad number at " + start);
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new JsonException("bad number at " + start);
            }
        }

        String string() {
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new JsonException("control character in string at " + (pos - 1));
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new JsonException("bad unicode escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new JsonException("bad unicode escape");
                        }
                        pos += 4;
                    }
                    default -> throw new JsonException("bad escape at " + (pos - 1));
                }
            }
        }

        Map<String, Object> object(int depth) {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw new JsonException("expected a field name at " + pos);
                }
                String key = string();
                skipSpace();
                if (peek() != ':') {
                    throw new JsonException("expected ':' at " + pos);
                }
                pos++;
                skipSpace();
                if (map.put(key, value(depth + 1)) != null) {
                    throw new JsonException("duplicate field '" + key + "'");
                }
                skipSpace();
                char c = peek();
                pos++;
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw new JsonException("expected ',' or '}' at " + (pos - 1));
                }
            }
        }

        List<Object> array(int depth) {
            pos++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value(depth + 1));
                skipSpace();
                char c = peek();
                pos++;
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw new JsonException("expected ',' or ']' at " + (pos - 1));
                }
            }
        }
    }
}
