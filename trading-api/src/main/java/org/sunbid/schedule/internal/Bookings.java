package org.sunbid.schedule.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.schedule.Booking;
import org.sunbid.schedule.BookingPurpose;

/** The {@code schedule_booking} table (cancelled bookings stay, with {@code cancelled_at}). */
@Repository
public class Bookings {

    private static final String SELECT = """
            SELECT b.id, b.room_id, r.name AS room_name, b.lot_id, b.project_id, b.purpose, b.title, b.starts_at,
                   b.ends_at, b.staff_id, b.created_by
            FROM schedule_booking b JOIN schedule_room r ON r.id = b.room_id
            """;
    private final JdbcClient jdbc;

    Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Booking b, Instant now) {
        jdbc.sql("""
                INSERT INTO schedule_booking (id, room_id, lot_id, project_id, purpose, title, starts_at, ends_at,
                    staff_id, created_by, created_at)
                VALUES (:id, :room, :lot, :project, :purpose, :title, :starts, :ends, :staff, :by, :now)
                """).param("id", b.id()).param("room", b.roomId()).param("lot", b.lotId())
                .param("project", b.projectId()).param("purpose", b.purpose().name()).param("title", b.title())
                .param("starts", Timestamp.from(b.startsAt())).param("ends", Timestamp.from(b.endsAt()))
                .param("staff", b.staffId()).param("by", b.createdBy()).param("now", Timestamp.from(now)).update();
    }

    public void move(UUID id, Instant startsAt, Instant endsAt) {
        jdbc.sql("UPDATE schedule_booking SET starts_at = :starts, ends_at = :ends WHERE id = :id")
                .param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt)).param("id", id)
                .update();
    }

    public boolean cancel(UUID id, Instant now) {
        return jdbc.sql("UPDATE schedule_booking SET cancelled_at = :now WHERE id = :id AND cancelled_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    public Optional<Booking> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE b.id = :id AND b.cancelled_at IS NULL").param("id", id)
                .query(Bookings::map).optional();
    }

    /** Live bookings of the room overlapping [start, end), except the given ones. */
    public List<Booking> overlappingInRoom(UUID room, Instant start, Instant end, List<UUID> except) {
        return jdbc.sql(SELECT + """
                 WHERE b.room_id = :room AND b.cancelled_at IS NULL AND b.starts_at < :end AND b.ends_at > :start
                   AND NOT (b.id = ANY (:except)) ORDER BY b.starts_at
                """).param("room", room).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("except", except.toArray(UUID[]::new)).query(Bookings::map).list();
    }

    /** Live openings conducted by the staff member overlapping [start, end), except the given ones. */
    public List<Booking> overlappingOpeningsOfStaff(UUID staff, Instant start, Instant end, List<UUID> except) {
        return jdbc.sql(SELECT + """
                 WHERE b.staff_id = :staff AND b.purpose = 'OPENING' AND b.cancelled_at IS NULL
                   AND b.starts_at < :end AND b.ends_at > :start AND NOT (b.id = ANY (:except)) ORDER BY b.starts_at
                """).param("staff", staff).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("except", except.toArray(UUID[]::new)).query(Bookings::map).list();
    }

    public List<Booking> ofLot(UUID lot) {
        return jdbc.sql(SELECT + " WHERE b.lot_id = :lot AND b.cancelled_at IS NULL ORDER BY b.starts_at")
                .param("lot", lot).query(Bookings::map).list();
    }

    /** Live bookings overlapping [start, end), optionally of one room. */
    public List<Booking> between(Instant start, Instant end, UUID room) {
        return jdbc.sql(SELECT + """
                 WHERE b.cancelled_at IS NULL AND b.starts_at < :end AND b.ends_at > :start
                   AND (CAST(:room AS UUID) IS NULL OR b.room_id = CAST(:room AS UUID))
                 ORDER BY b.starts_at, r.name
                """).param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("room", room)
                .query(Bookings::map).list();
    }

    /** Serialises bookings that name the same staff member (released at commit). */
    public void lockStaff(UUID staff) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "schedule-staff:" + staff)
                .query((rs, n) -> 1).list();
    }

    static Booking map(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
                rs.getString("room_name"), rs.getObject("lot_id", UUID.class), rs.getObject("project_id", UUID.class),
                BookingPurpose.valueOf(rs.getString("purpose")), rs.getString("title"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getObject("staff_id", UUID.class), rs.getObject("created_by", UUID.class));
    }
}
