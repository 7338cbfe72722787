package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matching policy of {@link StatementMatching} for plain credits, run set-based over a staged statement: duplicates
 * and re-used references found with one pass, each credit matched by virtual account against the registered basic
 * account, short/excess flagged from a running sum per deposit in statement order, and the journal transactions, their
 * lines, the balance projection, the bank entries and the suspense queue each written by one INSERT … SELECT.
 * {@code StatementImportIntegrationTests} and the property test hold both forms of the policy to the same outcomes.
 */
@Repository
public class BulkMatching {

    private final JdbcClient jdbc;

    BulkMatching(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A bank reference already imported, or staged twice, with another direction or amount. */
    public Optional<String> reusedReference() {
        Optional<String> stored = jdbc.sql("""
                select s.bank_ref from deposit_stage s join deposit_bank_entry e on e.bank_ref = s.bank_ref
                where e.direction <> s.direction or e.amount <> s.amount limit 1""").query(String.class).optional();
        if (stored.isPresent()) {
            return stored;
        }
        jdbc.sql("drop table if exists pg_temp.deposit_fresh").update();
        jdbc.sql("""
                create temp table deposit_fresh on commit drop as
                select x.* from (
                    select s.*, row_number() over w as rn,
                           (min(s.direction) over w <> max(s.direction) over w
                               or min(s.amount) over w <> max(s.amount) over w) as clash
                    from deposit_stage s
                    window w as (partition by s.bank_ref order by s.seq
                                 rows between unbounded preceding and unbounded following)) x
                where x.rn = 1 and not exists (select 1 from deposit_bank_entry e where e.bank_ref = x.bank_ref)""")
                .update();
        jdbc.sql("analyze deposit_fresh").update();
        return jdbc.sql("select bank_ref from deposit_fresh where clash limit 1").query(String.class).optional();
    }

    /** Entries not imported before (each reference once). */
    public int fresh() {
        return jdbc.sql("select count(*) from deposit_fresh").query(Integer.class).single();
    }

    /**
     * Matches the fresh set-based credits; {@code basicAccount} answers a member's registered basic account (asked
     * once per member the statement pays into).
     */
    public void match(Function<UUID, Optional<String>> basicAccount) {
        jdbc.sql("drop table if exists pg_temp.deposit_basic").update();
        jdbc.sql("create temp table deposit_basic (member_id uuid primary key, account text) on commit drop").update();
        List<UUID> members = jdbc.sql("""
                select distinct a.member_id from deposit_fresh f join deposit_account a on a.number = f.virtual_account
                where f.set_based""").query(UUID.class).list();
        for (UUID m : members) {
            jdbc.sql("insert into deposit_basic (member_id, account) values (?, ?)")
                    .params(m, basicAccount.apply(m).map(StatementMatching::normalise).orElse(null)).update();
        }
        jdbc.sql("drop table if exists pg_temp.deposit_matched").update();
        jdbc.sql("""
                create temp table deposit_matched on commit drop as
                with c as (
                    select f.seq, f.bank_ref, f.direction, f.amount, f.booked_on, f.virtual_account, f.payer_account,
                           f.payer_name, f.end_to_end_id, a.lot_id, a.member_id, a.required,
                           greatest(-coalesce(h.balance, 0), 0) as held_before,
                           case when a.number is null then 'SUSPENSE_UNKNOWN_ACCOUNT'
                                when a.state <> 'OPEN' then 'SUSPENSE_DEPOSIT_CLOSED'
                                when f.payer_account is null or b.account is null
                                     or b.account <> regexp_replace(f.payer_account, '[\\s-]', '', 'g')
                                     then 'SUSPENSE_PAYER_NOT_BASIC_ACCOUNT'
                                else 'CREDITED' end as outcome
                    from deposit_fresh f
                    left join deposit_account a on a.number = f.virtual_account
                    left join deposit_balance h on h.account = 'DEPOSITS_HELD:' || a.lot_id || ':' || a.member_id
                    left join deposit_basic b on b.member_id = a.member_id
                    where f.set_based),
                r as (
                    select c.*, case when outcome = 'CREDITED' then held_before
                               + sum(amount) over (partition by virtual_account, outcome order by seq) end as after
                    from c)
                select r.*, nextval(pg_get_serial_sequence('deposit_txn', 'id')) as txn_id,
                       case when after is null then outcome when after < required then 'CREDITED_SHORT'
                            when after > required then 'CREDITED_EXCESS' else 'CREDITED' end as final,
                       case when after < required then required - after when after > required then after - required
                            end as difference
                from r""").update();
    }

    /**
     * Posts one balanced transaction per matched entry and its bank entry row. Only entries never imported reach
     * here; an import racing another with the same reference fails on the unique keys and rolls back whole.
     */
    public void post(UUID statement, Instant at, UUID by) {
        jdbc.sql("""
                insert into deposit_txn (id, idempotency_key, kind, lot_id, member_id, memo, posted_at, posted_by)
                select txn_id, 'bank:' || bank_ref, case when after is null then 'SUSPENSE_RECEIPT' else 'RECEIPT' end,
                       case when after is null then null else lot_id end,
                       case when after is null then null else member_id end,
                       case when after is null then outcome else 'deposit received' end, ?, ?
                from deposit_matched""").params(Timestamp.from(at), by).update();
        jdbc.sql("""
                insert into deposit_line (txn_id, line_no, debit, credit, amount)
                select txn_id, 1, 'BANK_CLEARING',
                       case when after is null then 'SUSPENSE' else 'DEPOSITS_HELD:' || lot_id || ':' || member_id end, amount
                from deposit_matched""").update();
        jdbc.sql("""
                insert into deposit_balance (account, balance)
                select account, sum(delta) from (
                    select 'BANK_CLEARING' as account, sum(amount) as delta from deposit_matched
                    union all
                    select case when after is null then 'SUSPENSE' else 'DEPOSITS_HELD:' || lot_id || ':' || member_id end,
                           -sum(amount)
                    from deposit_matched group by after is null, lot_id, member_id) x
                where delta is not null
                group by account
                on conflict (account) do update set balance = deposit_balance.balance + excluded.balance""").update();
        jdbc.sql("""
                insert into deposit_bank_entry (bank_ref, statement_id, booked_on, direction, amount, virtual_account,
                    payer_account, payer_name, end_to_end_id, outcome, difference)
                select bank_ref, ?, booked_on, direction, amount, left(virtual_account, 34), left(payer_account, 64),
                       left(payer_name, 200), left(end_to_end_id, 64), final, difference
                from deposit_matched""").param(statement).update();
        jdbc.sql("insert into deposit_suspense (bank_ref, reason, state) select bank_ref, final, 'OPEN' from deposit_matched where after is null")
                .update();
    }

    /** What the set-based part of the import did, for the report. */
    public record Counts(int credited, BigDecimal creditedTotal, int flaggedShort, int flaggedExcess, int suspense,
            BigDecimal suspenseTotal) {
    }

    public Counts counts() {
        return jdbc.sql("""
                select count(*) filter (where after is not null),
                       coalesce(sum(amount) filter (where after is not null), 0),
                       count(*) filter (where final = 'CREDITED_SHORT'),
                       count(*) filter (where final = 'CREDITED_EXCESS'),
                       count(*) filter (where after is null),
                       coalesce(sum(amount) filter (where after is null), 0)
                from deposit_matched""")
                .query((rs, i) -> new Counts(rs.getInt(1), rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getBigDecimal(6))).single();
    }
}
