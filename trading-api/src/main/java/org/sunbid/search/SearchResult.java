package org.sunbid.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of hits with highlighted snippets ({@code <em>} around matches), facet counts per filter field, and the
 * cursor for the next page ({@code null} at the end).
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, String next) {

    public record Hit(String id, String publicId, String kind, String title, String snippet, BigDecimal amount,
            Instant publishedAt, String tenderee, String winner, String regionCode, String projectType) {
    }
}
