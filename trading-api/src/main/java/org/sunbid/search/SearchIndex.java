package org.sunbid.search;

import java.util.List;

/** The search port: both engines implement it and pass the same contract tests. */
public interface SearchIndex extends AutoCloseable {

    /** Facet fields reported in every result. */
    List<String> FACETS = List.of("kind", "projectType", "region", "classification");

    /** Adds or replaces documents by id; visible to searches when this returns. */
    void index(List<SearchDocument> documents);

    void delete(String id);

    /** Replaces the whole index with these documents, keeping the old one searchable until the new one is ready. */
    void rebuild(Iterable<SearchDocument> documents);

    SearchResult search(SearchQuery query);

    /** Distinct values of {@code field} (tenderee or winner) starting with {@code prefix}, at most {@code limit}. */
    List<String> suggest(String field, String prefix, int limit);

    long count();

    /** Engine name for logs and health. */
    String engine();

    @Override
    void close();
}
