package org.sunbid.supervision;

/**
 * How an entry's canonical JSON was written, stored with each entry so that its leaf is recomputed by the rule it was
 * written with. Both write strings the same way except two control characters: version 1 (entries written before
 * migration V145) wrote backspace and form feed as {@code \b} and {@code \f}; version 2 writes them as {@code \}
 * {@code u0008} and {@code \}{@code u000c}, as the platform's one writer ({@link org.sunbid.signing.JsonWriter}) does
 * for every other control character.
 */
public enum LogEncoding {

    /** Entries written before V145: {@code \b} and {@code \f} short escapes. */
    V1(1),
    /** {@link org.sunbid.signing.JsonWriter} as it is. */
    V2(2);

    /** The encoding new entries are written with. */
    public static final LogEncoding CURRENT = V2;

    private final int number;

    LogEncoding(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static LogEncoding of(int number) {
        for (LogEncoding e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown log encoding " + number);
    }

    /**
     * The text this encoding gives for a value whose current ({@link #V2}) text is {@code current}. In JSON text a
     * backslash always starts an escape, so escapes are found by scanning pairs, never inside an escaped backslash.
     */
    public String fromCurrent(String current) {
        if (this == V2 || current.indexOf('\\') < 0) {
            return current;
        }
        StringBuilder out = new StringBuilder(current.length());
        for (int i = 0; i < current.length(); i++) {
            char c = current.charAt(i);
            if (c != '\\' || i + 1 >= current.length()) {
                out.append(c);
                continue;
            }
            if (current.startsWith("u0008", i + 1)) {
                out.append("\\b");
                i += 5;
            } else if (current.startsWith("u000c", i + 1)) {
                out.append("\\f");
                i += 5;
            } else {
                out.append(c).append(current.charAt(i + 1));
                i++;
            }
        }
        return out.toString();
    }
}
