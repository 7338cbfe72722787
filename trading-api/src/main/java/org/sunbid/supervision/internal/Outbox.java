package org.sunbid.supervision.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The supervision outbox (V200): entries written in the transaction of the act they record, waiting to be numbered
 * into the log. Rows hold only what the log entry will hold (sealed details already sealed).
 */
@Repository
class Outbox {

    private static final String COLUMNS = "at, actor, actor_role, action, subject, details, details_sha256, client_ip, "
            + "device_fingerprint, sealed_lots, sealed_commitment, sealed_envelope";

    /** An outbox row: its id and the entry it becomes. */
    record Row(long id, LogWriter.Pending entry) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Outbox(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts on the current connection, so inside the caller's transaction when there is one. */
    void insert(List<LogWriter.Pending> pending) {
        template.batchUpdate("insert into supervision_outbox (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                pending, pending.size(), (PreparedStatement ps, LogWriter.Pending p) -> {
                    ps.setTimestamp(1, Timestamp.from(p.at()));
                    ps.setString(2, p.actor());
                    ps.setString(3, p.actorRole());
                    ps.setString(4, p.action());
                    ps.setString(5, p.subject());
                    ps.setString(6, p.details());
                    ps.setBytes(7, p.detailsSha256());
                    ps.setString(8, p.clientIp());
                    ps.setString(9, p.deviceFingerprint());
                    LogWriter.Sealed sealed = p.sealed();
                    if (sealed == null) {
                        ps.setNull(10, Types.ARRAY);
                        ps.setNull(11, Types.BINARY);
                        ps.setNull(12, Types.BINARY);
                    } else {
                        ps.setArray(10, ps.getConnection().createArrayOf("uuid", sealed.lots().toArray()));
                        ps.setBytes(11, sealed.commitment());
                        ps.setBytes(12, sealed.envelope());
                    }
                });
    }

    /** The highest id committed so far, or null when the outbox is empty. */
    Long horizon() {
        return jdbc.sql("select max(id) from supervision_outbox").query(Long.class).optional().orElse(null);
    }

    /** Up to {@code limit} rows with ids up to {@code horizon}, oldest first (call under the append lock). */
    List<Row> take(long horizon, int limit) {
        return jdbc.sql("select id, " + COLUMNS + " from supervision_outbox where id <= ? order by id limit ?")
                .params(horizon, limit).query((rs, i) -> {
                    Array lots = rs.getArray(11);
                    LogWriter.Sealed sealed = lots == null ? null
                            : new LogWriter.Sealed(List.of((UUID[]) lots.getArray()), rs.getBytes(12), rs.getBytes(13));
                    return new Row(rs.getLong(1), new LogWriter.Pending(rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                            rs.getString(9), rs.getString(10), sealed));
                }).list();
    }

    void delete(List<Long> ids) {
        int deleted = template.update(con -> {
            PreparedStatement ps = con.prepareStatement("delete from supervision_outbox where id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        });
        if (deleted != ids.size()) {
            throw new IllegalStateException("outbox rows taken twice: deleted " + deleted + " of " + ids.size());
        }
    }

    /** Rows waiting to be appended (monitoring). */
    long pending() {
        return jdbc.sql("select count(*) from supervision_outbox").query(Long.class).single();
    }
}
