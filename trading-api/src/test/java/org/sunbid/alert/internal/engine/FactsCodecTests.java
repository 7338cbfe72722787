package org.sunbid.alert.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FactsCodecTests {

    @Test
    void keptFactsReadBackAsExtractedAndDamagedBytesAreRefused() {
        List<LotEvidence.FileFacts> files = List.of(
                new LotEvidence.FileFacts("technical.pdf", "ab".repeat(32), "张工", "WPS 文字", "0f".repeat(16), null,
                        Instant.parse("2026-11-02T08:00:00Z"), null, String.join("\n", CorpusTexts.sentences(9, 500))),
                new LotEvidence.FileFacts("price.xlsx", "cd".repeat(32), null, null, null, null, null, null, null));

        byte[] kept = FactsCodec.encode(files);

        assertThat(FactsCodec.decode(kept)).isEqualTo(files);
        assertThat(kept.length).as("deflated")
                .isLessThan(files.get(0).text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThatThrownBy(() -> FactsCodec.decode(Arrays.copyOf(kept, kept.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactsCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }
}
