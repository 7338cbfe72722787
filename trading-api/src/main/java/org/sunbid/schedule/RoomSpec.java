package org.sunbid.schedule;

import java.util.List;

import org.sunbid.platform.ProblemException;

/** What staff say about a room when creating or changing it; validated here so nothing half-valid is stored. */
public record RoomSpec(String name, RoomKind kind, Integer capacity, List<String> equipment, Boolean isolatedNetwork,
        String location) {

    public RoomSpec {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw ProblemException.invalid("name", "schedule.room.name");
        }
        name = name.strip();
        if (kind == null) {
            throw ProblemException.invalid("kind", "schedule.room.kind");
        }
        if (capacity == null || capacity < 0 || capacity > 10_000) {
            throw ProblemException.invalid("capacity", "schedule.room.capacity");
        }
        equipment = equipment == null ? List.of()
                : equipment.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).distinct().toList();
        if (equipment.size() > 50 || equipment.stream().anyMatch(e -> e.length() > 100)) {
            throw ProblemException.invalid("equipment", "schedule.room.equipment");
        }
        isolatedNetwork = Boolean.TRUE.equals(isolatedNetwork);
        if (location != null && location.length() > 200) {
            throw ProblemException.invalid("location", "schedule.room.location");
        }
    }
}
