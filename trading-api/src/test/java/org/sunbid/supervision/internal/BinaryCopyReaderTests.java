package org.sunbid.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BinaryCopyReaderTests {

    @Test
    void readsRowsOfTheTypesTheVerificationUsesAndStopsAtTheTrailer() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes);
        out.writeShort(4);
        out.writeInt(8);
        out.writeLong(42);
        out.writeInt(8);
        out.writeLong(-1); // one microsecond before 2000-01-01T00:00:00Z
        byte[] text = "监察 log".getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.writeInt(-1);
        out.writeShort(-1);
        BinaryCopyReader reader = new BinaryCopyReader(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(reader.nextRow(4)).isTrue();
        assertThat(reader.int8()).isEqualTo(42);
        assertThat(reader.timestamp()).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
        assertThat(reader.text()).isEqualTo("监察 log");
        assertThat(reader.bytes()).isNull();
        assertThat(reader.nextRow(4)).isFalse();
    }

    @Test
    void readsTheSameRowsWhateverChunksTheDataComesIn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes);
        java.util.Random random = new java.util.Random(17);
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long seq = random.nextLong();
            long micros = random.nextLong() >> 8;
            byte[] text = ("行 " + i + " ").repeat(random.nextInt(40)).getBytes(StandardCharsets.UTF_8);
            int code = random.nextInt();
            out.writeShort(5);
            out.writeInt(8);
            out.writeLong(seq);
            out.writeInt(8);
            out.writeLong(micros);
            out.writeInt(text.length);
            out.write(text);
            if (i % 7 == 0) {
                out.writeInt(-1);
            } else {
                out.writeInt(3);
                out.write(new byte[] { 1, (byte) 0xff, (byte) i });
            }
            out.writeInt(4);
            out.writeInt(code);
            expected.add(seq + "|" + (micros + 946_684_800_000_000L) + "|" + new String(text, StandardCharsets.UTF_8) + "|"
                    + (i % 7 == 0 ? "null" : "[1, -1, " + (byte) i + "]") + "|" + code);
        }
        out.writeShort(-1);
        byte[] all = bytes.toByteArray();
        for (int maxChunk : new int[] { 1, 2, 5, 13, 64, all.length }) {
            int[] at = { 0 };
            BinaryCopyReader reader = new BinaryCopyReader(() -> {
                if (at[0] == all.length) {
                    return null;
                }
                int n = Math.min(all.length - at[0], maxChunk == all.length ? maxChunk : 1 + random.nextInt(maxChunk));
                at[0] += n;
                return java.util.Arrays.copyOfRange(all, at[0] - n, at[0]);
            });
            java.util.List<String> read = new java.util.ArrayList<>();
            while (reader.nextRow(5)) {
                byte[] b = null;
                String row = reader.int8() + "|" + reader.timestampMicros() + "|" + reader.text() + "|";
                b = reader.bytes();
                read.add(row + (b == null ? "null" : java.util.Arrays.toString(b)) + "|" + reader.int4());
            }
            assertThat(read).as("chunks of at most %d bytes", maxChunk).isEqualTo(expected);
        }
    }

    @Test
    void aStreamCutInsideARowIsAnErrorNotAnEnd() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes);
        out.writeShort(1);
        out.writeInt(10);
        out.write("12345".getBytes(StandardCharsets.US_ASCII));
        BinaryCopyReader reader = new BinaryCopyReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reader.nextRow(1)).isTrue();
        assertThatThrownBy(reader::bytes).isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void refusesAStreamThatIsNotBinaryCopyOrARowOfAnotherShape() throws IOException {
        assertThatThrownBy(() -> new BinaryCopyReader(new ByteArrayInputStream("seq\tat\n".repeat(4).getBytes())))
            .isInstanceOf(IOException.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = header(bytes);
        out.writeShort(3);
        BinaryCopyReader reader = new BinaryCopyReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThatThrownBy(() -> reader.nextRow(12)).hasMessageContaining("expected 12 fields, got 3");
    }

    private static DataOutputStream header(ByteArrayOutputStream bytes) throws IOException {
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 });
        out.writeInt(0);
        out.writeInt(0);
        return out;
    }
}
