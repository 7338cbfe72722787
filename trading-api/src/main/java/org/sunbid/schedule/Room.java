package org.sunbid.schedule;

import java.util.List;
import java.util.UUID;

/** An opening hall, an evaluation room, or a virtual room for remote openings. */
public record Room(UUID id, String name, RoomKind kind, int capacity, List<String> equipment, boolean isolatedNetwork,
        String location, boolean active) {

    public Room {
        equipment = List.copyOf(equipment);
    }
}
