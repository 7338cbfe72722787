package org.sunbid.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchQuery;
import org.sunbid.search.SearchResult;

/** The search contract against the embedded Lucene index in a temporary folder. */
class LuceneSearchIndexTests extends SearchIndexContract {

    @TempDir
    Path folder;

    @Override
    SearchIndex newIndex() {
        try {
            return new LuceneSearchIndex(Files.createTempDirectory(folder, "index"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSearchWithoutTextIsKeptUntilTheIndexChanges() {
        SearchQuery everything = SearchQuery.builder().build();
        SearchResult first = index.search(everything);
        assertThat(index.search(everything)).isSameAs(first);
        assertThat(index.search(SearchQuery.text("道路改造"))).isNotSameAs(index.search(SearchQuery.text("道路改造")));

        index.index(List.of(doc("30", "AWARD", "CONSTRUCTION", "330106", List.of("B01"), "1.00", 3, "杭州市西湖区", null,
                "新的公告", "新")));
        SearchResult after = index.search(everything);
        assertThat(after).isNotSameAs(first);
        assertThat(after.total()).isEqualTo(first.total() + 1);
        index.delete("30");
        assertThat(index.search(everything).total()).isEqualTo(first.total());
    }
}
