package org.sunbid.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What {@link ScheduleManagement#moveDeadline} did. */
public record DeadlineMove(UUID lotId, Instant newDeadline, Instant newOpening, List<Booking> bookings,
        List<String> jobs, List<UUID> notified) {
}
