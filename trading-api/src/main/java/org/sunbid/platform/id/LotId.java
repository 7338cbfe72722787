package org.sunbid.platform.id;

import java.util.Objects;
import java.util.UUID;

/** Identifies a lot (标段/包) of a project across features. */
public record LotId(UUID value) {

    public LotId {
        Objects.requireNonNull(value, "LotId value");
    }

    public static LotId of(UUID value) {
        return new LotId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static LotId parse(String text) {
        return new LotId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
