package org.sunbid.supervision;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the supervision log. Its Merkle leaf is {@link #leafBytes()}: the canonical JSON (sorted keys, no
 * white space, UTF-8) of seq, at, actor, actorRole, action, subject, detailsSha256 (hex), clientIp and device.
 *
 * @param seq               position in the log, from 0, without gaps
 * @param at                platform clock time, microsecond precision
 * @param actor             account id, or {@code system} / {@code anonymous}
 * @param actorRole         the actor's role, if known
 * @param action            stable code, e.g. {@code identity.login-failed}
 * @param subject           what the event is about (first id of the event), if any
 * @param details           the canonical JSON of the event's fields
 * @param detailsSha256     SHA-256 of the UTF-8 bytes of {@code details}
 * @param clientIp          the caller's address, if the event came from a request
 * @param deviceFingerprint the {@code X-Device-Fingerprint} header, if sent
 * @param encoding          how the entry's JSON was written (stored with it; older entries keep their rule)
 */
public record LogEntry(long seq, Instant at, String actor, String actorRole, String action, String subject,
        String details, byte[] detailsSha256, String clientIp, String deviceFingerprint, LogEncoding encoding) {

    public LogEntry {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.util.Objects.requireNonNull(encoding, "encoding");
    }

    /** An entry written now, in the current encoding. */
    public LogEntry(long seq, Instant at, String actor, String actorRole, String action, String subject,
            String details, byte[] detailsSha256, String clientIp, String deviceFingerprint) {
        this(seq, at, actor, actorRole, action, subject, details, detailsSha256, clientIp, deviceFingerprint,
                LogEncoding.CURRENT);
    }

    /** The bytes that form this entry's Merkle leaf. */
    public byte[] leafBytes() {
        byte[] plain = plainLeafBytes();
        return plain != null ? plain : leafJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The leaf's bytes written straight into a byte array when every text field is printable ASCII without quotes or
     * backslashes (almost every entry): such text needs no escaping, so the JSON is the same in every encoding and
     * the same as {@link #leafJson()}'s UTF-8 bytes. Null when a field needs the general path. The verification of a
     * whole log spent half its time building the leaf through a {@code StringBuilder} and encoding it again.
     */
    private byte[] plainLeafBytes() {
        String time = at.toString();
        byte[] out = new byte[160 + 2 * detailsSha256.length + time.length() + length(action) + length(actor) + length(actorRole)
                + length(clientIp) + length(deviceFingerprint) + length(subject)];
        int n = put(out, 0, "{\"action\":");
        n = plain(out, n, action);
        n = n < 0 ? n : plain(out, put(out, n, ",\"actor\":"), actor);
        n = n < 0 ? n : plain(out, put(out, n, ",\"actorRole\":"), actorRole);
        n = n < 0 ? n : plain(out, put(out, n, ",\"at\":"), time);
        n = n < 0 ? n : plain(out, put(out, n, ",\"clientIp\":"), clientIp);
        if (n < 0) {
            return null;
        }
        n = put(out, n, ",\"detailsSha256\":\"");
        for (byte b : detailsSha256) {
            out[n++] = (byte) Character.forDigit((b >> 4) & 0xf, 16);
            out[n++] = (byte) Character.forDigit(b & 0xf, 16);
        }
        n = plain(out, put(out, n, "\",\"device\":"), deviceFingerprint);
        if (n < 0) {
            return null;
        }
        n = put(out, put(out, n, ",\"seq\":"), Long.toString(seq));
        n = plain(out, put(out, n, ",\"subject\":"), subject);
        if (n < 0) {
            return null;
        }
        out[n++] = '}';
        return java.util.Arrays.copyOf(out, n);
    }

    private static int length(String s) {
        return s == null ? 4 : s.length();
    }

    /** ASCII text copied as is. */
    private static int put(byte[] out, int n, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            out[n++] = (byte) ascii.charAt(i);
        }
        return n;
    }

    /** {@code s} as a JSON string (or null) if it needs no escaping; -1 if it does. */
    private static int plain(byte[] out, int n, String s) {
        if (s == null) {
            return put(out, n, "null");
        }
        out[n++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return -1;
            }
            out[n++] = (byte) c;
        }
        out[n++] = '"';
        return n;
    }

    /**
     * The leaf's canonical JSON in the entry's {@link #encoding}, written directly in sorted key order (the same text
     * {@link CanonicalJson} makes from a map of these fields, several times faster: this runs once per append and once
     * per verified entry).
     */
    public String leafJson() {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"action\":");
        CanonicalJson.appendString(out, action);
        out.append(",\"actor\":");
        CanonicalJson.appendString(out, actor);
        out.append(",\"actorRole\":");
        CanonicalJson.appendString(out, actorRole);
        out.append(",\"at\":");
        CanonicalJson.appendString(out, at.toString());
        out.append(",\"clientIp\":");
        CanonicalJson.appendString(out, clientIp);
        out.append(",\"detailsSha256\":");
        CanonicalJson.appendString(out, HexFormat.of().formatHex(detailsSha256));
        out.append(",\"device\":");
        CanonicalJson.appendString(out, deviceFingerprint);
        out.append(",\"seq\":").append(seq);
        out.append(",\"subject\":");
        CanonicalJson.appendString(out, subject);
        return encoding.fromCurrent(out.append('}').toString());
    }

    /** The same leaf text built through the general canonical writer (kept to test the fast path against). */
    public String leafJsonViaMap() {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("seq", seq);
        leaf.put("at", at.toString());
        leaf.put("actor", actor);
        leaf.put("actorRole", actorRole);
        leaf.put("action", action);
        leaf.put("subject", subject);
        leaf.put("detailsSha256", HexFormat.of().formatHex(detailsSha256));
        leaf.put("clientIp", clientIp);
        leaf.put("device", deviceFingerprint);
        return CanonicalJson.write(leaf, encoding);
    }
}
