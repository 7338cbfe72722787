package org.sunbid.supervision.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.supervision.LogEncoding;
import org.sunbid.supervision.LogEntry;
import org.sunbid.supervision.LogQuery;

/** The stored log entries (hand-written SQL); only inserts and reads, the database refuses anything else. */
@Repository
public class Entries {

    private static final String COLUMNS = "seq, at, actor, actor_role, action, subject, details, details_sha256, "
            + "client_ip, device_fingerprint, encoding";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Entries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Inserts a batch of entries with their leaf hashes through one {@code COPY … FROM STDIN (FORMAT binary)}: one round
     * trip per batch and no text conversion of any value on either side (the former one-statement insert over
     * parallel arrays had every value written into array literals and parsed back by the server). The server checks
     * each value against its column, fires the table's triggers and fills its indexes as for an INSERT.
     */
    void insert(List<LogEntry> entries, List<byte[]> leafHashes, List<Long> outboxIds) {
        int n = entries.size();
        BinaryCopyWriter rows = new BinaryCopyWriter(n * 640);
        for (int i = 0; i < n; i++) {
            LogEntry e = entries.get(i);
            rows.row(13).int8(e.seq()).timestamptz(e.at()).text(e.actor()).text(e.actorRole()).text(e.action())
                    .text(e.subject()).text(e.details()).bytes(e.detailsSha256()).text(e.clientIp())
                    .text(e.deviceFingerprint()).int2((short) e.encoding().number()).bytes(leafHashes.get(i));
            Long outbox = outboxIds.get(i);
            if (outbox == null) {
                rows.nullValue();
            } else {
                rows.int8(outbox);
            }
        }
        byte[] stream = rows.finish();
        long inserted = template.execute((java.sql.Connection con) -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy supervision_entry (" + COLUMNS
                        + ", leaf_hash, outbox_id) from stdin (format binary)", new java.io.ByteArrayInputStream(stream),
                        stream.length);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (inserted != n) {
            throw new IllegalStateException("inserted " + inserted + " of " + n + " log entries");
        }
    }

    /** A sealed entry's row: its commitment and envelope, and once its lot was opened what they hid. */
    public record SealedRow(long seq, List<java.util.UUID> lots, byte[] commitment, byte[] envelope, String revealed,
            byte[] salt, Instant revealedAt) {
    }

    void insertSealed(long seq, LogWriter.Sealed sealed) {
        template.execute((java.sql.Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(
                    "insert into supervision_sealed (seq, lots, commitment, envelope) values (?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setArray(2, con.createArrayOf("uuid", sealed.lots().toArray()));
                ps.setBytes(3, sealed.commitment());
                ps.setBytes(4, sealed.envelope());
                return ps.executeUpdate();
            }
        });
    }

    private static final String SEALED_COLUMNS = "seq, lots, commitment, envelope, revealed, salt, revealed_at";

    private static SealedRow sealedRow(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(7);
        return new SealedRow(rs.getLong(1), List.of((java.util.UUID[]) rs.getArray(2).getArray()), rs.getBytes(3),
                rs.getBytes(4), rs.getString(5), rs.getBytes(6), at == null ? null : at.toInstant());
    }

    /** Sealed entries addressed to {@code lot} that are not revealed yet, oldest first. */
    public List<SealedRow> unrevealed(java.util.UUID lot) {
        return jdbc.sql("select " + SEALED_COLUMNS + " from supervision_sealed where revealed is null and envelope is not null "
                + "and lots @> array[?]::uuid[] order by seq").param(lot).query((rs, i) -> sealedRow(rs)).list();
    }

    public Optional<SealedRow> sealed(long seq) {
        return jdbc.sql("select " + SEALED_COLUMNS + " from supervision_sealed where seq = ?").param(seq)
                .query((rs, i) -> sealedRow(rs)).optional();
    }

    void reveal(long seq, String revealed, byte[] salt, Instant at) {
        jdbc.sql("update supervision_sealed set revealed = ?, salt = ?, revealed_at = ? where seq = ? and revealed is null")
                .params(revealed, salt, Timestamp.from(at), seq).update();
    }

    /** Locks the log for one writer across all application nodes, until the transaction ends. */
    void lockForAppend() {
        jdbc.sql("select pg_advisory_xact_lock(7301001)").query().singleValue();
    }

    long count() {
        return jdbc.sql("select coalesce(max(seq) + 1, 0) from supervision_entry").query(Long.class).single();
    }

    /**
     * Streams stored leaf hashes in seq order from {@code fromSeq}; calls back with (seq, leaf hash). Read through COPY,
     * so the driver hands over each row as it arrives instead of loading the whole log first.
     */
    void leafHashes(long fromSeq, LeafConsumer consumer) {
        copy("select seq::int8, leaf_hash from supervision_entry where seq >= " + fromSeq + " order by seq", 2,
                reader -> consumer.accept(reader.int8(), reader.bytes()));
    }

    /** Streams whole entries with their stored leaf hash, in seq order, over {@code [fromSeq, toSeq)}, through COPY. */
    public void stream(long fromSeq, long toSeq, StoredConsumer consumer) {
        copy(RAW_SELECT + " where seq >= " + fromSeq + " and seq < " + toSeq + " order by seq", RAW_FIELDS, reader -> {
            RawRow row = raw(reader);
            consumer.accept(row.entry(new String(row.details(), java.nio.charset.StandardCharsets.UTF_8)),
                    row.leafHash());
        });
    }

    private static final String RAW_SELECT = "select seq::int8, at, actor, actor_role, action, subject, details, "
            + "details_sha256, client_ip, device_fingerprint, encoding::int4, leaf_hash from supervision_entry";
    private static final int RAW_FIELDS = 12;

    /**
     * Streams the rows exactly as stored, without validating them (the verification job checks them), through
     * {@code COPY … TO STDOUT (FORMAT binary)}: the server sends each row once, without the row protocol's per-value
     * text conversion, and the details arrive as the UTF-8 bytes their hash was taken over.
     */
    void streamRaw(long fromSeq, Consumer<RawRow> consumer) {
        copy(RAW_SELECT + " where seq >= " + fromSeq + " order by seq", RAW_FIELDS,
                reader -> consumer.accept(raw(reader)));
    }

    private static RawRow raw(BinaryCopyReader reader) throws java.io.IOException {
        return new RawRow(reader.int8(), reader.timestampMicros(), reader.bytes(), reader.bytes(), reader.bytes(),
                reader.bytes(), reader.bytes(), reader.bytes(), reader.bytes(), reader.bytes(),
                LogEncoding.of(reader.int4()), reader.bytes());
    }

    /** Runs {@code copy (query) to stdout (format binary)} and hands each row of {@code fields} fields to {@code row}. */
    private void copy(String query, int fields, RowHandler row) {
        template.execute((java.sql.Connection con) -> {
            String sql = "copy (" + query + ") to stdout (format binary)";
            // the driver's CopyData messages (one a row) are parsed as they come, without a stream around them
            CopyOut copy = con.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            try {
                BinaryCopyReader reader = new BinaryCopyReader(() -> {
                    try {
                        return copy.readFromCopy();
                    } catch (SQLException e) {
                        throw new java.io.IOException(e.getMessage(), e);
                    }
                });
                while (reader.nextRow(fields)) {
                    row.read(reader);
                }
                while (copy.isActive()) {
                    copy.readFromCopy(); // the trailer, then the end of the copy
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface RowHandler {
        void read(BinaryCopyReader reader) throws java.io.IOException;
    }

    /**
     * One row as stored: every text column as the UTF-8 bytes the database sent (null for NULL), the time in
     * microseconds since 1970-01-01 UTC. The verification builds most leaves from these bytes directly
     * ({@link StoredLeaf}); {@link #entry} decodes them for the rest.
     */
    record RawRow(long seq, long atMicros, byte[] actor, byte[] actorRole, byte[] action, byte[] subject, byte[] details,
            byte[] detailsSha256, byte[] clientIp, byte[] deviceFingerprint, LogEncoding encoding, byte[] leafHash) {

        Instant at() {
            return BinaryCopyReader.instant(atMicros);
        }

        /** The row as an entry with the given details text (the leaf covers the details only through their hash). */
        LogEntry entry(String detailsText) {
            return new LogEntry(seq, at(), text(actor), text(actorRole), text(action), text(subject), detailsText,
                    detailsSha256, text(clientIp), text(deviceFingerprint), encoding);
        }

        private static String text(byte[] utf8) {
            return utf8 == null ? null : new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Optional<LogEntry> find(long seq) {
        return jdbc.sql("select " + COLUMNS + " from supervision_entry where seq = ?").param(seq)
                .query((rs, n) -> map(rs)).optional();
    }

    public List<LogEntry> list(LogQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from supervision_entry where true");
        List<Object> params = new ArrayList<>();
        if (q.subject() != null) {
            sql.append(" and subject = ?");
            params.add(q.subject());
        }
        if (q.mentions() != null) {
            sql.append(" and (subject = ? or strpos(details, ?) > 0)");
            params.add(q.mentions());
            params.add(q.mentions());
        }
        if (q.actor() != null) {
            sql.append(" and actor = ?");
            params.add(q.actor());
        }
        if (q.action() != null) {
            sql.append(" and action = ?");
            params.add(q.action());
        }
        if (q.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(q.to()));
        }
        sql.append(" order by seq limit ? offset ?");
        params.add(q.size());
        params.add((long) q.page() * q.size());
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    private static LogEntry map(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getString(9), rs.getString(10),
                LogEncoding.of(rs.getInt(11)));
    }

    @FunctionalInterface
    interface LeafConsumer {
        void accept(long seq, byte[] leafHash);
    }

    @FunctionalInterface
    public interface StoredConsumer {
        void accept(LogEntry entry, byte[] storedLeafHash);
    }
}
