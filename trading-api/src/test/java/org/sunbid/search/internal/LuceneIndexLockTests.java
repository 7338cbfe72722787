package org.sunbid.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One embedded Lucene index serves one node: a second node on the same folder is refused, saying why. */
class LuceneIndexLockTests {

    @TempDir
    Path folder;

    @Test
    void aSecondNodeOnTheSameIndexFolderIsRefusedWithTheReasonAndTheFirstKeepsWorking() {
        try (LuceneSearchIndex first = new LuceneSearchIndex(folder)) {
            assertThatThrownBy(() -> new LuceneSearchIndex(folder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(folder.toAbsolutePath().toString())
                    .hasMessageContaining("already open by another Sunbid node")
                    .hasMessageContaining("Elasticsearch");
            assertThat(first.engine()).isEqualTo("lucene");
            assertThat(first.count()).isZero();
        }
        // once the first node is gone the folder is free again
        try (LuceneSearchIndex again = new LuceneSearchIndex(folder)) {
            assertThat(again.count()).isZero();
        }
    }
}
