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

    /** The second node of a deployment, or any restart: the alias exists and its text fields keep their analyzer. */
    @org.junit.jupiter.api.Test
    void aSecondNodeStartsOnTheIndexTheFirstMadeAndBothSeeEachOthersDocuments() {
        String alias = ((ElasticsearchSearchIndex) index).alias();
        try (SearchIndex second = new ElasticsearchSearchIndex(uris, alias)) {
            org.assertj.core.api.Assertions.assertThat(ids(second.search(org.sunbid.search.SearchQuery.text("污水"))))
                    .containsExactly("3");
            second.index(List.of(doc("7", "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106", List.of("B0201"), null, 6,
                    "杭州市西湖区", null, "保俶路绿化提升工程招标公告", "绿化提升。")));
            org.assertj.core.api.Assertions.assertThat(ids(index.search(org.sunbid.search.SearchQuery.text("绿化提升"))))
                    .containsExactly("7");
        }
    }

    /** An index made before the later fields: they are added with the analyzer its title uses, the others left be. */
    @org.junit.jupiter.api.Test
    void anOlderIndexGetsOnlyItsMissingFields() throws java.io.IOException {
        var client = ((ElasticsearchSearchIndex) index).client();
        String alias = "sunbid-test-old-" + UUID.randomUUID();
        client.indices().create(c -> c.index(alias + "-1").mappings(m -> m.dynamic(
                co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                .properties("id", p -> p.keyword(k -> k)).properties("title", p -> p.text(t -> t.analyzer("standard")))));
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(alias + "-1").alias(alias))));
        try (ElasticsearchSearchIndex old = new ElasticsearchSearchIndex(uris, alias)) {
            var properties = client.indices().getMapping(g -> g.index(alias)).get(alias + "-1").mappings()
                    .properties();
            org.assertj.core.api.Assertions.assertThat(properties).containsKeys("test", "facts", "attachments",
                    "projectId", "bidDeadline", "openingAt");
            org.assertj.core.api.Assertions.assertThat(properties.get("attachments").text().analyzer())
                    .isEqualTo("standard");
            old.drop();
        }
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
