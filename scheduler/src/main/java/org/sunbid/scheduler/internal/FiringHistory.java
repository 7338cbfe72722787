package org.sunbid.scheduler.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.scheduler.FiringRecord;
import org.sunbid.scheduler.FiringStatus;

/** The {@code scheduler_firing} table: one row per (kind, subject, due time), used to deduplicate and to report. */
public final class FiringHistory {

    private static final String COLUMNS = "id, kind, subject, due_at, status, attempts, scheduled_at, fired_at, "
            + "finished_at, lateness_ms, node, last_error";

    private final JdbcClient jdbc;

    public FiringHistory(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Opens (or re-opens a cancelled) row for the due time; returns the row as it now stands. */
    public FiringRecord open(String kind, String subject, Instant dueAt, Instant now) {
        jdbc.sql("""
                INSERT INTO scheduler_firing (kind, subject, due_at, status, attempts, scheduled_at)
                VALUES (:kind, :subject, :due, 'PENDING', 0, :now)
                ON CONFLICT (kind, subject, due_at) DO UPDATE SET status = 'PENDING', attempts = 0,
                    scheduled_at = EXCLUDED.scheduled_at, last_error = NULL
                WHERE scheduler_firing.status = 'CANCELLED'
                """).param("kind", kind).param("subject", subject).param("due", ts(dueAt)).param("now", ts(now))
                .update();
        return find(kind, subject, dueAt).orElseThrow();
    }

    /** Cancels every open row of the job except the one due at {@code keep} (null: all); returns their due times. */
    public List<Instant> cancelOpen(String kind, String subject, Instant keep) {
        return jdbc.sql("""
                UPDATE scheduler_firing SET status = 'CANCELLED', finished_at = now()
                WHERE kind = :kind AND subject = :subject AND status IN ('PENDING', 'RETRYING')
                  AND (CAST(:keep AS TIMESTAMPTZ) IS NULL OR due_at <> CAST(:keep AS TIMESTAMPTZ))
                RETURNING due_at
                """).param("kind", kind).param("subject", subject).param("keep", keep == null ? null : ts(keep))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    public Optional<FiringRecord> find(String kind, String subject, Instant dueAt) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduler_firing WHERE kind = :kind AND subject = :subject"
                + " AND due_at = :due").param("kind", kind).param("subject", subject).param("due", ts(dueAt))
                .query(FiringHistory::map).optional();
    }

    public Optional<FiringRecord> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduler_firing WHERE id = :id FOR UPDATE").param("id", id)
                .query(FiringHistory::map).optional();
    }

    /** Re-opens a failed row for another round of attempts. */
    public void reopen(long id) {
        jdbc.sql("UPDATE scheduler_firing SET status = 'RETRYING', attempts = 0 WHERE id = :id AND status = 'FAILED'")
                .param("id", id).update();
    }

    /** Locks the row for a firing (inserting it if the job store knew a due time the history did not). */
    public FiringRecord lockForFiring(String kind, String subject, Instant dueAt, Instant now) {
        jdbc.sql("""
                INSERT INTO scheduler_firing (kind, subject, due_at, status, attempts, scheduled_at)
                VALUES (:kind, :subject, :due, 'PENDING', 0, :now) ON CONFLICT DO NOTHING
                """).param("kind", kind).param("subject", subject).param("due", ts(dueAt)).param("now", ts(now))
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduler_firing WHERE kind = :kind AND subject = :subject"
                + " AND due_at = :due FOR UPDATE").param("kind", kind).param("subject", subject)
                .param("due", ts(dueAt)).query(FiringHistory::map).single();
    }

    public void markFired(long id, int attempt, Instant firedAt, Instant finishedAt, long latenessMillis, String node) {
        jdbc.sql("""
                UPDATE scheduler_firing SET status = 'FIRED', attempts = :attempt, fired_at = :fired,
                    finished_at = :finished, lateness_ms = :late, node = :node
                WHERE id = :id
                """).param("attempt", attempt).param("fired", ts(firedAt)).param("finished", ts(finishedAt))
                .param("late", latenessMillis).param("node", node).param("id", id).update();
    }

    /**
     * Records a failed attempt if the row is still open; returns the attempt number, or empty if the row was no
     * longer open (cancelled or done meanwhile).
     */
    public Optional<Integer> recordFailure(String kind, String subject, Instant dueAt, boolean last, Instant firedAt,
            Instant now, long latenessMillis, String node, String error) {
        return jdbc.sql("""
                UPDATE scheduler_firing SET attempts = attempts + 1, status = :status, fired_at = :fired,
                    finished_at = :now, lateness_ms = :late, node = :node, last_error = :error
                WHERE kind = :kind AND subject = :subject AND due_at = :due AND status IN ('PENDING', 'RETRYING')
                RETURNING attempts
                """).param("status", last ? "FAILED" : "RETRYING").param("fired", ts(firedAt)).param("now", ts(now))
                .param("late", latenessMillis).param("node", node).param("error", error).param("kind", kind)
                .param("subject", subject).param("due", ts(dueAt)).query(Integer.class).optional();
    }

    /** Attempts already made for the firing (0 if none). */
    public int attempts(String kind, String subject, Instant dueAt) {
        return find(kind, subject, dueAt).map(FiringRecord::attempts).orElse(0);
    }

    public void markFailed(String kind, String subject, Instant dueAt) {
        jdbc.sql("UPDATE scheduler_firing SET status = 'FAILED' WHERE kind = :kind AND subject = :subject"
                + " AND due_at = :due AND status = 'RETRYING'").param("kind", kind).param("subject", subject)
                .param("due", ts(dueAt)).update();
    }

    public Optional<FiringRecord> open(String kind, String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduler_firing WHERE kind = :kind AND subject = :subject"
                + " AND status IN ('PENDING', 'RETRYING') ORDER BY due_at DESC LIMIT 1").param("kind", kind)
                .param("subject", subject).query(FiringHistory::map).optional();
    }

    public List<FiringRecord> list(Collection<FiringStatus> statuses, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scheduler_firing WHERE status IN (:statuses)"
                + " ORDER BY due_at DESC, id DESC LIMIT :limit")
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("limit", limit)
                .query(FiringHistory::map).list();
    }

    private static FiringRecord map(ResultSet rs, int row) throws SQLException {
        long lateness = rs.getLong("lateness_ms");
        Long latenessMillis = rs.wasNull() ? null : lateness;
        return new FiringRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                instant(rs, "due_at"), FiringStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "scheduled_at"), instant(rs, "fired_at"), instant(rs, "finished_at"),
                latenessMillis, rs.getString("node"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
