package org.sunbid.deposit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static final int FLUSH_BYTES = 1 << 16;

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
        jdbc.sql("set local work_mem = '512MB'").update();
        jdbc.sql("drop table if exists pg_temp.deposit_stage").update();
        jdbc.sql("""
                create temp table deposit_stage (seq int not null, bank_ref text not null, direction varchar(4) not null,
                    reversal boolean not null, amount numeric(17,2) not null, booked_on date, virtual_account text,
                    payer_account text, payer_name text, end_to_end_id text, return_reason text, set_based boolean not null,
                    repeat boolean not null)
                on commit drop""").update();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy deposit_stage from stdin");
            return new Writer(copy);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into the staging table", e);
        }
    }

    /**
     * Streams entries into the COPY as UTF-8 text rows, encoded straight into one reused byte buffer (no intermediate
     * strings); {@link #finish()} ends the COPY, {@link #close()} cancels one left open.
     */
    public final class Writer implements AutoCloseable {
        private final CopyIn copy;
        private byte[] out = new byte[FLUSH_BYTES + 16 * 1024];
        private int len;
        private int seq;
        private final SeenReferences seen = new SeenReferences();
        private boolean repeats;

        private Writer(CopyIn copy) {
            this.copy = copy;
        }

        public void add(BankEntry e) {
            ascii(Integer.toString(++seq));
            out[len++] = '\t';
            field(e.bankRef());
            field(e.direction().name());
            field(e.reversal() ? "t" : "f");
            field(e.amount().amount().toPlainString());
            field(e.bookedOn() == null ? null : e.bookedOn().toString());
            field(e.virtualAccount());
            field(e.payerAccount());
            field(e.payerName());
            field(e.endToEndId());
            field(e.returnReason());
            ascii(setBased(e) ? "t\t" : "f\t");
            boolean repeat = !seen.add(e.bankRef());
            repeats |= repeat;
            ascii(repeat ? "t" : "f");
            out[len++] = '\n';
            if (len >= FLUSH_BYTES) {
                flush();
            }
        }

        /** Whether a staged row's reference may have been staged before (then SQL decides; see {@link SeenReferences}). */
        public boolean repeats() {
            return repeats;
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
            if (len == 0) {
                return;
            }
            try {
                copy.writeToCopy(out, 0, len);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the staging table failed", e);
            }
            len = 0;
        }

        /** Room for {@code n} more bytes (one row never needs more than its fields' worst case). */
        private void room(int n) {
            if (len + n > out.length) {
                flush();
                if (n > out.length) {
                    out = new byte[n];
                }
            }
        }

        /** ASCII characters as they are, with room for one byte more (a separator). */
        private void ascii(String s) {
            room(s.length() + 1);
            for (int i = 0; i < s.length(); i++) {
                out[len++] = (byte) s.charAt(i);
            }
        }

        /**
         * One COPY text field and its tab: {@code \N} for null, backslash escapes for the separators, UTF-8 (a lone
         * surrogate becomes '?', as {@link String#getBytes} does).
         */
        private void field(String value) {
            if (value == null) {
                room(3);
                out[len++] = '\\';
                out[len++] = 'N';
                out[len++] = '\t';
                return;
            }
            int n = value.length();
            room(n * 4 + 1);
            byte[] b = out;
            int at = len;
            for (int i = 0; i < n; i++) {
                char ch = value.charAt(i);
                if (ch < 0x80) {
                    switch (ch) {
                        case '\\' -> { b[at++] = '\\'; b[at++] = '\\'; }
                        case '\t' -> { b[at++] = '\\'; b[at++] = 't'; }
                        case '\n' -> { b[at++] = '\\'; b[at++] = 'n'; }
                        case '\r' -> { b[at++] = '\\'; b[at++] = 'r'; }
                        default -> b[at++] = (byte) ch;
                    }
                } else if (ch < 0x800) {
                    b[at++] = (byte) (0xC0 | ch >> 6);
                    b[at++] = (byte) (0x80 | ch & 0x3F);
                } else if (!Character.isSurrogate(ch)) {
                    b[at++] = (byte) (0xE0 | ch >> 12);
                    b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | ch & 0x3F);
                } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(ch, value.charAt(++i));
                    b[at++] = (byte) (0xF0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    b[at++] = '?';
                }
            }
            b[at++] = '\t';
            len = at;
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

    /**
     * The 64-bit hashes of the references staged so far, in an open-addressing table (at most 16 bytes per entry): a
     * reference not in it is certainly new to the statement; one in it may be a repeat or a hash collision, which the
     * SQL that groups the flagged references tells apart. Spares the database a grouping of every staged reference.
     */
    static final class SeenReferences {
        private long[] table = new long[1 << 12];
        private int size;

        /** Adds {@code ref}; false when its hash was there already. */
        boolean add(String ref) {
            long h = hash(ref);
            if (!insert(table, h)) {
                return false;
            }
            if (++size * 2 > table.length) {
                long[] bigger = new long[table.length * 2];
                for (long x : table) {
                    if (x != 0) {
                        insert(bigger, x);
                    }
                }
                table = bigger;
            }
            return true;
        }

        private static boolean insert(long[] t, long h) {
            int mask = t.length - 1;
            int i = (int) ((h * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            while (t[i] != 0) {
                if (t[i] == h) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            t[i] = h;
            return true;
        }

        /** FNV-1a over the characters; never 0 (the table's empty slot). */
        static long hash(String s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            return h == 0 ? 1 : h;
        }
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
