package org.sunbid.supervision.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
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
 */
final class BinaryCopyReader {

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final DataInputStream in;

    BinaryCopyReader(InputStream stream) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags: no OIDs are asked for
        in.skipNBytes(in.readInt());
    }

    /** Moves to the next row, which must have {@code fields} fields; false at the end of the data. */
    boolean nextRow(int fields) throws IOException {
        short count;
        try {
            count = in.readShort();
        } catch (EOFException e) {
            return false;
        }
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
        return in.readLong();
    }

    int int4() throws IOException {
        expectLength(4);
        return in.readInt();
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
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    private void expectLength(int expected) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new IOException("expected a " + expected + "-byte value, got length " + length);
        }
    }
}
