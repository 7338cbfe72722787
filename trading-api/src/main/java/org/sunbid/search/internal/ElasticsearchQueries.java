package org.sunbid.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import org.sunbid.platform.ProblemException;
import org.sunbid.search.SearchQuery;

/**
 * A {@link SearchQuery} in Elasticsearch's query language: every text piece a phrase over the weighted fields (the
 * Lucene bigrams' "contiguous string" semantics), the facets and ranges as filters, the sort with the id as tie-break
 * and the cursor as {@code search_after}. The counterpart of {@link LuceneQueries}.
 */
final class ElasticsearchQueries {

    /** The text fields and their weights, as {@link LuceneQueries#FIELDS} gives them. */
    private static final List<String> FIELDS = LuceneQueries.FIELDS.entrySet().stream()
            .map(e -> e.getValue() == 1f ? e.getKey() : e.getKey() + "^" + e.getValue()).sorted().toList();

    private ElasticsearchQueries() {
    }

    /** The whole query: the text, the filters, and test projects left out unless asked for. */
    static Query query(SearchQuery q) {
        return Query.of(b -> b.bool(bool -> {
            bool.must(text(q.text()));
            filters(q).forEach(bool::filter);
            if (!q.includeTests()) {
                bool.mustNot(Query.of(x -> x.term(t -> t.field("test").value(true))));
            }
            return bool;
        }));
    }

    private static Query text(String text) {
        if (text.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<String> pieces = QueryText.pieces(text);
        if (pieces.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        return Query.of(q -> q.bool(b -> {
            for (String piece : pieces) {
                b.must(m -> m.multiMatch(mm -> mm.query(piece).fields(FIELDS).type(TextQueryType.Phrase)));
            }
            return b;
        }));
    }

    private static List<Query> filters(SearchQuery q) {
        List<Query> f = new ArrayList<>();
        anyOf(f, "kind", q.kinds());
        anyOf(f, "projectType", q.projectTypes());
        q.region().ifPresent(r -> f.add(Query.of(x -> x.prefix(p -> p.field("region").value(Cursors.regionPrefix(r))))));
        q.classificationPrefix().ifPresent(c -> f.add(Query.of(x -> x.prefix(p -> p.field("classification").value(c)))));
        if (q.minAmount().isPresent() || q.maxAmount().isPresent()) {
            f.add(Query.of(x -> x.range(r -> r.number(n -> {
                n.field("amount");
                q.minAmount().ifPresent(a -> n.gte(Math.ceil(a.movePointRight(2).doubleValue())));
                q.maxAmount().ifPresent(a -> n.lte(Math.floor(a.movePointRight(2).doubleValue())));
                return n;
            }))));
        }
        if (q.from().isPresent() || q.to().isPresent()) {
            f.add(Query.of(x -> x.range(r -> r.number(n -> {
                n.field("published");
                q.from().ifPresent(a -> n.gte((double) a.toEpochMilli()));
                q.to().ifPresent(a -> n.lte((double) a.toEpochMilli()));
                return n;
            }))));
        }
        q.tenderee().ifPresent(v -> f.add(term("tenderee", v)));
        q.agency().ifPresent(v -> f.add(term("agency", v)));
        q.winner().ifPresent(v -> f.add(term("winner", v)));
        return f;
    }

    private static Query term(String field, String value) {
        return Query.of(x -> x.term(t -> t.field(field).value(value)));
    }

    private static void anyOf(List<Query> f, String field, Set<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> v = values.stream().map(FieldValue::of).toList();
            f.add(Query.of(x -> x.terms(t -> t.field(field).terms(tv -> tv.value(v)))));
        }
    }

    static List<SortOptions> sort(SearchQuery.Sort sort) {
        SortOptions id = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
        return switch (sort) {
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))), id);
            case DATE -> List.of(SortOptions.of(s -> s.field(f -> f.field("published").order(SortOrder.Desc))), id);
            case AMOUNT -> List.of(SortOptions.of(s -> s.field(f -> f.field("amount").order(SortOrder.Desc)
                    .missing("_last"))), id);
        };
    }

    static List<FieldValue> after(String cursor, SearchQuery.Sort sort) {
        List<Object> values = Cursors.decode(cursor, 2);
        Object first = values.get(0);
        boolean ok = sort == SearchQuery.Sort.RELEVANCE ? first instanceof Double : first instanceof Long;
        if (!ok || !(values.get(1) instanceof String id)) {
            throw ProblemException.invalid("after", "search.after.invalid");
        }
        FieldValue head = first instanceof Double d ? FieldValue.of(d) : FieldValue.of((Long) first);
        return List.of(head, FieldValue.of(id));
    }
}
