package org.sunbid.archive;

import java.util.Objects;
import java.util.UUID;

/** Identifies an archive package (归档包) of a project's records. */
public record ArchivePackageId(UUID value) {

    public ArchivePackageId {
        Objects.requireNonNull(value, "ArchivePackageId value");
    }

    public static ArchivePackageId of(UUID value) {
        return new ArchivePackageId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static ArchivePackageId parse(String text) {
        return new ArchivePackageId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
