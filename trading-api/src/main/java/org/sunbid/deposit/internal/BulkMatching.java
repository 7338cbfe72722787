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
 * The matching policy of {@link StatementMatching} for plain credits, run set-based over a staged statement: repeated
 * and re-used references found with one aggregate pass, then one statement that matches each fresh credit by virtual
 * account against the registered basic account, flags short/excess from a running sum per deposit in statement order,
 * and writes the journal transactions, their lines, the balance projection, the bank entries and the suspense queue
 * (data-modifying CTEs over one materialised match, all or nothing with the import's transaction).
 * {@code StatementImportIntegrationTests} and the property test hold both forms of the policy to the same outcomes.
 */
@Repository
public class BulkMatching {

    /** A staged entry that is fresh: never imported, and the first of its reference in the statement. */
    static final String FRESH = """
            not exists (select 1 from deposit_bank_entry e where e.bank_ref = s.bank_ref)
            and not exists (select 1 from deposit_dup d where d.bank_ref = s.bank_ref and d.first <> s.seq)""";

    private final JdbcClient jdbc;

    BulkMatching(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A bank reference already imported with another direction or amount, or staged twice with different ones. Also
     * notes the references staged more than once (their first occurrence is the one that counts). {@code repeats}: the
     * stage flagged rows whose reference it may have seen before ({@link StatementStage.Writer#repeats()}); only those
     * references are grouped, and none at all when nothing was flagged.
     */
    public Optional<String> reusedReference(boolean repeats) {
        Optional<String> stored = jdbc.sql("""
                select s.bank_ref from deposit_stage s join deposit_bank_entry e on e.bank_ref = s.bank_ref
                where e.direction <> s.direction or e.amount <> s.amount limit 1""").query(String.class).optional();
        if (stored.isPresent()) {
            return stored;
        }
        jdbc.sql("drop table if exists pg_temp.deposit_dup").update();
        jdbc.sql("""
                create temp table deposit_dup on commit drop as
                select bank_ref, min(seq) as first,
                       min(direction) <> max(direction) or min(amount) <> max(amount) as clash
                from deposit_stage where %s group by bank_ref having count(*) > 1"""
                .formatted(repeats ? "bank_ref in (select bank_ref from deposit_stage where repeat)" : "false")).update();
        jdbc.sql("analyze deposit_dup").update();
        return jdbc.sql("select bank_ref from deposit_dup where clash limit 1").query(String.class).optional();
    }

    /** What the set-based part of the import did, for the report. */
    public record Counts(int fresh, int credited, BigDecimal creditedTotal, int flaggedShort, int flaggedExcess,
            int suspense, BigDecimal suspenseTotal) {
    }

    /**
     * Matches and posts the fresh set-based credits: one bank entry row per entry, and per deposit one balanced journal
     * transaction {@code statement:<statement id>:<held account>} (bank clearing to the deposit held, the sum of the
     * statement's fresh credits to it), plus one {@code statement:<statement id>:SUSPENSE} for the credits it could not
     * attribute; the bank entries (statement id and virtual account) are that transaction's detail, and their primary
     * key is what keeps every bank reference to one posting (see docs/deposits.md, "Import at scale"). {@code basicAccount} answers a member's registered basic account (asked once per member the
     * statement pays into). Only entries never imported reach the inserts; an import racing another with the same
     * reference fails on the unique keys and rolls back whole.
     */
    public Counts post(UUID statement, Instant at, UUID by, Function<UUID, Optional<String>> basicAccount) {
        jdbc.sql("drop table if exists pg_temp.deposit_basic").update();
        jdbc.sql("create temp table deposit_basic (member_id uuid primary key, account text) on commit drop").update();
        List<UUID> members = jdbc.sql("""
                select distinct a.member_id from deposit_stage s join deposit_account a on a.number = s.virtual_account
                where s.set_based""").query(UUID.class).list();
        for (UUID m : members) {
            jdbc.sql("insert into deposit_basic (member_id, account) values (?, ?)")
                    .params(m, basicAccount.apply(m).map(StatementMatching::normalise).orElse(null)).update();
        }
        return jdbc.sql("""
                with c as (
                    select s.seq, s.bank_ref, s.direction, s.amount, s.booked_on, s.virtual_account, s.payer_account,
                           s.payer_name, s.end_to_end_id, a.lot_id, a.member_id, a.required,
                           greatest(-coalesce(h.balance, 0), 0) as held_before,
                           case when a.number is null then 'SUSPENSE_UNKNOWN_ACCOUNT'
                                when a.state <> 'OPEN' then 'SUSPENSE_DEPOSIT_CLOSED'
                                when s.payer_account is null or b.account is null
                                     or b.account <> translate(s.payer_account, ' -' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13), '')
                                     then 'SUSPENSE_PAYER_NOT_BASIC_ACCOUNT'
                                else 'CREDITED' end as outcome
                    from deposit_stage s
                    left join deposit_account a on a.number = s.virtual_account
                    left join deposit_balance h on h.account = 'DEPOSITS_HELD:' || a.lot_id || ':' || a.member_id
                    left join deposit_basic b on b.member_id = a.member_id
                    where s.set_based and %s),
                r as (
                    select c.*, case when outcome = 'CREDITED' then held_before
                               + sum(amount) over (partition by virtual_account, outcome order by seq) end as after
                    from c),
                m as materialized (
                    select r.*,
                           case when after is null then outcome when after < required then 'CREDITED_SHORT'
                                when after > required then 'CREDITED_EXCESS' else 'CREDITED' end as final,
                           case when after < required then required - after when after > required then after - required
                                end as difference,
                           case when after is null then 'SUSPENSE' else 'DEPOSITS_HELD:' || lot_id || ':' || member_id
                                end as held
                    from r),
                g as materialized (
                    select nextval('deposit_txn_id_seq') as txn_id, held, lot_id, member_id, total, n from (
                        select held, case when held = 'SUSPENSE' then null else lot_id end as lot_id,
                               case when held = 'SUSPENSE' then null else member_id end as member_id,
                               sum(amount) as total, count(*) as n
                        from m group by 1, 2, 3) x),
                txn as (
                    insert into deposit_txn (id, idempotency_key, kind, lot_id, member_id, memo, posted_at, posted_by)
                    select txn_id, 'statement:' || :statement || ':' || held,
                           case when held = 'SUSPENSE' then 'SUSPENSE_RECEIPT' else 'RECEIPT' end, lot_id, member_id,
                           case when held = 'SUSPENSE' then n || ' unattributed bank entries (see the suspense queue)'
                                else n || ' bank entries, deposit received' end, :at, :by
                    from g),
                line as (
                    insert into deposit_line (txn_id, line_no, debit, credit, amount)
                    select txn_id, 1, 'BANK_CLEARING', held, total from g),
                balance as (
                    insert into deposit_balance (account, balance)
                    select account, sum(delta) from (
                        select 'BANK_CLEARING' as account, sum(total) as delta from g
                        union all
                        select held, -total from g) x
                    where delta is not null
                    group by account
                    on conflict (account) do update set balance = deposit_balance.balance + excluded.balance),
                entry as (
                    insert into deposit_bank_entry (bank_ref, statement_id, booked_on, direction, amount, virtual_account,
                        payer_account, payer_name, end_to_end_id, outcome, difference)
                    select bank_ref, :statement, booked_on, direction, amount, left(virtual_account, 34),
                           left(payer_account, 64), left(payer_name, 200), left(end_to_end_id, 64), final, difference
                    from m),
                suspense as (
                    insert into deposit_suspense (bank_ref, reason, state)
                    select bank_ref, final, 'OPEN' from m where after is null)
                select count(*),
                       count(*) filter (where after is not null),
                       coalesce(sum(amount) filter (where after is not null), 0),
                       count(*) filter (where final = 'CREDITED_SHORT'),
                       count(*) filter (where final = 'CREDITED_EXCESS'),
                       count(*) filter (where after is null),
                       coalesce(sum(amount) filter (where after is null), 0)
                from m""".formatted(FRESH))
                .param("at", Timestamp.from(at)).param("by", by).param("statement", statement)
                .query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7))).single();
    }
}
