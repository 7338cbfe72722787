package org.sunbid.schedule;

import java.time.Instant;
import java.util.UUID;

/** A room was booked for a lot. */
public record BookingMade(UUID bookingId, UUID roomId, UUID lotId, BookingPurpose purpose, Instant startsAt,
        Instant endsAt, UUID by) {
}
