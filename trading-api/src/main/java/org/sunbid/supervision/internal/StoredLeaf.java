package org.sunbid.supervision.internal;

import java.time.LocalDate;

import org.sunbid.supervision.LogEntry;

/**
 * A stored row's Merkle leaf written straight from the UTF-8 bytes the database sent, without decoding them into
 * strings and encoding them again: the verification of a whole log did that for every row.
 *
 * <p>It gives exactly {@link LogEntry#leafBytes()} of the same row, or null when it cannot be sure to: a text field
 * holds a byte below 0x20, a quote or a backslash (it needs escaping, and the two encodings escape differently), or
 * the time is outside the years 0001–9999 (the ISO text changes form). The caller then takes the general path.
 * Canonical JSON escapes nothing else: bytes of 0x80 and above are the multi-byte UTF-8 sequences of characters that
 * are written as they are, so they are copied unchanged.
 */
final class StoredLeaf {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long MIN_MICROS = -62_135_596_800_000_000L; // 0001-01-01T00:00:00Z
    private static final long MAX_MICROS = 253_402_300_800_000_000L; // 10000-01-01T00:00:00Z

    private static final byte[] ACTION = ascii("{\"action\":");
    private static final byte[] ACTOR = ascii(",\"actor\":");
    private static final byte[] ROLE = ascii(",\"actorRole\":");
    private static final byte[] AT = ascii(",\"at\":\"");
    private static final byte[] IP = ascii(",\"clientIp\":");
    private static final byte[] DETAILS = ascii(",\"detailsSha256\":\"");
    private static final byte[] DEVICE = ascii("\",\"device\":");
    private static final byte[] SEQ = ascii(",\"seq\":");
    private static final byte[] SUBJECT = ascii(",\"subject\":");
    private static final byte[] NULL = ascii("null");

    private StoredLeaf() {
    }

    /** The leaf of {@code row}, or null when the general path must write it. */
    static byte[] of(Entries.RawRow row) {
        byte[] out = new byte[capacity(row)];
        int end = write(row, out, 0);
        return end < 0 ? null : java.util.Arrays.copyOf(out, end);
    }

    /** Bytes enough for {@link #write} of {@code row} at offset 0. */
    static int capacity(Entries.RawRow row) {
        return 200 + 2 * row.detailsSha256().length + length(row.action()) + length(row.actor())
                + length(row.actorRole()) + length(row.clientIp()) + length(row.deviceFingerprint()) + length(row.subject());
    }

    /**
     * Writes the leaf of {@code row} into {@code out} from {@code from} (which has {@link #capacity} bytes free);
     * returns where it ends, or -1 when the general path must write it. The verification hashes it from there, without
     * a copy of its own.
     */
    static int write(Entries.RawRow row, byte[] out, int from) {
        long micros = row.atMicros();
        if (micros < MIN_MICROS || micros >= MAX_MICROS) {
            return -1;
        }
        int n = put(out, from, ACTION);
        n = text(out, n, row.action());
        n = n < 0 ? n : text(out, put(out, n, ACTOR), row.actor());
        n = n < 0 ? n : text(out, put(out, n, ROLE), row.actorRole());
        if (n < 0) {
            return -1;
        }
        n = time(out, put(out, n, AT), micros);
        out[n++] = '"';
        n = text(out, put(out, n, IP), row.clientIp());
        if (n < 0) {
            return -1;
        }
        n = put(out, n, DETAILS);
        for (byte b : row.detailsSha256()) {
            out[n++] = HEX[(b >> 4) & 0xf];
            out[n++] = HEX[b & 0xf];
        }
        n = text(out, put(out, n, DEVICE), row.deviceFingerprint());
        if (n < 0) {
            return -1;
        }
        n = number(out, put(out, n, SEQ), row.seq());
        n = text(out, put(out, n, SUBJECT), row.subject());
        if (n < 0) {
            return -1;
        }
        out[n++] = '}';
        return n;
    }

    private static int length(byte[] text) {
        return text == null ? 4 : text.length;
    }

    private static int put(byte[] out, int n, byte[] ascii) {
        System.arraycopy(ascii, 0, out, n, ascii.length);
        return n + ascii.length;
    }

    /** {@code text} as a JSON string (or null) if no byte needs escaping; -1 if one does. */
    private static int text(byte[] out, int n, byte[] text) {
        if (text == null) {
            return put(out, n, NULL);
        }
        for (byte b : text) {
            if (ESCAPED[b & 0xff]) {
                return -1;
            }
        }
        out[n++] = '"';
        System.arraycopy(text, 0, out, n, text.length);
        n += text.length;
        out[n++] = '"';
        return n;
    }

    /** The bytes canonical JSON escapes in a string: controls below 0x20, the quote and the backslash. */
    private static final boolean[] ESCAPED = new boolean[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            ESCAPED[b] = true;
        }
        ESCAPED['"'] = true;
        ESCAPED['\\'] = true;
    }

    private static int number(byte[] out, int n, long value) {
        String digits = Long.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            out[n++] = (byte) digits.charAt(i);
        }
        return n;
    }

    /**
     * {@link java.time.Instant#toString()} of a time in the years 0001–9999 with microsecond precision:
     * {@code yyyy-MM-ddTHH:mm:ss}, then no fraction, three or six digits (whole milliseconds or not), then {@code Z}.
     */
    static int time(byte[] out, int n, long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        n = date(out, n, Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        out[n++] = 'T';
        n = digits(out, n, secondOfDay / 3600, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay / 60 % 60, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay % 60, 2);
        if (fraction != 0) {
            out[n++] = '.';
            n = fraction % 1000 == 0 ? digits(out, n, fraction / 1000, 3) : digits(out, n, fraction, 6);
        }
        out[n++] = 'Z';
        return n;
    }

    /** {@code yyyy-MM-dd} of the day; the last day's text is kept per thread (a log's rows come day after day). */
    private static int date(byte[] out, int n, long epochDay) {
        LastDay last = LAST_DAY.get();
        if (last.epochDay != epochDay) {
            LocalDate day = LocalDate.ofEpochDay(epochDay);
            digits(last.text, 0, day.getYear(), 4);
            last.text[4] = '-';
            digits(last.text, 5, day.getMonthValue(), 2);
            last.text[7] = '-';
            digits(last.text, 8, day.getDayOfMonth(), 2);
            last.epochDay = epochDay;
        }
        return put(out, n, last.text);
    }

    private static final class LastDay {
        long epochDay = Long.MIN_VALUE;
        final byte[] text = new byte[10];
    }

    private static final ThreadLocal<LastDay> LAST_DAY = ThreadLocal.withInitial(LastDay::new);

    private static int digits(byte[] out, int n, int value, int width) {
        for (int i = n + width - 1; i >= n; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return n + width;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
