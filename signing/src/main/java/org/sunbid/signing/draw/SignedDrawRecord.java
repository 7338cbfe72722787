package org.sunbid.signing.draw;

import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.sunbid.signing.internal.Json;

/**
 * A draw record as published ({@code draw.json}): the record, a detached CMS signature by the platform over the
 * record's canonical bytes, and an RFC 3161 token over their SHA-256.
 */
public record SignedDrawRecord(DrawRecord record, byte[] signature, byte[] timestampToken) {

    public SignedDrawRecord {
        signature = signature.clone();
        timestampToken = timestampToken.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] timestampToken() {
        return timestampToken.clone();
    }

    /** The published file: {"record": …, "signature": base64, "timestamp": base64}, keys sorted, no spaces. */
    public String toJson() {
        return toJson(record.canonicalJson());
    }

    /** The same, given the record's canonical JSON already written (it is what was signed). */
    public String toJson(String canonicalRecord) {
        return "{\"record\":" + canonicalRecord + ",\"signature\":\"" + Base64.getEncoder().encodeToString(signature)
                + "\",\"timestamp\":\"" + Base64.getEncoder().encodeToString(timestampToken) + "\"}";
    }

    /** A file that is not a readable draw record; the message is one line. */
    public static final class MalformedRecordException extends RuntimeException {
        public MalformedRecordException(String message) {
            super(message);
        }
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(SignedDrawRecord::sorted).toList();
        }
        return value;
    }

    /** Parses a published record; refuses anything that is not one (never a partial record). */
    @SuppressWarnings("unchecked")
    public static SignedDrawRecord parse(String json) {
        try {
            Object parsed = Json.read(json, DrawRecord.MAX_CHARS);
            if (!(parsed instanceof Map<?, ?> map) || !(map.get("record") instanceof Map<?, ?> record)) {
                throw new MalformedRecordException("not a signed draw record (no \"record\" object)");
            }
            Map<String, Object> top = (Map<String, Object>) map;
            DrawRecord parsedRecord = DrawRecord.fromMap((Map<String, Object>) record);
            if (!Json.write(sorted(record)).equals(parsedRecord.canonicalJson())) {
                throw new MalformedRecordException("the record holds fields or values outside its canonical form");
            }
            return new SignedDrawRecord(parsedRecord,
                    Base64.getDecoder().decode(Json.string(top, "signature")),
                    Base64.getDecoder().decode(Json.string(top, "timestamp")));
        } catch (Json.JsonException | IllegalArgumentException e) {
            throw new MalformedRecordException("not a readable draw record: " + e.getMessage());
        }
    }
}
