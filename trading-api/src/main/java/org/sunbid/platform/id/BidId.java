package org.sunbid.platform.id;

import java.util.Objects;
import java.util.UUID;

/** Identifies a bid (投标文件) across features. */
public record BidId(UUID value) {

    public BidId {
        Objects.requireNonNull(value, "BidId value");
    }

    public static BidId of(UUID value) {
        return new BidId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static BidId parse(String text) {
        return new BidId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
