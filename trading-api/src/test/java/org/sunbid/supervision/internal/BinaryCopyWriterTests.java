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

class BinaryCopyWriterTests {

    @Test
    void writesTheBinaryCopyLayoutByteForByte() throws IOException {
        BinaryCopyWriter writer = new BinaryCopyWriter(8);
        writer.row(5).int8(42).timestamptz(Instant.parse("1999-12-31T23:59:59.999999Z")).text("监察 log").nullValue()
                .int2((short) 2);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 });
        out.writeInt(0);
        out.writeInt(0);
        out.writeShort(5);
        out.writeInt(8);
        out.writeLong(42);
        out.writeInt(8);
        out.writeLong(-1); // one microsecond before 2000-01-01T00:00:00Z
        byte[] text = "监察 log".getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.writeInt(-1);
        out.writeInt(2);
        out.writeShort(2);
        out.writeShort(-1);
        assertThat(writer.finish()).isEqualTo(bytes.toByteArray());
    }

    @Test
    void whatItWritesTheReaderReadsBackWhateverTheSizes() throws IOException {
        java.util.Random random = new java.util.Random(23);
        BinaryCopyWriter writer = new BinaryCopyWriter(16); // grows many times
        long[] seqs = new long[500];
        Instant[] times = new Instant[500];
        String[] texts = new String[500];
        byte[][] blobs = new byte[500][];
        for (int i = 0; i < 500; i++) {
            seqs[i] = random.nextLong();
            // any microsecond from year 1 to 9999, before and after both epochs
            times[i] = Instant.ofEpochSecond(-62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L),
                    random.nextInt(1_000_000) * 1_000L);
            texts[i] = i % 9 == 0 ? null : ("监察 entry " + i + " ").repeat(random.nextInt(60));
            blobs[i] = new byte[random.nextInt(3000)];
            random.nextBytes(blobs[i]);
            writer.row(4).int8(seqs[i]).timestamptz(times[i]).text(texts[i]).bytes(blobs[i]);
        }
        BinaryCopyReader reader = new BinaryCopyReader(new ByteArrayInputStream(writer.finish()));
        for (int i = 0; i < 500; i++) {
            assertThat(reader.nextRow(4)).isTrue();
            assertThat(reader.int8()).isEqualTo(seqs[i]);
            assertThat(reader.timestamp()).isEqualTo(times[i]);
            assertThat(reader.text()).isEqualTo(texts[i]);
            assertThat(reader.bytes()).isEqualTo(blobs[i]);
        }
        assertThat(reader.nextRow(4)).isFalse();
    }

    @Test
    void dropsNanosecondsBelowTheMicrosecondAndRefusesRowsAfterTheTrailer() {
        BinaryCopyWriter a = new BinaryCopyWriter(64);
        a.row(1).timestamptz(Instant.parse("2026-12-03T22:00:00.123456789Z"));
        BinaryCopyWriter b = new BinaryCopyWriter(64);
        b.row(1).timestamptz(Instant.parse("2026-12-03T22:00:00.123456Z"));
        assertThat(a.finish()).isEqualTo(b.finish());
        assertThatThrownBy(() -> a.row(1)).isInstanceOf(IllegalStateException.class);
    }
}
