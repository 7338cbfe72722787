package org.sunbid.evaluation;

import java.util.Objects;
import java.util.UUID;

/** Identifies a committee's clarification request (澄清) to one bidder, and that bidder's signed answer. */
public record ClarificationId(UUID value) {

    public ClarificationId {
        Objects.requireNonNull(value, "ClarificationId value");
    }

    public static ClarificationId of(UUID value) {
        return new ClarificationId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static ClarificationId parse(String text) {
        return new ClarificationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
