package org.sunbid.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.search.SearchDocument;

/** A rebuild's threads take every document exactly once from the one source, and a failure of any is thrown. */
class RebuildWorkersTests {

    private static List<SearchDocument> documents(int n) {
        List<SearchDocument> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(SearchIndexContract.doc("w" + i, "AWARD", "CONSTRUCTION", "330106", List.of("B01"), "1.00", i % 30,
                    "杭州市西湖区", null, "公告" + i, "正文"));
        }
        return out;
    }

    @Test
    void twoThreadsTakeEachDocumentExactlyOnce() throws IOException {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        new RebuildWorkers(2).run(documents(5000).iterator(), d -> {
            seen.add(d.id());
            threads.add(Thread.currentThread().getName());
        });
        assertThat(seen).hasSize(5000).doesNotHaveDuplicates();
        assertThat(threads).allMatch(name -> name.startsWith("search-rebuild-"));
    }

    @Test
    void oneThreadIndexesOnTheCallersThread() throws IOException {
        List<String> threads = new ArrayList<>();
        new RebuildWorkers(1).run(documents(3).iterator(), d -> threads.add(Thread.currentThread().getName()));
        assertThat(threads).containsOnly(Thread.currentThread().getName()).hasSize(3);
    }

    @Test
    void aFailureOfTheSinkIsThrown() {
        assertThatThrownBy(() -> new RebuildWorkers(2).run(documents(5000).iterator(), d -> {
            if (d.id().equals("w100")) {
                throw new IOException("disk full");
            }
        })).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void aFailureOfTheSourceIsThrown() {
        java.util.Iterator<SearchDocument> failing = new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SearchDocument next() {
                if (i++ == 10) {
                    throw new IllegalStateException("connection refused");
                }
                return documents(1).get(0);
            }
        };
        assertThatThrownBy(() -> new RebuildWorkers(2).run(failing, d -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("connection refused");
    }
}
