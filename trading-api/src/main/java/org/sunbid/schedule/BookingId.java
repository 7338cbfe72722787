package org.sunbid.schedule;

import java.util.Objects;
import java.util.UUID;

/** Identifies a booking of a room (场地预约) for a lot's opening or evaluation. */
public record BookingId(UUID value) {

    public BookingId {
        Objects.requireNonNull(value, "BookingId value");
    }

    public static BookingId of(UUID value) {
        return new BookingId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static BookingId parse(String text) {
        return new BookingId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
