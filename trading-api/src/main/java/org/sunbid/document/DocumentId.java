package org.sunbid.document;

import java.util.Objects;
import java.util.UUID;

/** Identifies a signed platform document (an opening record, a report, a notice PDF, a certificate). */
public record DocumentId(UUID value) {

    public DocumentId {
        Objects.requireNonNull(value, "DocumentId value");
    }

    public static DocumentId of(UUID value) {
        return new DocumentId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static DocumentId parse(String text) {
        return new DocumentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
