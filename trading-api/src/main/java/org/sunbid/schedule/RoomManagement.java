package org.sunbid.schedule;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.ProblemException;
import org.sunbid.schedule.internal.Rooms;

/** Rooms: opening halls, evaluation rooms and virtual rooms, kept by staff. */
@Service
@Transactional
public class RoomManagement {

    private final Rooms rooms;
    private final Clock clock;

    RoomManagement(Rooms rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    public Room create(RoomSpec spec) {
        if (rooms.nameTaken(spec.name(), null)) {
            throw ProblemException.conflict("duplicate-room", "name", "schedule.room.name-taken", spec.name());
        }
        UUID id = UUID.randomUUID();
        rooms.insert(id, spec, clock.instant());
        return rooms.find(id).orElseThrow();
    }

    public Room update(RoomId room, RoomSpec spec) {
        UUID id = room.value();
        if (rooms.nameTaken(spec.name(), id)) {
            throw ProblemException.conflict("duplicate-room", "name", "schedule.room.name-taken", spec.name());
        }
        if (!rooms.update(id, spec, clock.instant())) {
            throw ProblemException.notFound("room", id);
        }
        return rooms.find(id).orElseThrow();
    }

    /** Takes a room out of use; its past bookings stay. */
    public void retire(RoomId room) {
        UUID id = room.value();
        if (!rooms.deactivate(id, clock.instant())) {
            throw ProblemException.notFound("room", id);
        }
    }

    @Transactional(readOnly = true)
    public Room get(RoomId room) {
        UUID id = room.value();
        return rooms.find(id).filter(Room::active).orElseThrow(() -> ProblemException.notFound("room", id));
    }

    @Transactional(readOnly = true)
    public List<Room> list() {
        return rooms.active();
    }
}
