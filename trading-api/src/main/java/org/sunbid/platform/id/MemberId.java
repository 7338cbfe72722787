package org.sunbid.platform.id;

import java.util.Objects;
import java.util.UUID;

/** Identifies a registered member (company or expert) across features. */
public record MemberId(UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "MemberId value");
    }

    public static MemberId of(UUID value) {
        return new MemberId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static MemberId parse(String text) {
        return new MemberId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
