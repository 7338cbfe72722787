package org.sunbid.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchQuery;
import org.sunbid.search.SearchResult;

/**
 * Embedded Lucene: CJK bigram analysis (Chinese phrases, English words; see {@link BigramAnalyzer}), point fields for ranges, sorted-set doc
 * values for facets, the unified highlighter for snippets and search-after for deep pages. This class writes, runs a
 * search and reads its page and facets; documents are built by {@link LuceneDocuments}, queries by
 * {@link LuceneQueries}, name suggestions by {@link LuceneSuggestions}.
 */
public final class LuceneSearchIndex implements SearchIndex {

    /**
     * Threads that analyse documents during a rebuild: two where there are two cores (measured in benchmarks.md); the
     * system property {@code sunbid.search.rebuild-threads} sets another number (the benchmark compares one and two).
     */
    static final int REBUILD_THREADS = Integer.getInteger("sunbid.search.rebuild-threads",
            Math.min(2, Runtime.getRuntime().availableProcessors()));

    /** The writer's buffer during a rebuild: 256 MB, or an eighth of the heap where that is less (64 MB otherwise). */
    static final double REBUILD_BUFFER_MB = Math.max(64, Math.min(256, Runtime.getRuntime().maxMemory() / 8 / (1 << 20)));

    private final FSDirectory directory;
    private final Analyzer analyzer = new BigramAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facets = new FacetsConfig();
    private final LuceneQueries queries = new LuceneQueries(analyzer);
    private final LuceneSuggestions suggestions;
    private volatile StateCache stateCache;
    /** Searches without text count every match exactly; the same answer serves every visitor until the index changes. */
    private final ReaderCache<SearchQuery, SearchResult> withoutText = new ReaderCache<>(64);

    private record StateCache(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /**
     * The index's writer, which holds the folder's {@code write.lock} for as long as this node runs. A second node on
     * the same folder (two nodes sharing a data directory) is refused with the reason: one embedded index serves one
     * node; several nodes search through Elasticsearch.
     */
    static IndexWriter writer(FSDirectory directory, IndexWriterConfig config, Path folder) throws IOException {
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IllegalStateException(("The embedded Lucene search index in %s is already open by another Sunbid "
                    + "node (its write.lock is held). One embedded index serves exactly one node: run two or more nodes "
                    + "with Elasticsearch (sunbid.search.elasticsearch.uris, see docs/reliability.md), or give this node "
                    + "a data directory of its own.").formatted(folder.toAbsolutePath()), e);
        }
    }

    public LuceneSearchIndex(Path folder) {
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(64);
            writer = writer(directory, config, folder);
            writer.commit();
            searchers = new SearcherManager(writer, null);
            suggestions = new LuceneSuggestions(searchers);
            facets.setMultiValued("classification", true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder, e);
        }
    }

    @Override
    public String engine() {
        return "lucene";
    }

    @Override
    public synchronized void index(List<SearchDocument> documents) {
        try {
            for (SearchDocument d : documents) {
                writer.updateDocument(new Term("id", d.id()), facets.build(LuceneDocuments.of(d)));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void delete(String id) {
        try {
            writer.deleteDocuments(new Term("id", id));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Searches keep using the last refreshed reader until the new content is committed. The documents are analysed on
     * up to {@link #REBUILD_THREADS} threads (the writer takes documents from several threads at once, each into a
     * segment of its own), which pull from the one source in turn, so reading the next notices overlaps indexing the
     * last; and the writer's buffer is larger meanwhile, so fewer and bigger segments are flushed and merged.
     */
    @Override
    public synchronized void rebuild(Iterable<SearchDocument> documents) {
        double buffer = writer.getConfig().getRAMBufferSizeMB();
        try {
            writer.deleteAll();
            writer.getConfig().setRAMBufferSizeMB(REBUILD_BUFFER_MB);
            new RebuildWorkers(REBUILD_THREADS).run(documents.iterator(),
                    d -> writer.addDocument(facets.build(LuceneDocuments.of(d))));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.getConfig().setRAMBufferSizeMB(buffer);
        }
    }

    @Override
    public long count() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchResult search(SearchQuery q) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                if (!q.text().isEmpty()) {
                    return search(searcher, q);
                }
                return withoutText.get(searcher.getIndexReader(), q, () -> {
                    try {
                        return search(searcher, q);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery q) throws IOException {
        Query text = queries.text(q.text());
        Query query = queries.query(q, text);
        Sort sort = LuceneQueries.sort(q.sort());
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        FieldDoc after = q.after().map(c -> LuceneQueries.after(c, q.sort(), maxDoc)).orElse(null);
        int want = after != null ? q.size() : (q.page() + 1) * q.size();
        // a text search counts its matches up to a limit (beyond it the collector may skip what cannot make the page);
        // a search without text has no positions to check and counts exactly
        int limit = q.text().isEmpty() ? Integer.MAX_VALUE : SearchResult.COUNT_LIMIT;
        TopDocs top = searcher.search(query, new TopFieldCollectorManager(sort, want, after, limit));
        boolean totalExact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        long total = totalExact ? top.totalHits.value : SearchResult.COUNT_LIMIT;
        FacetsCollector fc = firstMatches(searcher, query, limit);
        long faceted = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        boolean facetsExact = totalExact && faceted == top.totalHits.value;

        int from = after != null ? 0 : Math.min(q.page() * q.size(), top.scoreDocs.length);
        ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        TopDocs page = new TopDocs(top.totalHits, pageDocs);
        String[] bodySnippets = new String[pageDocs.length];
        if (!q.text().isEmpty() && pageDocs.length > 0) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                    .withMaxLength(100_000).withMaxNoHighlightPassages(0).build();
            bodySnippets = highlighter.highlight("body", text, page, 2);
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < pageDocs.length; i++) {
            Document doc = searcher.storedFields().document(pageDocs[i].doc);
            // snippets come from the running text only: a match elsewhere (title, facts) shows the text's lead
            String snippet = bodySnippets[i] != null ? bodySnippets[i] : lead(doc.get("body"));
            Number amount = doc.getField("amount") != null ? doc.getField("amount").numericValue() : null;
            hits.add(new SearchResult.Hit(doc.get("id"), doc.get("publicId"), doc.get("kind"), doc.get("title"), snippet,
                    amount == null ? null : BigDecimal.valueOf(amount.longValue(), 2),
                    Instant.ofEpochMilli(doc.getField("published").numericValue().longValue()), doc.get("tenderee"),
                    doc.get("winner"), doc.get("region"), doc.get("projectType"), doc.get("projectId"),
                    instant(doc, "bidDeadline"), instant(doc, "openingAt"), null));
        }
        String next = null;
        if (pageDocs.length == q.size()) {
            next = LuceneQueries.cursor((FieldDoc) pageDocs[pageDocs.length - 1]);
        }
        return new SearchResult(total, totalExact, hits, facetCounts(searcher, fc), facetsExact, next);
    }

    /**
     * The facets of the first {@code limit} matches in index order: a search stops collecting there, since checking
     * every match's phrase positions for exact counts was most of a search's time at a million notices.
     */
    private static FacetsCollector firstMatches(IndexSearcher searcher, Query query, int limit) throws IOException {
        FacetsCollector facets = new FacetsCollector();
        searcher.search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return new FilterCollector(facets) {
                    private int left = limit;

                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                        if (left <= 0) {
                            throw new CollectionTerminatedException();
                        }
                        return new FilterLeafCollector(super.getLeafCollector(context)) {
                            @Override
                            public void collect(int doc) throws IOException {
                                in.collect(doc);
                                if (--left <= 0) {
                                    throw new CollectionTerminatedException();
                                }
                            }
                        };
                    }
                };
            }

            @Override
            public Void reduce(java.util.Collection<Collector> collectors) {
                return null;
            }
        });
        return facets;
    }

    private static Instant instant(Document doc, String field) {
        var f = doc.getField(field);
        return f == null ? null : Instant.ofEpochMilli(f.numericValue().longValue());
    }

    private static String lead(String body) {
        if (body == null) {
            return "";
        }
        String escaped = body.length() > 120 ? body.substring(0, 120) + "…" : body;
        return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private Map<String, Map<String, Long>> facetCounts(IndexSearcher searcher, FacetsCollector fc) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
        SortedSetDocValuesFacetCounts counts = state == null ? null : new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            if (counts != null) {
                try {
                    FacetResult r = counts.getTopChildren(100, dim);
                    if (r != null) {
                        for (LabelAndValue lv : r.labelValues) {
                            if (lv.value.longValue() > 0) {
                                values.put(lv.label, lv.value.longValue());
                            }
                        }
                    }
                } catch (IllegalArgumentException dimensionNeverIndexed) {
                    // no document carries this facet yet
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        StateCache cached = stateCache;
        if (cached != null && cached.reader() == reader) {
            return cached.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, facets);
        } catch (IllegalArgumentException emptyIndex) {
            state = null;
        }
        stateCache = new StateCache(reader, state);
        return state;
    }

    @Override
    public List<String> suggest(String field, String prefix, int limit) {
        return suggestions.suggest(field, prefix, limit);
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
