package org.sunbid.deposit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The refund triggers waiting for the worker (V350): written in the transaction of the act that triggers them, taken
 * oldest first under an advisory lock, deleted in the transaction that did their work.
 */
@Repository
class RefundTriggerRows {

    /** What triggered refund work. */
    enum Kind {
        /** A bid withdrawn before the deadline: the bidder's refund. */
        WITHDRAWN,
        /** A bid submitted: a withdrawal refund not yet batched is cancelled. */
        SUBMITTED,
        /** A failed lot (at the opening or in evaluation): every bidder's refund. */
        LOT_FAILED,
        /** The award notice: every bidder's refund but the winner's ({@code member}). */
        AWARD_NOTICE,
        /** The signed contract: the winner's ({@code member}) refund. */
        CONTRACT_SIGNED
    }

    /** A waiting trigger; {@code member} is null for the lot-wide ones. */
    record Row(long id, Kind kind, UUID lot, UUID member, Instant at) {
    }

    /** One advisory lock key for the workers of every node: triggers are worked off in the order they were written. */
    private static final long LOCK = 7301003L;

    private final JdbcClient jdbc;

    RefundTriggerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts on the current connection, so inside the caller's transaction. */
    void add(Kind kind, UUID lot, UUID member, Instant at) {
        jdbc.sql("insert into deposit_refund_trigger (kind, lot, member, at) values (?, ?, ?, ?)")
                .params(kind.name(), lot, member, Timestamp.from(at)).update();
    }

    /** Waits for the workers' lock until the current transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleValue();
    }

    /** The oldest waiting trigger (call under the lock). */
    Optional<Row> oldest() {
        return jdbc.sql("select id, kind, lot, member, at from deposit_refund_trigger where failed is null order by id limit 1")
                .query((rs, i) -> new Row(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    void delete(long id) {
        jdbc.sql("delete from deposit_refund_trigger where id = ?").param(id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("update deposit_refund_trigger set failed = ? where id = ?")
                .params(error.length() > 1000 ? error.substring(0, 1000) : error, id).update();
    }

    /** Triggers waiting (monitoring, tests). */
    long waiting() {
        return jdbc.sql("select count(*) from deposit_refund_trigger where failed is null").query(Long.class).single();
    }
}
