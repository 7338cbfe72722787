package org.sunbid.schedule;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.ProblemException;

/** A request to book a room; shape checked here, time and conflicts checked by {@link ScheduleManagement}. */
public record BookingRequest(UUID roomId, UUID lotId, UUID projectId, BookingPurpose purpose, String title,
        Instant startsAt, Instant endsAt, UUID staffId) {

    public BookingRequest {
        if (roomId == null) {
            throw ProblemException.invalid("roomId", "schedule.booking.room-required");
        }
        if (lotId == null) {
            throw ProblemException.invalid("lotId", "schedule.booking.lot-required");
        }
        if (purpose == null) {
            throw ProblemException.invalid("purpose", "schedule.booking.purpose-required");
        }
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw ProblemException.invalid("title", "schedule.booking.title");
        }
        title = title.strip();
        if (startsAt == null) {
            throw ProblemException.invalid("startsAt", "schedule.booking.start-required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw ProblemException.invalid("endsAt", "schedule.booking.end-before-start");
        }
    }
}
