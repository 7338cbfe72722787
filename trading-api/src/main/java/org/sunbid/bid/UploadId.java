package org.sunbid.bid;

import java.util.Objects;
import java.util.UUID;

/** Identifies an upload of a sealed bid in progress (resumable) across features. */
public record UploadId(UUID value) {

    public UploadId {
        Objects.requireNonNull(value, "UploadId value");
    }

    public static UploadId of(UUID value) {
        return new UploadId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static UploadId parse(String text) {
        return new UploadId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
