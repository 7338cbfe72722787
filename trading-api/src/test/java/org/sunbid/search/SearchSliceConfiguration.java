package org.sunbid.search;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.sunbid.search.internal.LuceneSearchIndex;

/**
 * The search service over a real Lucene index in a temporary folder, for slice tests of the search controller: it
 * searches and suggests; the outbox and the rebuild (which need PostgreSQL) are not wired.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SearchSliceConfiguration {

    @Bean(destroyMethod = "close")
    LuceneSearchIndex sliceIndex() throws IOException {
        return new LuceneSearchIndex(Files.createTempDirectory("sunbid-search-slice"));
    }

    @Bean
    SearchManagement sliceSearch(LuceneSearchIndex index) {
        return new SearchManagement(index, null, null, java.time.Clock.systemUTC(), null);
    }
}
