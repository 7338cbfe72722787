package org.sunbid.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes PostgreSQL's binary COPY format (the "Binary Format" section of the COPY reference), the counterpart of
 * {@link BinaryCopyReader}: the signature, flags and an empty header extension, then per row a 16-bit field count and
 * per field a 32-bit length (-1 for NULL) and the value in its type's binary receive format, and a trailer of -1.
 * Only the types the log's group commit writes: int8, int2, timestamptz (microseconds since 2000-01-01 UTC), text and
 * varchar (UTF-8) and bytea. The server checks every value against its column as it would an INSERT's.
 */
final class BinaryCopyWriter {

    private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, // flags: no OIDs
            0, 0, 0, 0 }; // header extension length
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private byte[] buffer;
    private int size;
    private boolean finished;

    BinaryCopyWriter(int expectedBytes) {
        buffer = new byte[Math.max(64, expectedBytes)];
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        size = HEADER.length;
    }

    /** Starts a row of {@code fields} fields. */
    BinaryCopyWriter row(int fields) {
        ensure(2);
        putShort(fields);
        return this;
    }

    BinaryCopyWriter int8(long value) {
        ensure(12);
        putInt(8);
        putInt((int) (value >>> 32));
        putInt((int) value);
        return this;
    }

    BinaryCopyWriter int2(short value) {
        ensure(6);
        putInt(2);
        putShort(value);
        return this;
    }

    /** A timestamptz, to the microsecond (nanoseconds below are dropped, as the server would round them away). */
    BinaryCopyWriter timestamptz(Instant at) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return int8(micros - POSTGRES_EPOCH_MICROS);
    }

    /** A text or varchar value as UTF-8, or NULL. */
    BinaryCopyWriter text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytea value (or a text value already in UTF-8), or NULL. */
    BinaryCopyWriter bytes(byte[] value) {
        if (value == null) {
            ensure(4);
            putInt(-1);
            return this;
        }
        ensure(4 + value.length);
        putInt(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    BinaryCopyWriter nullValue() {
        return bytes(null);
    }

    /** The whole stream, trailer included; no row may be added afterwards. */
    byte[] finish() {
        if (!finished) {
            ensure(2);
            putShort(-1);
            finished = true;
        }
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (finished) {
            throw new IllegalStateException("the COPY stream is finished");
        }
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private void putShort(int v) {
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }

    private void putInt(int v) {
        buffer[size++] = (byte) (v >>> 24);
        buffer[size++] = (byte) (v >>> 16);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }
}
