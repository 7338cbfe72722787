package org.sunbid.search.internal;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.sunbid.platform.ProblemException;
import org.sunbid.search.SearchQuery;

/**
 * Turns a {@link SearchQuery} into Lucene: the text as phrases over title (boosted) and body, the filters, the sort
 * and the search-after position of a cursor. Field names are those {@link LuceneDocuments} writes.
 */
final class LuceneQueries {

    private final Analyzer analyzer;

    LuceneQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The whole query: text, filters, and test projects left out unless asked for. */
    Query query(SearchQuery q, Query text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(text, Occur.MUST);
        for (Query filter : filters(q)) {
            all.add(filter, Occur.FILTER);
        }
        if (!q.includeTests()) {
            all.add(notTest(), Occur.MUST_NOT);
        }
        return all.build();
    }

    /** Matches the documents of test projects (marked at indexing). */
    static Query notTest() {
        return new TermQuery(new Term("test", "true"));
    }

    /** Text fields and their weights: the title counts double, attachments half. */
    static final java.util.Map<String, Float> FIELDS = java.util.Map.of("title", 2f, "body", 1f, "facts", 1f,
            "attachments", 0.5f);

    /**
     * Every piece of the text must occur as a phrase in the title, the running text, the values of labelled lines or
     * the attachments' text.
     */
    Query text(String text) {
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
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            for (var field : FIELDS.entrySet()) {
                Query phrase = builder.createPhraseQuery(field.getKey(), piece);
                if (phrase == null) {
                    return new MatchNoDocsQuery("a piece without searchable words");
                }
                either.add(field.getValue() == 1f ? phrase : new BoostQuery(phrase, field.getValue()), Occur.SHOULD);
            }
            b.add(either.build(), Occur.MUST);
        }
        return b.build();
    }

    static List<Query> filters(SearchQuery q) {
        List<Query> f = new ArrayList<>();
        anyOf(f, "kind", q.kinds());
        anyOf(f, "projectType", q.projectTypes());
        q.region().ifPresent(r -> f.add(new PrefixQuery(new Term("region", Cursors.regionPrefix(r)))));
        q.classificationPrefix().ifPresent(c -> f.add(new PrefixQuery(new Term("classification", c))));
        if (q.minAmount().isPresent() || q.maxAmount().isPresent()) {
            long min = q.minAmount().map(a -> a.movePointRight(2).setScale(0, RoundingMode.CEILING).longValue())
                    .orElse(Long.MIN_VALUE);
            long max = q.maxAmount().map(a -> a.movePointRight(2).setScale(0, RoundingMode.FLOOR).longValue())
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

    /** Every sort ends on the id, so a cursor names one position. */
    static Sort sort(SearchQuery.Sort sort) {
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

    /** The position a cursor names; a cursor that does not fit the sort is the caller's error. */
    static FieldDoc after(String cursor, SearchQuery.Sort sort, int maxDoc) {
        List<Object> values = Cursors.decode(cursor, 2);
        Object first = values.get(0);
        boolean ok = sort == SearchQuery.Sort.RELEVANCE ? first instanceof Float : first instanceof Long;
        if (!ok || !(values.get(1) instanceof String id)) {
            throw ProblemException.invalid("after", "search.after.invalid");
        }
        float score = first instanceof Float f ? f : Float.NaN;
        return new FieldDoc(maxDoc - 1, score, new Object[] { first, new BytesRef(id) });
    }

    /** The cursor after the last hit of a page: its sort values. */
    static String cursor(FieldDoc last) {
        List<Object> values = new ArrayList<>();
        for (Object v : last.fields) {
            values.add(v instanceof BytesRef b ? b.utf8ToString() : v);
        }
        return Cursors.encode(values);
    }
}
