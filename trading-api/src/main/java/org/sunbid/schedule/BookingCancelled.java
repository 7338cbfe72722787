package org.sunbid.schedule;

import java.util.UUID;

/** A booking was released. */
public record BookingCancelled(UUID bookingId, UUID roomId, UUID lotId, UUID by) {
}
