package org.sunbid.signing.threshold;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.internal.Json;

/**
 * One share of a k-of-n split. Besides its value it carries the split id, its index (the x-coordinate, 1..n), the
 * threshold and total, the commitments (SHA-256) of every share of the split, and a commitment to the secret, so a
 * share from another split, a corrupted share, or a wrong rebuild is named rather than yielding a wrong key.
 */
public record Share(UUID splitId, int index, int threshold, int total, byte[] value, List<byte[]> shareCommitments,
        byte[] secretCommitment) {

    public Share {
        if (splitId == null || threshold < 2 || total < threshold || total > ThresholdKeys.MAX_SHARES || index < 1 || index > total) {
            throw new ShareException(ShareException.Reason.MALFORMED, "share header out of range (index " + index + ", "
                    + threshold + "-of-" + total + ")");
        }
        if (value == null || value.length == 0 || value.length > ThresholdKeys.MAX_SECRET_BYTES) {
            throw new ShareException(ShareException.Reason.MALFORMED, "share value has a bad length");
        }
        if (shareCommitments == null || shareCommitments.size() != total || secretCommitment == null || secretCommitment.length != 32) {
            throw new ShareException(ShareException.Reason.MALFORMED, "share commitments are missing");
        }
        List<byte[]> copy = new ArrayList<>();
        for (byte[] c : shareCommitments) {
            if (c == null || c.length != 32) {
                throw new ShareException(ShareException.Reason.MALFORMED, "share commitment must be 32 bytes");
            }
            copy.add(c.clone());
        }
        value = value.clone();
        shareCommitments = List.copyOf(copy);
        secretCommitment = secretCommitment.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public byte[] secretCommitment() {
        return secretCommitment.clone();
    }

    /** SHA-256("sunbid-share-v1" ‖ splitId ‖ index ‖ k ‖ n ‖ value). */
    static byte[] commitment(UUID splitId, int index, int threshold, int total, byte[] value) {
        MessageDigest d = DigestAlgorithm.SHA256.newDigest();
        d.update("sunbid-share-v1".getBytes(StandardCharsets.US_ASCII));
        d.update(ByteBuffer.allocate(28).putLong(splitId.getMostSignificantBits()).putLong(splitId.getLeastSignificantBits())
                .putInt(index).putInt(threshold).putInt(total).array());
        d.update(value);
        return d.digest();
    }

    /** SHA-256("sunbid-secret-v1" ‖ splitId ‖ secret). */
    static byte[] secretCommitment(UUID splitId, byte[] secret) {
        MessageDigest d = DigestAlgorithm.SHA256.newDigest();
        d.update("sunbid-secret-v1".getBytes(StandardCharsets.US_ASCII));
        d.update(ByteBuffer.allocate(16).putLong(splitId.getMostSignificantBits()).putLong(splitId.getLeastSignificantBits()).array());
        d.update(secret);
        return d.digest();
    }

    /** True when this share's value matches its own entry in the commitments. */
    public boolean intact() {
        return MessageDigest.isEqual(commitment(splitId, index, threshold, total, value), shareCommitments.get(index - 1));
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "sunbid-share");
        m.put("version", 1L);
        m.put("splitId", splitId.toString());
        m.put("index", (long) index);
        m.put("threshold", (long) threshold);
        m.put("total", (long) total);
        m.put("value", Base64.getEncoder().encodeToString(value));
        m.put("shareCommitments", shareCommitments.stream().map(HexFormat.of()::formatHex).toList());
        m.put("secretCommitment", HexFormat.of().formatHex(secretCommitment));
        return Json.write(m);
    }

    public static Share fromJson(String json) {
        try {
            Map<String, Object> m = Json.readObject(json);
            if (!"sunbid-share".equals(m.get("type")) || !Long.valueOf(1).equals(m.get("version"))) {
                throw new ShareException(ShareException.Reason.MALFORMED, "not a Sunbid share (type/version)");
            }
            List<byte[]> commitments = new ArrayList<>();
            List<Object> raw = Json.array(m, "shareCommitments");
            if (raw.size() > ThresholdKeys.MAX_SHARES) {
                throw new ShareException(ShareException.Reason.MALFORMED, "too many share commitments");
            }
            for (Object o : raw) {
                if (!(o instanceof String s)) {
                    throw new ShareException(ShareException.Reason.MALFORMED, "share commitments must be hex strings");
                }
                commitments.add(HexFormat.of().parseHex(s));
            }
            return new Share(UUID.fromString(Json.string(m, "splitId")), Math.toIntExact(Json.number(m, "index")),
                    Math.toIntExact(Json.number(m, "threshold")), Math.toIntExact(Json.number(m, "total")),
                    Base64.getDecoder().decode(Json.string(m, "value")), commitments,
                    HexFormat.of().parseHex(Json.string(m, "secretCommitment")));
        } catch (Json.JsonException | IllegalArgumentException | ArithmeticException e) {
            throw new ShareException(ShareException.Reason.MALFORMED, "not a Sunbid share: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Share s && s.splitId.equals(splitId) && s.index == index && Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return splitId.hashCode() * 31 + index;
    }

    @Override
    public String toString() {
        return "Share[" + splitId + " #" + index + " " + threshold + "-of-" + total + "]";
    }
}
