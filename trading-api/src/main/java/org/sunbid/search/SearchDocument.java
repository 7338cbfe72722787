package org.sunbid.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One notice as the search engines see it; {@code test}: the notice of a test project. */
public record SearchDocument(String id, String publicId, String kind, String projectType, String regionCode,
        List<String> classificationCodes, BigDecimal amount, Instant publishedAt, String tenderee, String agency,
        String winner, String title, String body, boolean test) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(title, "title");
        classificationCodes = List.copyOf(classificationCodes == null ? List.of() : classificationCodes);
        body = body == null ? "" : body;
    }
}
