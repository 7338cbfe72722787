package org.sunbid.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.sunbid.platform.ProblemException;

/** Opaque search-after cursors: typed sort values, base64url; anything malformed is a 400 on {@code after}. */
final class Cursors {

    private static final char SEP = '\u001f';

    private Cursors() {
    }

    /** Values are Float/Double (f/d), Long (l) or String (s). */
    static String encode(List<Object> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (!sb.isEmpty()) {
                sb.append(SEP);
            }
            if (v instanceof Float f) {
                sb.append('f').append(Float.floatToIntBits(f));
            } else if (v instanceof Double d) {
                sb.append('d').append(Double.doubleToLongBits(d));
            } else if (v instanceof Long || v instanceof Integer) {
                sb.append('l').append(((Number) v).longValue());
            } else if (v instanceof String s) {
                sb.append('s').append(s);
            } else {
                throw new IllegalArgumentException("cursor value " + v);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> decode(String cursor, int expected) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<Object> values = new ArrayList<>();
            for (String part : raw.split(String.valueOf(SEP), -1)) {
                if (part.isEmpty()) {
                    throw bad();
                }
                String v = part.substring(1);
                values.add(switch (part.charAt(0)) {
                    case 'f' -> Float.intBitsToFloat(Integer.parseInt(v));
                    case 'd' -> Double.longBitsToDouble(Long.parseLong(v));
                    case 'l' -> Long.parseLong(v);
                    case 's' -> v;
                    default -> throw bad();
                });
            }
            if (values.size() != expected) {
                throw bad();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    private static ProblemException bad() {
        return ProblemException.invalid("after", "search.after.invalid");
    }

    /** Region filter as a code prefix: 330100 means the city and its districts (3301…), 330000 the province (33…). */
    static String regionPrefix(String region) {
        String r = region;
        while (r.length() > 2 && r.endsWith("00")) {
            r = r.substring(0, r.length() - 2);
        }
        return r;
    }
}
