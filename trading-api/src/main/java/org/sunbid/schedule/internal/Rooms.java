package org.sunbid.schedule.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.schedule.Room;
import org.sunbid.schedule.RoomKind;
import org.sunbid.schedule.RoomSpec;

/** The {@code schedule_room} table. */
@Repository
public class Rooms {

    private static final String COLUMNS = "id, name, kind, capacity, equipment, isolated_network, location, active";
    private final JdbcClient jdbc;

    Rooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, RoomSpec spec, Instant now) {
        jdbc.sql("""
                INSERT INTO schedule_room (id, name, kind, capacity, equipment, isolated_network, location, active,
                    created_at, updated_at)
                VALUES (:id, :name, :kind, :capacity, :equipment, :isolated, :location, TRUE, :now, :now)
                """).param("id", id).param("name", spec.name()).param("kind", spec.kind().name())
                .param("capacity", spec.capacity()).param("equipment", spec.equipment().toArray(String[]::new))
                .param("isolated", spec.isolatedNetwork()).param("location", spec.location())
                .param("now", Timestamp.from(now)).update();
    }

    public boolean update(UUID id, RoomSpec spec, Instant now) {
        return jdbc.sql("""
                UPDATE schedule_room SET name = :name, kind = :kind, capacity = :capacity, equipment = :equipment,
                    isolated_network = :isolated, location = :location, updated_at = :now
                WHERE id = :id AND active
                """).param("id", id).param("name", spec.name()).param("kind", spec.kind().name())
                .param("capacity", spec.capacity()).param("equipment", spec.equipment().toArray(String[]::new))
                .param("isolated", spec.isolatedNetwork()).param("location", spec.location())
                .param("now", Timestamp.from(now)).update() == 1;
    }

    public boolean deactivate(UUID id, Instant now) {
        return jdbc.sql("UPDATE schedule_room SET active = FALSE, updated_at = :now WHERE id = :id AND active")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    public boolean nameTaken(String name, UUID except) {
        return jdbc.sql("SELECT count(*) FROM schedule_room WHERE active AND lower(name) = lower(:name)"
                + " AND (CAST(:except AS UUID) IS NULL OR id <> CAST(:except AS UUID))")
                .param("name", name).param("except", except).query(Long.class).single() > 0;
    }

    public Optional<Room> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule_room WHERE id = :id").param("id", id)
                .query(Rooms::map).optional();
    }

    /** Locks an active room for the rest of the transaction so that two bookings of it cannot race. */
    public Optional<Room> lockActive(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule_room WHERE id = :id AND active FOR UPDATE")
                .param("id", id).query(Rooms::map).optional();
    }

    public List<Room> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule_room WHERE active ORDER BY kind, name")
                .query(Rooms::map).list();
    }

    static Room map(ResultSet rs, int row) throws SQLException {
        Array equipment = rs.getArray("equipment");
        List<String> items = equipment == null ? List.of() : Arrays.asList((String[]) equipment.getArray());
        return new Room(rs.getObject("id", UUID.class), rs.getString("name"), RoomKind.valueOf(rs.getString("kind")),
                rs.getInt("capacity"), items, rs.getBoolean("isolated_network"), rs.getString("location"),
                rs.getBoolean("active"));
    }
}
