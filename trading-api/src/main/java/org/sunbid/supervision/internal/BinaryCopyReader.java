package org.sunbid.supervision.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads PostgreSQL's binary COPY format (the "Binary Format" section of the COPY reference): an 11-byte signature,
 * flags and a header extension, then per row a 16-bit field count and per field a 32-bit length (-1 for NULL) and the
 * value in its type's binary send format. Only the types the log's verification reads: int8, int4, timestamptz
 * (microseconds since 2000-01-01 UTC), text (UTF-8) and bytea.
 *
 * <p>The bytes come in chunks (the driver's CopyData messages, one a row, taken as they are): values are read straight
 * from the current chunk, and only a value cut by a chunk's end is put together from the next. The verification of a
 * whole log spent a quarter of its reading time copying each row through a buffered and a data stream first.
 */
final class BinaryCopyReader {

    /** Where the chunks come from: the next one, or null at the end of the data. */
    @FunctionalInterface
    interface Chunks {
        byte[] next() throws IOException;
    }

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final Chunks chunks;
    private byte[] chunk = new byte[0];
    private int pos;
    private boolean ended;

    BinaryCopyReader(InputStream stream) throws IOException {
        this(() -> {
            byte[] block = stream.readNBytes(1 << 16);
            return block.length == 0 ? null : block;
        });
    }

    BinaryCopyReader(Chunks chunks) throws IOException {
        this.chunks = chunks;
        byte[] signature = take(SIGNATURE.length);
        if (signature == null || !Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        int4Value(); // flags: no OIDs are asked for
        skip(int4Value());
    }

    /** Moves to the next row, which must have {@code fields} fields; false at the end of the data. */
    boolean nextRow(int fields) throws IOException {
        if (!available()) {
            return false;
        }
        short count = (short) ((u8() << 8) | u8());
        if (count == -1) {
            return false;
        }
        if (count != fields) {
            throw new IOException("expected " + fields + " fields, got " + count);
        }
        return true;
    }

    long int8() throws IOException {
        expectLength(8);
        return ((long) int4Value() << 32) | (int4Value() & 0xffff_ffffL);
    }

    int int4() throws IOException {
        expectLength(4);
        return int4Value();
    }

    Instant timestamp() throws IOException {
        return instant(timestampMicros());
    }

    /** A timestamptz as microseconds since 1970-01-01 UTC. */
    long timestampMicros() throws IOException {
        return int8() + POSTGRES_EPOCH_MICROS;
    }

    static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    String text() throws IOException {
        byte[] b = bytes();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    byte[] bytes() throws IOException {
        int length = int4Value();
        if (length == -1) {
            return null;
        }
        if (length < 0) {
            throw new IOException("negative field length " + length);
        }
        byte[] b = take(length);
        if (b == null) {
            throw new EOFException("the COPY data ends inside a value");
        }
        return b;
    }

    private void expectLength(int expected) throws IOException {
        int length = int4Value();
        if (length != expected) {
            throw new IOException("expected a " + expected + "-byte value, got length " + length);
        }
    }

    private int int4Value() throws IOException {
        if (chunk.length - pos >= 4) {
            byte[] c = chunk;
            int p = pos;
            pos = p + 4;
            return (c[p] & 0xff) << 24 | (c[p + 1] & 0xff) << 16 | (c[p + 2] & 0xff) << 8 | (c[p + 3] & 0xff);
        }
        return u8() << 24 | u8() << 16 | u8() << 8 | u8();
    }

    private int u8() throws IOException {
        if (!available()) {
            throw new EOFException("the COPY data ends inside a row");
        }
        return chunk[pos++] & 0xff;
    }

    /** {@code length} bytes, from the current chunk if they are all in it; null if the data ends first. */
    private byte[] take(int length) throws IOException {
        if (chunk.length - pos >= length) {
            byte[] b = Arrays.copyOfRange(chunk, pos, pos + length);
            pos += length;
            return b;
        }
        byte[] b = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (!available()) {
                return null;
            }
            int n = Math.min(length - filled, chunk.length - pos);
            System.arraycopy(chunk, pos, b, filled, n);
            pos += n;
            filled += n;
        }
        return b;
    }

    private void skip(int length) throws IOException {
        if (length < 0 || take(length) == null) {
            throw new IOException("bad header extension");
        }
    }

    /** Whether a byte is left, fetching the next non-empty chunk if the current one is used up. */
    private boolean available() throws IOException {
        while (pos == chunk.length) {
            if (ended) {
                return false;
            }
            byte[] next = chunks.next();
            if (next == null) {
                ended = true;
                return false;
            }
            chunk = next;
            pos = 0;
        }
        return true;
    }
}
