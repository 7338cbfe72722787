package org.sunbid.project;

import java.util.Objects;
import java.util.UUID;

/** Identifies who holds a project suspended (a complaint the regulator handles, by that complaint's id). */
public record HolderId(UUID value) {

    public HolderId {
        Objects.requireNonNull(value, "HolderId value");
    }

    public static HolderId of(UUID value) {
        return new HolderId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static HolderId parse(String text) {
        return new HolderId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
