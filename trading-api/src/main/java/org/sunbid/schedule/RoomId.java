package org.sunbid.schedule;

import java.util.Objects;
import java.util.UUID;

/** Identifies a room (开标室/评标室) the platform books. */
public record RoomId(UUID value) {

    public RoomId {
        Objects.requireNonNull(value, "RoomId value");
    }

    public static RoomId of(UUID value) {
        return new RoomId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static RoomId parse(String text) {
        return new RoomId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
