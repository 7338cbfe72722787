package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journal in PostgreSQL: append-only transactions and lines (a trigger refuses UPDATE, DELETE and TRUNCATE),
 * and the balance projection kept in step with each posting and rebuildable from the lines.
 */
@Repository
public class Journal {

    private final JdbcClient jdbc;

    Journal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Posts {@code txn} unless a transaction with its idempotency key exists; true when posted. */
    public boolean post(JournalTransaction txn, Instant at, UUID by) {
        Optional<Long> id = jdbc.sql("""
                insert into deposit_txn (idempotency_key, kind, lot_id, member_id, memo, posted_at, posted_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id""")
                .params(txn.idempotencyKey(), txn.kind().name(), txn.lot(), txn.member(), txn.memo(), Timestamp.from(at), by)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return false;
        }
        short n = 0;
        for (JournalTransaction.Line l : txn.lines()) {
            jdbc.sql("insert into deposit_line (txn_id, line_no, debit, credit, amount) values (?, ?, ?, ?, ?)")
                    .params(id.get(), ++n, l.debit().key(), l.credit().key(), l.amount().amount()).update();
        }
        for (Map.Entry<String, BigDecimal> d : txn.deltas().entrySet()) {
            jdbc.sql("""
                    insert into deposit_balance (account, balance) values (?, ?)
                    on conflict (account) do update set balance = deposit_balance.balance + excluded.balance""")
                    .params(d.getKey(), d.getValue()).update();
        }
        return true;
    }

    public boolean posted(String idempotencyKey) {
        return jdbc.sql("select count(*) from deposit_txn where idempotency_key = ?").param(idempotencyKey)
                .query(Long.class).single() > 0;
    }

    /** Debit-positive balance from the projection. */
    public BigDecimal balance(LedgerAccount account) {
        return jdbc.sql("select balance from deposit_balance where account = ?").param(account.key())
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    /** Sum of the projected balances whose account key starts with {@code prefix} (e.g. all deposits of a lot). */
    public BigDecimal balanceOfPrefix(String prefix) {
        return jdbc.sql("select coalesce(sum(balance), 0) from deposit_balance where account like ?")
                .param(prefix.replace("%", "") + "%").query(BigDecimal.class).single();
    }

    /** Sum of all lines' debits minus credits: zero while every transaction balances. */
    public BigDecimal trialBalance() {
        return jdbc.sql("select coalesce(sum(balance), 0) from deposit_balance").query(BigDecimal.class).single();
    }

    /** Accounts whose projected balance differs from the balance recomputed from the journal's lines. */
    public Map<String, BigDecimal> projectionDrift() {
        var drift = new java.util.LinkedHashMap<String, BigDecimal>();
        jdbc.sql("""
                with computed as (
                    select account, sum(amount) as balance from (
                        select debit as account, amount from deposit_line
                        union all select credit, -amount from deposit_line) x group by account)
                select coalesce(c.account, b.account) as account,
                       coalesce(c.balance, 0) - coalesce(b.balance, 0) as drift
                from computed c full join deposit_balance b on b.account = c.account
                where coalesce(c.balance, 0) <> coalesce(b.balance, 0)""")
                .query((rs, i) -> drift.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return drift;
    }

    /** Throws the projection away and rebuilds it from the journal. */
    public void rebuildBalances() {
        jdbc.sql("delete from deposit_balance").update();
        jdbc.sql("""
                insert into deposit_balance (account, balance)
                select account, sum(amount) from (
                    select debit as account, amount from deposit_line
                    union all select credit, -amount from deposit_line) x group by account""").update();
    }
}
