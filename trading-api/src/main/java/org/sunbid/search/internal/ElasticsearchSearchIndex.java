package org.sunbid.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.util.NamedValue;
import org.springframework.http.HttpStatus;
import org.sunbid.platform.ProblemException;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchQuery;
import org.sunbid.search.SearchResult;

/**
 * Elasticsearch through the official Java client. Documents live in a concrete index ({@code <alias>-<n>}) behind an
 * alias; a rebuild fills a fresh index and swaps the alias atomically, so searches never see a half-built index.
 * The mapping is explicit and strict ({@code search/elasticsearch-notices.json}); text uses the built-in standard
 * analyzer (Chinese as single characters, words lower-cased) so it runs on any distribution, and every query piece
 * is a phrase, which gives the same "contiguous string" semantics as the Lucene bigrams.
 */
public final class ElasticsearchSearchIndex implements SearchIndex {

    private static final AtomicLong GENERATION = new AtomicLong();
    /** The sampler aggregation that holds a text search's facets. */
    private static final String SAMPLE = "sample";

    private final Rest5Client rest;
    private final ElasticsearchClient client;
    private final String alias;

    public ElasticsearchSearchIndex(List<URI> uris, String alias) {
        this.rest = Rest5Client.builder(uris).build();
        this.client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
        this.alias = alias;
        try {
            call(() -> {
                if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                    String index = createIndex();
                    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias))));
                } else {
                    addMissingFields();
                }
                return null;
            });
        } catch (RuntimeException e) {
            close(); // the client's I/O threads would otherwise keep a JVM whose start failed alive
            throw e;
        }
    }

    /**
     * An index made before some fields existed gets them (the mapping is strict). Only the missing ones are put: a
     * field already there keeps its analyzer (Elasticsearch refuses to change it), so a second node, or a restart,
     * starts on the index the first one made. New text fields take the analyzer the index's title uses.
     */
    private void addMissingFields() throws IOException {
        var mappings = client.indices().getMapping(g -> g.index(alias)).mappings();
        Map<String, Property> existing = mappings.values().iterator().next().mappings().properties();
        Property title = existing.get("title");
        String analyzer = title != null && title.isText() && title.text().analyzer() != null
                ? title.text().analyzer() : "standard";
        Map<String, Property> wanted = new LinkedHashMap<>();
        wanted.put("test", Property.of(p -> p.boolean_(b -> b)));
        wanted.put("facts", Property.of(p -> p.text(t -> t.analyzer(analyzer))));
        wanted.put("attachments", Property.of(p -> p.text(t -> t.analyzer(analyzer))));
        wanted.put("projectId", Property.of(p -> p.keyword(k -> k)));
        wanted.put("bidDeadline", Property.of(p -> p.long_(l -> l.index(false))));
        wanted.put("openingAt", Property.of(p -> p.long_(l -> l.index(false))));
        wanted.keySet().removeAll(existing.keySet());
        if (!wanted.isEmpty()) {
            client.indices().putMapping(m -> m.index(alias).properties(wanted));
        }
    }

    public ElasticsearchClient client() {
        return client;
    }

    public String alias() {
        return alias;
    }

    @Override
    public String engine() {
        return "elasticsearch";
    }

    /** The cluster health colour, for the health indicator. */
    public HealthStatus health() {
        return call(() -> client.cluster().health().status());
    }

    private String createIndex() throws IOException {
        String index = alias + "-" + System.currentTimeMillis() + "-" + GENERATION.incrementAndGet();
        try (Reader mapping = mapping()) {
            client.indices().create(c -> c.index(index).withJson(mapping));
        }
        return index;
    }

    private static Reader mapping() {
        InputStream in = ElasticsearchSearchIndex.class.getResourceAsStream("/search/elasticsearch-notices.json");
        if (in == null) {
            throw new IllegalStateException("search/elasticsearch-notices.json missing from the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public void index(List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        bulk(alias, documents, Refresh.True);
    }

    private void bulk(String target, List<SearchDocument> documents, Refresh refresh) {
        if (documents.isEmpty()) {
            return;
        }
        call(() -> {
            BulkRequest.Builder b = new BulkRequest.Builder().index(target).refresh(refresh);
            for (SearchDocument d : documents) {
                b.operations(op -> op.index(i -> i.id(d.id()).document(source(d))));
            }
            var response = client.bulk(b.build());
            if (response.errors()) {
                var failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
                throw new IllegalStateException("Elasticsearch refused document " + failed.id() + ": "
                        + failed.error().reason());
            }
            return null;
        });
    }

    private static Map<String, Object> source(SearchDocument d) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", d.id());
        m.put("publicId", d.publicId());
        m.put("kind", d.kind());
        m.put("projectType", d.projectType());
        m.put("region", d.regionCode());
        m.put("classification", d.classificationCodes());
        m.put("amount", d.amount() == null ? null : d.amount().movePointRight(2).longValueExact());
        m.put("published", d.publishedAt().toEpochMilli());
        m.put("tenderee", d.tenderee());
        m.put("agency", d.agency());
        m.put("winner", d.winner());
        m.put("title", d.title());
        m.put("body", d.body());
        m.put("test", d.test());
        m.put("facts", d.facts());
        m.put("attachments", d.attachments());
        m.put("projectId", d.projectId());
        m.put("bidDeadline", d.bidDeadline() == null ? null : d.bidDeadline().toEpochMilli());
        m.put("openingAt", d.openingAt() == null ? null : d.openingAt().toEpochMilli());
        return m;
    }

    @Override
    public void delete(String id) {
        call(() -> client.delete(d -> d.index(alias).id(id).refresh(Refresh.True)));
    }

    @Override
    public void rebuild(Iterable<SearchDocument> documents) {
        call(() -> {
            String fresh = createIndex();
            List<SearchDocument> batch = new ArrayList<>();
            for (SearchDocument d : documents) {
                batch.add(d);
                if (batch.size() == 1000) {
                    bulk(fresh, batch, Refresh.False);
                    batch.clear();
                }
            }
            bulk(fresh, batch, Refresh.False);
            client.indices().refresh(r -> r.index(fresh));
            List<String> old = new ArrayList<>(client.indices().getAlias(g -> g.name(alias)).aliases().keySet());
            client.indices().updateAliases(u -> {
                old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
                return u.actions(a -> a.add(add -> add.index(fresh).alias(alias)));
            });
            for (String o : old) {
                client.indices().delete(d -> d.index(o));
            }
            return null;
        });
    }

    @Override
    public long count() {
        return call(() -> client.count(c -> c.index(alias)).count());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SearchResult search(SearchQuery q) {
        Query query = ElasticsearchQueries.query(q);
        List<FieldValue> after = q.after().map(c -> ElasticsearchQueries.after(c, q.sort())).orElse(null);
        SearchResponse<Map> response = call(() -> client.search(s -> {
            // a text search counts up to the same limit as the embedded index (Elasticsearch's own default)
            s.index(alias).query(query).size(q.size()).sort(ElasticsearchQueries.sort(q.sort())).trackTotalHits(t ->
                    q.text().isEmpty() ? t.enabled(true) : t.count(SearchResult.COUNT_LIMIT));
            if (after != null) {
                s.searchAfter(after);
            } else {
                s.from(q.page() * q.size());
            }
            if (!q.text().isEmpty()) {
                s.highlight(h -> h.preTags("<em>").postTags("</em>").encoder(HighlighterEncoder.Html)
                        .fields(NamedValue.of("body", HighlightField.of(f -> f.numberOfFragments(2).fragmentSize(100)))));
            }
            if (q.text().isEmpty()) {
                for (String facet : FACETS) {
                    s.aggregations(facet, Aggregation.of(a -> a.terms(t -> t.field(facet).size(100))));
                }
            } else {
                // like the embedded index, a text search counts facets over a bounded sample of its matches (here the
                // best-scoring ones)
                s.aggregations(SAMPLE, Aggregation.of(a -> {
                    var sampler = a.sampler(x -> x.shardSize(SearchResult.COUNT_LIMIT));
                    for (String facet : FACETS) {
                        sampler.aggregations(facet, Aggregation.of(f -> f.terms(t -> t.field(facet).size(100))));
                    }
                    return sampler;
                }));
            }
            return s;
        }, Map.class));
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<?, ?> src = hit.source();
            List<String> body = hit.highlight().getOrDefault("body", List.of());
            // snippets come from the running text only: a match elsewhere (title, facts) shows the text's lead
            String snippet = !body.isEmpty() ? String.join("…", body) : lead((String) src.get("body"));
            Number amount = (Number) src.get("amount");
            hits.add(new SearchResult.Hit((String) src.get("id"), (String) src.get("publicId"), (String) src.get("kind"),
                    (String) src.get("title"), snippet, amount == null ? null : BigDecimal.valueOf(amount.longValue(), 2),
                    Instant.ofEpochMilli(((Number) src.get("published")).longValue()), (String) src.get("tenderee"),
                    (String) src.get("winner"), (String) src.get("region"), (String) src.get("projectType"),
                    (String) src.get("projectId"), instant(src.get("bidDeadline")), instant(src.get("openingAt")), null));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        var aggregations = q.text().isEmpty() ? response.aggregations()
                : response.aggregations().get(SAMPLE).sampler().aggregations();
        for (String facet : FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (StringTermsBucket b : aggregations.get(facet).sterms().buckets().array()) {
                counts.put(b.key().stringValue(), b.docCount());
            }
            facets.put(facet, counts);
        }
        String next = null;
        List<Hit<Map>> all = response.hits().hits();
        if (all.size() == q.size()) {
            List<Object> values = new ArrayList<>();
            for (FieldValue v : all.get(all.size() - 1).sort()) {
                values.add(v.isDouble() ? (Object) v.doubleValue() : v.isLong() ? (Object) v.longValue() : v.isString() ? v.stringValue() : v._toJsonString());
            }
            next = Cursors.encode(values);
        }
        var counted = response.hits().total();
        long total = counted == null ? hits.size() : counted.value();
        boolean exact = counted == null || counted.relation() == co.elastic.clients.elasticsearch.core.search.TotalHitsRelation.Eq;
        return new SearchResult(total, exact, hits, facets, exact, next);
    }

    private static Instant instant(Object millis) {
        return millis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
    }

    private static String lead(String body) {
        if (body == null) {
            return "";
        }
        String cut = body.length() > 120 ? body.substring(0, 120) + "…" : body;
        return cut.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public List<String> suggest(String field, String prefix, int limit) {
        if (!field.equals("tenderee") && !field.equals("winner") && !field.equals("agency")) {
            throw new IllegalArgumentException("no suggestions for " + field);
        }
        SearchResponse<Void> response = call(() -> client.search(s -> s.index(alias).size(0)
                .query(q -> q.bool(b -> b.must(m -> m.prefix(p -> p.field(field).value(prefix)))
                        .mustNot(n -> n.term(t -> t.field("test").value(true)))))
                .aggregations("values", a -> a.terms(t -> t.field(field).size(limit)
                        .order(NamedValue.of("_key", SortOrder.Asc)))), Void.class));
        List<String> out = new ArrayList<>();
        for (StringTermsBucket b : response.aggregations().get("values").sterms().buckets().array()) {
            out.add(b.key().stringValue());
        }
        return out;
    }

    /** Removes every index behind the alias (tests clean up after themselves). */
    public void drop() {
        call(() -> {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                for (String index : client.indices().getAlias(g -> g.name(alias)).aliases().keySet()) {
                    client.indices().delete(d -> d.index(index));
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            // closing a client that is already gone is not worth a failure
        }
    }

    interface EsCall<T> {
        T run() throws IOException;
    }

    /** Engine and transport failures become a 503 problem; they never leak as stack traces. */
    private static <T> T call(EsCall<T> call) {
        try {
            return call.run();
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /** The search engine did not answer or refused the request. */
    public static final class SearchUnavailableException extends ProblemException {
        SearchUnavailableException(Exception cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", null, "search.unavailable");
            initCause(cause);
        }
    }
}
