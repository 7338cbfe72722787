package org.sunbid.deposit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a proposal to forfeit a bidder's deposit (保证金没收). */
public record ForfeitId(UUID value) {

    public ForfeitId {
        Objects.requireNonNull(value, "ForfeitId value");
    }

    public static ForfeitId of(UUID value) {
        return new ForfeitId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static ForfeitId parse(String text) {
        return new ForfeitId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
