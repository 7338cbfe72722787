package org.sunbid.deposit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.deposit.Money;

/**
 * A statement's entries streamed into a temporary staging table with PostgreSQL COPY while the reader parses them, so
 * that the matching can run set-based ({@link BulkMatching}). The table lives in the import's transaction only
 * ({@code on commit drop}); memory stays bounded by one COPY buffer.
 */
@Repository
public class StatementStage {

    private static final int FLUSH_CHARS = 1 << 16;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    StatementStage(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * Entries a set can post: plain credits. Debits (refunds paid, reversals) and returns that name a refund go
     * through the per-entry policy after them, because they depend on refund state.
     */
    static boolean setBased(BankEntry e) {
        return e.direction() == BankEntry.Direction.CRDT && !(e.isReturn() && e.endToEndId() != null);
    }

    /**
     * Creates the staging table (inside the current transaction) and starts the COPY. The import's sorts and hashes
     * over the staged rows get more working memory than a request's default, for this transaction only.
     */
    public Writer open() {
        jdbc.sql("set local work_mem = '128MB'").update();
        jdbc.sql("drop table if exists pg_temp.deposit_stage").update();
        jdbc.sql("""
                create temp table deposit_stage (seq int not null, bank_ref text not null, direction varchar(4) not null,
                    reversal boolean not null, amount numeric(17,2) not null, booked_on date, virtual_account text,
                    payer_account text, payer_name text, end_to_end_id text, return_reason text, set_based boolean not null)
                on commit drop""").update();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy deposit_stage from stdin");
            return new Writer(copy);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into the staging table", e);
        }
    }

    /** Streams entries into the COPY; {@link #finish()} ends it, {@link #close()} cancels one left open. */
    public final class Writer implements AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
        private int seq;

        private Writer(CopyIn copy) {
            this.copy = copy;
        }

        public void add(BankEntry e) {
            StringBuilder b = buffer;
            b.append(++seq).append('\t');
            field(b, e.bankRef());
            field(b, e.direction().name());
            field(b, e.reversal() ? "t" : "f");
            field(b, e.amount().amount().toPlainString());
            field(b, e.bookedOn() == null ? null : e.bookedOn().toString());
            field(b, e.virtualAccount());
            field(b, e.payerAccount());
            field(b, e.payerName());
            field(b, e.endToEndId());
            field(b, e.returnReason());
            b.append(setBased(e) ? 't' : 'f').append('\n');
            if (b.length() >= FLUSH_CHARS) {
                flush();
            }
        }

        /** Ends the COPY and gives the planner the table's statistics; returns the rows staged. */
        public int finish() {
            flush();
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the staging table failed", e);
            }
            jdbc.sql("analyze deposit_stage").update();
            return seq;
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the staging table failed", e);
            }
        }

        @Override
        public void close() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("cannot cancel the staging COPY", e));
            }
        }
    }

    /** COPY text format: tab-separated, {@code \N} for null, backslash escapes for the separators. */
    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("\\N");
        } else {
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                switch (ch) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(ch);
                }
            }
        }
        b.append('\t');
    }

    /** The staged entries the per-entry policy handles, fresh (not yet imported) and in statement order. */
    public List<BankEntry> perEntry() {
        return jdbc.sql("""
                select bank_ref, direction, reversal, amount, booked_on, virtual_account, payer_account, payer_name,
                       end_to_end_id, return_reason from deposit_stage s where not set_based""" + " and " + BulkMatching.FRESH
                + " order by seq")
                .query((rs, i) -> new BankEntry(rs.getString(1), BankEntry.Direction.valueOf(rs.getString(2)),
                        rs.getBoolean(3), new Money(rs.getBigDecimal(4)), "CNY",
                        rs.getObject(5, java.time.LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10))).list();
    }
}
