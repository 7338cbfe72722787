package org.sunbid.expert;

import java.util.Objects;
import java.util.UUID;

/** Identifies a drawn seat (an invitation or a reserve place) on a lot's committee. */
public record SeatId(UUID value) {

    public SeatId {
        Objects.requireNonNull(value, "SeatId value");
    }

    public static SeatId of(UUID value) {
        return new SeatId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
