package org.sunbid.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lot's submission deadline and opening moved (an amendment); its bookings and jobs moved with it. */
public record DeadlineMoved(UUID lotId, Instant newDeadline, Instant newOpening, List<UUID> movedBookings,
        List<String> movedJobs) {

    public DeadlineMoved {
        movedBookings = List.copyOf(movedBookings);
        movedJobs = List.copyOf(movedJobs);
    }
}
