package org.sunbid.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * A room held for a lot's opening or evaluation. The lot and project are referenced by id only.
 *
 * @param staffId the agency staff member who conducts it, if named (one person cannot run two openings at once)
 */
public record Booking(UUID id, UUID roomId, String roomName, UUID lotId, UUID projectId, BookingPurpose purpose,
        String title, Instant startsAt, Instant endsAt, UUID staffId, UUID createdBy) {

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && endsAt.isAfter(start);
    }
}
