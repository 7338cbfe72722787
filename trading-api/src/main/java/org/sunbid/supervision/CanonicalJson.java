package org.sunbid.supervision;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic JSON form: object keys sorted by code point, no white space, integers as numbers, every other
 * scalar (decimals, times, UUIDs, enums) as a string, byte arrays as Base64. Same value, same bytes, so its
 * SHA-256 can be recomputed by anyone from the stored text.
 */
public final class CanonicalJson {

    /** Field names whose values never enter the log. */
    private static final Set<String> SECRET_NAMES = Set.of("password", "newpassword", "currentpassword", "secret",
            "token", "accesstoken", "refreshtoken", "privatekey", "passphrase", "nonce", "share");

    /** Byte arrays up to this size are inlined as Base64; larger ones are replaced by their SHA-256 and size. */
    public static final int MAX_INLINE_BYTES = 1024;

    private CanonicalJson() {
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record's components as a plain map, with secrets replaced by "[redacted]". */
    public static Map<String, Object> componentsOf(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                value = "[unreadable]";
            }
            if (SECRET_NAMES.contains(component.getName().toLowerCase(Locale.ROOT))) {
                value = value == null ? null : "[redacted]";
            }
            map.put(component.getName(), value);
        }
        return map;
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        append(out, value, 0);
        return out.toString();
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (depth > 32) {
            string(out, "[too-deep]");
            return;
        }
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            string(out, d.toPlainString());
        } else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof java.util.UUID
                || value instanceof TemporalAccessor || value instanceof Number || value instanceof Character
                || value instanceof java.time.Duration || value instanceof java.net.URI) {
            string(out, value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof byte[] bytes) {
            // Large binaries (documents, sealed files) enter the log by digest only, to keep entries small.
            string(out, bytes.length <= MAX_INLINE_BYTES ? Base64.getEncoder().encodeToString(bytes)
                    : "sha256:" + java.util.HexFormat.of().formatHex(sha256(bytes)) + ";size=" + bytes.length);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            object(out, sorted, depth);
        } else if (value instanceof Collection<?> collection) {
            List<Object> items = new ArrayList<>(collection);
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, items.get(i), depth + 1);
            }
            out.append(']');
        } else if (value instanceof Record record) {
            object(out, new TreeMap<>(componentsOf(record)), depth);
        } else {
            string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, TreeMap<String, Object> sorted, int depth) {
        out.append('{');
        boolean first = true;
        for (var e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            append(out, e.getValue(), depth + 1);
        }
        out.append('}');
    }

    /** Appends {@code s} as a JSON string, or {@code null}. */
    public static void appendString(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
        } else {
            string(out, s);
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
