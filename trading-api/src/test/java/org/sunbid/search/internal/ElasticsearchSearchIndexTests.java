package org.sunbid.search.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.sunbid.search.SearchIndex;
import org.sunbid.support.RealComponents;

/**
 * The search contract against a real Elasticsearch 9. Start one with {@code .ci/elasticsearch.sh} and set
 * {@code SUNBID_TEST_ELASTICSEARCH_URIS} (environment) or {@code sunbid.test.elasticsearch.uris} (system property);
 * without it the class is skipped and says so.
 */
class ElasticsearchSearchIndexTests extends SearchIndexContract {

    static List<URI> uris;

    @BeforeAll
    static void findElasticsearch() {
        String value = System.getProperty("sunbid.test.elasticsearch.uris", System.getenv("SUNBID_TEST_ELASTICSEARCH_URIS"));
        if (value == null || value.isBlank()) {
            uris = null;
            System.out.println("SKIPPED ElasticsearchSearchIndexTests: set SUNBID_TEST_ELASTICSEARCH_URIS "
                    + "(start one with .ci/elasticsearch.sh)");
        } else {
            uris = Arrays.stream(value.split(",")).map(String::strip).map(URI::create).toList();
        }
    }

    /** Each test is reported as skipped, with the reason, when no server is configured. */
    @Override
    SearchIndex newIndex() {
        RealComponents.require(uris != null, "Elasticsearch contract tests: SUNBID_TEST_ELASTICSEARCH_URIS is "
                + "not set (start one with .ci/elasticsearch.sh)");
        return new ElasticsearchSearchIndex(uris, "sunbid-test-" + UUID.randomUUID());
    }

    @org.junit.jupiter.api.Test
    void reportsTheClusterHealthForTheHealthIndicator() {
        var status = ((ElasticsearchSearchIndex) index).health();
        org.assertj.core.api.Assertions.assertThat(status.jsonValue()).isIn("green", "yellow");
    }

    @org.junit.jupiter.api.Test
    void anUnreachableClusterIsAServiceUnavailableProblemNotAnEngineException() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ElasticsearchSearchIndex(List.of(URI.create("http://127.0.0.1:9")), "sunbid-nowhere"))
                .isInstanceOf(ElasticsearchSearchIndex.SearchUnavailableException.class)
                .extracting("type").isEqualTo("search-unavailable");
    }

    @org.junit.jupiter.api.Test
    void aRestartReopensTheIndexItMadeAsItIs() {
        // a second instance on the same alias is what a restarted node (or a benchmark reusing an index) makes
        try (ElasticsearchSearchIndex again = new ElasticsearchSearchIndex(uris, ((ElasticsearchSearchIndex) index).alias())) {
            org.assertj.core.api.Assertions.assertThat(again.count()).isEqualTo(index.count());
        }
    }

    @AfterEach
    void dropIndex() {
        if (index instanceof ElasticsearchSearchIndex es) {
            es.drop();
        }
    }
}
