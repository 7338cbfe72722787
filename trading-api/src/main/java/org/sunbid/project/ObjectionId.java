package org.sunbid.project;

import java.util.Objects;
import java.util.UUID;

/** Identifies an objection (异议) to a tender: to its documents, its opening or its award publicity. */
public record ObjectionId(UUID value) {

    public ObjectionId {
        Objects.requireNonNull(value, "ObjectionId value");
    }

    public static ObjectionId of(UUID value) {
        return new ObjectionId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static ObjectionId parse(String text) {
        return new ObjectionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
