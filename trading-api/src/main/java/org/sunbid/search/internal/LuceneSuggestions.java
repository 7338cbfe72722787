package org.sunbid.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Name suggestions by prefix from the keyword fields' terms, in term order. */
final class LuceneSuggestions {

    private final SearcherManager searchers;

    LuceneSuggestions(SearcherManager searchers) {
        this.searchers = searchers;
    }

    List<String> suggest(String field, String prefix, int limit) {
        if (!field.equals("tenderee") && !field.equals("winner") && !field.equals("agency")) {
            throw new IllegalArgumentException("no suggestions for " + field);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return suggest(searcher, field, prefix, limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> suggest(IndexSearcher searcher, String field, String prefix, int limit)
            throws IOException {
        List<String> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (terms == null) {
            return out;
        }
        TermsEnum e = terms.iterator();
        if (e.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
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
    }

    /** A name is suggested only if a notice of a real project carries it: test projects stay out of public lists. */
    private static Query notInTestProjects(String field, BytesRef value) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(field, BytesRef.deepCopyOf(value))), Occur.MUST)
                .add(LuceneQueries.notTest(), Occur.MUST_NOT)
                .build();
    }
}
