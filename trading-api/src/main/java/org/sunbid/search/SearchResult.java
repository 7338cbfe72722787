package org.sunbid.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of hits with highlighted snippets ({@code <em>} around matches, from the notice's running text only), facet
 * counts per filter field, and the cursor for the next page ({@code null} at the end).
 * <p>
 * A text search stops counting at {@link #COUNT_LIMIT} matches: then {@code totalExact} is false and {@code total} is
 * a lower bound ("10,000+"), and {@code facetsExact} is false when the facet counts come from the first
 * {@link #COUNT_LIMIT} matches only (each is then a lower bound too). Searches without text count exactly.
 */
public record SearchResult(long total, boolean totalExact, List<Hit> hits, Map<String, Map<String, Long>> facets,
        boolean facetsExact, String next) {

    /** How many matches a text search counts (for its total and its facets) before it stops counting. */
    public static final int COUNT_LIMIT = 10_000;

    /**
     * One notice found. {@code stage} is where its project stands now (filled by {@link SearchManagement}, null from
     * an engine); {@code bidDeadline} and {@code openingAt} come from the notice.
     */
    public record Hit(String id, String publicId, String kind, String title, String snippet, BigDecimal amount,
            Instant publishedAt, String tenderee, String winner, String regionCode, String projectType,
            String projectId, Instant bidDeadline, Instant openingAt, TenderStage stage) {

        /** This hit with its project's stage. */
        public Hit withStage(TenderStage value) {
            return new Hit(id, publicId, kind, title, snippet, amount, publishedAt, tenderee, winner, regionCode,
                    projectType, projectId, bidDeadline, openingAt, value);
        }
    }

    /** The same page with other hits. */
    public SearchResult withHits(List<Hit> replaced) {
        return new SearchResult(total, totalExact, replaced, facets, facetsExact, next);
    }
}
