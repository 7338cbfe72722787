package org.sunbid.supervision;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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

import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.JsonWriter;

/**
 * The log's deterministic JSON form: object keys sorted, no white space, integers as numbers, every other scalar
 * (decimals, times, UUIDs, enums) as a string, byte arrays as Base64, secrets redacted. This class only maps values to
 * that shape; the text is written by the platform's one writer, {@link JsonWriter}, in the current
 * {@link LogEncoding}. Same value, same bytes, so its SHA-256 can be recomputed by anyone from the stored text.
 */
public final class CanonicalJson {

    /** Field names whose values never enter the log. */
    private static final Set<String> SECRET_NAMES = Set.of("password", "newpassword", "currentpassword", "secret",
            "token", "accesstoken", "refreshtoken", "privatekey", "passphrase", "nonce", "share");

    /** Byte arrays up to this size are inlined as Base64; larger ones are replaced by their SHA-256 and size. */
    public static final int MAX_INLINE_BYTES = 1024;

    private CanonicalJson() {
    }

    /** A record's components as a plain map, with secrets replaced by "[redacted]". */
    public static Map<String, Object> componentsOf(Record record) {
        Components components = COMPONENTS.get(record.getClass());
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < components.names.length; i++) {
            Object value = components.value(record, i);
            if (components.secret[i]) {
                value = value == null ? null : "[redacted]";
            }
            map.put(components.names[i], value);
        }
        return map;
    }

    /**
     * A record class's component names and accessors, looked up and made accessible once per class: the log describes
     * every event of the platform, and reading the components by reflection afresh for each was a tenth of that work.
     */
    public static final class Components {
        private final String[] names;
        private final java.lang.reflect.Method[] accessors;
        private final boolean[] secret;

        private Components(Class<?> type) {
            RecordComponent[] all = type.getRecordComponents();
            names = new String[all.length];
            accessors = new java.lang.reflect.Method[all.length];
            secret = new boolean[all.length];
            for (int i = 0; i < all.length; i++) {
                names[i] = all[i].getName();
                secret[i] = SECRET_NAMES.contains(names[i].toLowerCase(Locale.ROOT));
                try {
                    java.lang.reflect.Method accessor = all[i].getAccessor();
                    accessor.setAccessible(true);
                    accessors[i] = accessor;
                } catch (RuntimeException e) {
                    accessors[i] = null; // unreadable: reported as such for each value
                }
            }
        }

        /** The components of {@code type} (a record class). */
        public static Components of(Class<? extends Record> type) {
            return COMPONENTS.get(type);
        }

        public int size() {
            return names.length;
        }

        public String name(int i) {
            return names[i];
        }

        /** The i-th component's value, or "[unreadable]" if it cannot be read. */
        public Object value(Record record, int i) {
            if (accessors[i] == null) {
                return "[unreadable]";
            }
            try {
                return accessors[i].invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "[unreadable]";
            }
        }
    }

    private static final ClassValue<Components> COMPONENTS = new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
            return new Components(type);
        }
    };

    /** The canonical JSON of {@code value}, in the current encoding. */
    public static String write(Object value) {
        return JsonWriter.write(tree(value, 0));
    }

    /** The canonical JSON of {@code value} as {@code encoding} writes it (to recompute what older entries hold). */
    public static String write(Object value, LogEncoding encoding) {
        return encoding.fromCurrent(write(value));
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code s} as a JSON string, or {@code null}, in the current encoding. */
    public static void appendString(StringBuilder out, String s) {
        JsonWriter.appendString(out, s);
    }

    /** {@code value} as what {@link JsonWriter} writes: sorted maps, lists, strings, integers, booleans and null. */
    private static Object tree(Object value, int depth) {
        if (depth > 32) {
            return "[too-deep]";
        }
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof byte[] bytes) {
            // Large binaries (documents, sealed files) enter the log by digest only, to keep entries small.
            return bytes.length <= MAX_INLINE_BYTES ? Base64.getEncoder().encodeToString(bytes)
                    : "sha256:" + DigestAlgorithm.SHA256.hex(bytes) + ";size=" + bytes.length;
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            return sortedTree(sorted, depth);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> items = new ArrayList<>(collection.size());
            for (Object item : collection) {
                items.add(tree(item, depth + 1));
            }
            return items;
        }
        if (value instanceof Record record) {
            return sortedTree(new TreeMap<>(componentsOf(record)), depth);
        }
        // strings, UUIDs, times, durations, URIs, characters, other numbers, and anything else: as text
        return value.toString();
    }

    private static TreeMap<String, Object> sortedTree(TreeMap<String, Object> sorted, int depth) {
        sorted.replaceAll((k, v) -> tree(v, depth + 1));
        return sorted;
    }
}
