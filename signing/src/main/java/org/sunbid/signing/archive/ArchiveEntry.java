package org.sunbid.signing.archive;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * One document to put in an archive package.
 *
 * @param path    path inside the package, e.g. {@code documents/announcement-1.pdf}; letters, digits, {@code -_./}
 * @param kind    what the document is, e.g. {@code tender-announcement}
 * @param time    when the document came into being
 * @param content opens the bytes; called once
 */
public record ArchiveEntry(String path, String kind, Instant time, Content content) {

    /** Supplies a document's bytes as a stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public ArchiveEntry {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(time, "time");
        if (path == null || !path.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}") || path.contains("..") || path.contains("//")
                || path.endsWith("/")) {
            throw new IllegalArgumentException("archive path not allowed: " + path);
        }
        if (ArchivePackage.RESERVED.contains(path)) {
            throw new IllegalArgumentException("archive path is reserved: " + path);
        }
        kind = kind == null ? "document" : kind;
    }
}
