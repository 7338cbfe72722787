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
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchQuery;
import org.sunbid.search.SearchResult;

/**
 * Embedded Lucene: CJK bigram analysis (Chinese phrases, English words; see {@link BigramAnalyzer}), point fields for ranges, sorted-set doc
 * values for facets, the unified highlighter for snippets and search-after for deep pages.
 */
public final class LuceneSearchIndex implements SearchIndex {

    /** Stored text with offsets in the postings, so the highlighter need not analyse the text again. */
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private final FSDirectory directory;
    private final Analyzer analyzer = new BigramAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facets = new FacetsConfig();
    private volatile StateCache stateCache;

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
                writer.updateDocument(new Term("id", d.id()), facets.build(toDocument(d)));
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

    /** Searches keep using the last refreshed reader until the new content is committed. */
    @Override
    public synchronized void rebuild(Iterable<SearchDocument> documents) {
        try {
            writer.deleteAll();
            for (SearchDocument d : documents) {
                writer.addDocument(facets.build(toDocument(d)));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private Document toDocument(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField("id_sort", new BytesRef(d.id())));
        doc.add(new StoredField("publicId", nz(d.publicId())));
        keyword(doc, "kind", d.kind(), true);
        if (d.test()) {
            doc.add(new StringField("test", "true", Field.Store.NO));
        }
        keyword(doc, "projectType", d.projectType(), true);
        keyword(doc, "region", d.regionCode(), true);
        for (String c : d.classificationCodes()) {
            doc.add(new StringField("classification", c, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField("classification", c));
        }
        if (d.amount() != null) {
            long cents = d.amount().movePointRight(2).longValueExact();
            doc.add(new LongPoint("amount", cents));
            doc.add(new NumericDocValuesField("amount_sort", cents));
            doc.add(new StoredField("amount", cents));
        }
        long millis = d.publishedAt().toEpochMilli();
        doc.add(new LongPoint("published", millis));
        doc.add(new NumericDocValuesField("published_sort", millis));
        doc.add(new StoredField("published", millis));
        keyword(doc, "tenderee", d.tenderee(), false);
        keyword(doc, "agency", d.agency(), false);
        keyword(doc, "winner", d.winner(), false);
        doc.add(new Field("title", d.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field("body", d.body(), TEXT_WITH_OFFSETS));
        return doc;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static void keyword(Document doc, String field, String value, boolean facet) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.YES));
        if (facet) {
            doc.add(new SortedSetDocValuesFacetField(field, value));
        }
    }

    @Override
    public SearchResult search(SearchQuery q) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, q);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery q) throws IOException {
        Query text = textQuery(q.text());
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(text, Occur.MUST);
        for (Query filter : filters(q)) {
            all.add(filter, Occur.FILTER);
        }
        if (!q.includeTests()) {
            all.add(new TermQuery(new Term("test", "true")), Occur.MUST_NOT);
        }
        Query query = all.build();
        Sort sort = sort(q.sort());
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        FieldDoc after = q.after().map(c -> after(c, q.sort(), maxDoc)).orElse(null);
        int want = after != null ? q.size() : (q.page() + 1) * q.size();
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.searchAfter(searcher, after, query, want,
                sort, q.sort() == SearchQuery.Sort.RELEVANCE, new FacetsCollectorManager());
        TopDocs top = result.topDocs();
        FacetsCollector fc = result.facetsCollector();
        long total = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();

        int from = after != null ? 0 : Math.min(q.page() * q.size(), top.scoreDocs.length);
        ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        TopDocs page = new TopDocs(top.totalHits, pageDocs);
        String[] bodySnippets = new String[pageDocs.length];
        String[] titleSnippets = new String[pageDocs.length];
        if (!q.text().isEmpty() && pageDocs.length > 0) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                    .withMaxLength(100_000).withMaxNoHighlightPassages(0).build();
            bodySnippets = highlighter.highlight("body", text, page, 2);
            titleSnippets = highlighter.highlight("title", text, page, 1);
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < pageDocs.length; i++) {
            Document doc = searcher.storedFields().document(pageDocs[i].doc);
            String snippet = bodySnippets[i] != null ? bodySnippets[i]
                    : titleSnippets[i] != null ? titleSnippets[i] : lead(doc.get("body"));
            Number amount = doc.getField("amount") != null ? doc.getField("amount").numericValue() : null;
            hits.add(new SearchResult.Hit(doc.get("id"), doc.get("publicId"), doc.get("kind"), doc.get("title"), snippet,
                    amount == null ? null : BigDecimal.valueOf(amount.longValue(), 2),
                    Instant.ofEpochMilli(doc.getField("published").numericValue().longValue()), doc.get("tenderee"),
                    doc.get("winner"), doc.get("region"), doc.get("projectType")));
        }
        String next = null;
        if (pageDocs.length == q.size()) {
            List<Object> values = new ArrayList<>();
            for (Object v : ((FieldDoc) pageDocs[pageDocs.length - 1]).fields) {
                values.add(v instanceof BytesRef b ? b.utf8ToString() : v);
            }
            next = Cursors.encode(values);
        }
        return new SearchResult(total, hits, facetCounts(searcher, fc), next);
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

    private Query textQuery(String text) {
        if (text.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        List<String> pieces = QueryText.pieces(text);
        if (pieces.isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String piece : pieces) {
            Query title = builder.createPhraseQuery("title", piece);
            Query body = builder.createPhraseQuery("body", piece);
            if (title == null || body == null) {
                return new MatchNoDocsQuery("a piece without searchable words");
            }
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(title, 2f), Occur.SHOULD);
            either.add(body, Occur.SHOULD);
            b.add(either.build(), Occur.MUST);
        }
        return b.build();
    }

    private static List<Query> filters(SearchQuery q) {
        List<Query> f = new ArrayList<>();
        anyOf(f, "kind", q.kinds());
        anyOf(f, "projectType", q.projectTypes());
        q.region().ifPresent(r -> f.add(new PrefixQuery(new Term("region", Cursors.regionPrefix(r)))));
        q.classificationPrefix().ifPresent(c -> f.add(new PrefixQuery(new Term("classification", c))));
        if (q.minAmount().isPresent() || q.maxAmount().isPresent()) {
            long min = q.minAmount().map(a -> a.movePointRight(2).setScale(0, java.math.RoundingMode.CEILING).longValue())
                    .orElse(Long.MIN_VALUE);
            long max = q.maxAmount().map(a -> a.movePointRight(2).setScale(0, java.math.RoundingMode.FLOOR).longValue())
                    .orElse(Long.MAX_VALUE);
            f.add(LongPoint.newRangeQuery("amount", min, max));
        }
        if (q.from().isPresent() || q.to().isPresent()) {
            f.add(LongPoint.newRangeQuery("published", q.from().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE),
                    q.to().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE)));
        }
        q.tenderee().ifPresent(v -> f.add(new TermQuery(new Term("tenderee", v))));
        q.agency().ifPresent(v -> f.add(new TermQuery(new Term("agency", v))));
        q.winner().ifPresent(v -> f.add(new TermQuery(new Term("winner", v))));
        return f;
    }

    private static void anyOf(List<Query> f, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        values.forEach(v -> b.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        f.add(b.build());
    }

    private static Sort sort(SearchQuery.Sort sort) {
        SortField id = new SortField("id_sort", SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
            case DATE -> new Sort(new SortField("published_sort", SortField.Type.LONG, true), id);
            case AMOUNT -> {
                SortField amount = new SortField("amount_sort", SortField.Type.LONG, true);
                amount.setMissingValue(Long.MIN_VALUE);
                yield new Sort(amount, id);
            }
        };
    }

    private static FieldDoc after(String cursor, SearchQuery.Sort sort, int maxDoc) {
        List<Object> values = Cursors.decode(cursor, 2);
        Object first = values.get(0);
        boolean ok = sort == SearchQuery.Sort.RELEVANCE ? first instanceof Float : first instanceof Long;
        if (!ok || !(values.get(1) instanceof String id)) {
            throw org.sunbid.platform.ProblemException.invalid("after", "search.after.invalid");
        }
        float score = first instanceof Float f ? f : Float.NaN;
        return new FieldDoc(maxDoc - 1, score, new Object[] { first, new BytesRef(id) });
    }

    @Override
    public List<String> suggest(String field, String prefix, int limit) {
        if (!field.equals("tenderee") && !field.equals("winner") && !field.equals("agency")) {
            throw new IllegalArgumentException("no suggestions for " + field);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<String> out = new ArrayList<>();
                Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
                if (terms == null) {
                    return out;
                }
                TermsEnum e = terms.iterator();
                BytesRef start = new BytesRef(prefix);
                if (e.seekCeil(start) == TermsEnum.SeekStatus.END) {
                    return out;
                }
                do {
                    String value = e.term().utf8ToString();
                    if (!value.startsWith(prefix)) {
                        break;
                    }
                    if (e.docFreq() > 0 && searcher.count(notInTestProjects(field, e.term())) > 0) {
                        out.add(value);
                    }
                } while (out.size() < limit && e.next() != null);
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name is suggested only if a notice of a real project carries it: test projects stay out of public lists. */
    private static Query notInTestProjects(String field, BytesRef value) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(field, BytesRef.deepCopyOf(value))), Occur.MUST)
                .add(new TermQuery(new Term("test", "true")), Occur.MUST_NOT)
                .build();
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
