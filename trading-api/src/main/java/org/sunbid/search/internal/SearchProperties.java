package org.sunbid.search.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sunbid.search}. With {@code elasticsearch.uris} set, notices are indexed in Elasticsearch;
 * otherwise in the embedded Lucene index under {@code sunbid.data-dir}/index.
 *
 * @param pollInterval how often the outbox is drained
 */
@ConfigurationProperties("sunbid.search")
public record SearchProperties(@DefaultValue Elasticsearch elasticsearch, @DefaultValue("1s") Duration pollInterval) {

    /** @param uris cluster nodes, e.g. http://localhost:9200; @param index the alias searched and written */
    public record Elasticsearch(List<URI> uris, @DefaultValue("sunbid-notices") String index) {
        public boolean enabled() {
            return uris != null && !uris.isEmpty();
        }
    }
}
