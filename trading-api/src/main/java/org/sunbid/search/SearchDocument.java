package org.sunbid.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sunbid.notice.Notice;

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

    /** How a notice is indexed. */
    public static SearchDocument of(Notice n) {
        return new SearchDocument(n.id().toString(), n.publicId(), n.kind().name(), n.projectType(), n.regionCode(),
                n.classificationCodes(), n.amount(), n.publishedAt(), n.tenderee(), n.agency(), n.winner(), n.title(),
                n.body(), n.test());
    }
}
