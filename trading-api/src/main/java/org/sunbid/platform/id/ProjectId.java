package org.sunbid.platform.id;

import java.util.Objects;
import java.util.UUID;

/** Identifies a project (招标项目) across features. */
public record ProjectId(UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "ProjectId value");
    }

    public static ProjectId of(UUID value) {
        return new ProjectId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static ProjectId parse(String text) {
        return new ProjectId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
