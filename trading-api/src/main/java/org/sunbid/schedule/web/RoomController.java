package org.sunbid.schedule.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.schedule.Room;
import org.sunbid.schedule.RoomId;
import org.sunbid.schedule.RoomKind;
import org.sunbid.schedule.RoomManagement;
import org.sunbid.schedule.RoomSpec;

/** Rooms: staff keep them, regulators may look. */
@RestController
@RequestMapping("/api/schedule/rooms")
@Tag(name = "schedule", description = "统一时间安排 Scheduling")
class RoomController {

    private final RoomManagement rooms;

    RoomController(RoomManagement rooms) {
        this.rooms = rooms;
    }

    record RoomBody(String name, RoomKind kind, Integer capacity, List<String> equipment, Boolean isolatedNetwork,
            String location) {
        RoomSpec spec() {
            return new RoomSpec(name, kind, capacity, equipment, isolatedNetwork, location);
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "场地列表 Rooms in use")
    List<Room> list() {
        return rooms.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "场地详情 One room")
    Room get(@PathVariable UUID id) {
        return rooms.get(RoomId.of(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "新增场地 Create a room")
    Room create(@RequestBody RoomBody body) {
        return rooms.create(body.spec());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "修改场地 Change a room")
    Room update(@PathVariable UUID id, @RequestBody RoomBody body) {
        return rooms.update(RoomId.of(id), body.spec());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "停用场地 Retire a room (its bookings stay)")
    void retire(@PathVariable UUID id) {
        rooms.retire(RoomId.of(id));
    }
}
