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
