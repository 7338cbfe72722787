package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.support.PlatformTest;

/**
 * The supervision log and the deposit journal share one append-only trigger function (V170), and the database still
 * refuses UPDATE, DELETE and TRUNCATE on each of their tables, with SQLSTATE 42501.
 */
@PlatformTest
class AppendOnlyTablesIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SupervisionLog log;

    @Test
    void oneTriggerFunctionGuardsTheSupervisionLogAndTheDepositJournal() {
        assertThat(jdbc.sql("""
                select distinct p.proname from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                join pg_class c on c.oid = t.tgrelid
                where not t.tgisinternal and c.relname in
                    ('supervision_entry', 'supervision_tree_head', 'deposit_txn', 'deposit_line', 'deposit_bank_entry',
                     'deposit_statement')""")
                .query(String.class).list()).containsExactly("append_only_refuse_change");
        assertThat(jdbc.sql("select count(*) from pg_proc where proname in ('supervision_refuse_change', 'deposit_refuse_change')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void updateDeleteAndTruncateAreStillRefusedOnEveryAppendOnlyTable() {
        log.issueTreeHeadNow(org.sunbid.identity.AccountId.of(UUID.randomUUID()));
        String key = "append-only-test:" + UUID.randomUUID();
        long txn = jdbc.sql("""
                insert into deposit_txn (idempotency_key, kind, memo, posted_at) values (?, 'SUSPENSE_RECEIPT', 'test', now())
                returning id""").param(key).query(Long.class).single();
        jdbc.sql("insert into deposit_line (txn_id, line_no, debit, credit, amount) values (?, 1, 'BANK_CLEARING', 'SUSPENSE', 1.00)")
                .param(txn).update();
        jdbc.sql("insert into deposit_line (txn_id, line_no, debit, credit, amount) values (?, 2, 'SUSPENSE', 'BANK_CLEARING', 1.00)")
                .param(txn).update();
        // a statement and one of its bank entries (V330): the entry is a fact the bank reported, the statement stays
        UUID statement = UUID.randomUUID();
        String ref = "AOT" + statement.toString().substring(0, 8);
        jdbc.sql("""
                insert into deposit_statement (id, format, statement_ref, account, currency, entries, new_entries,
                    ledger_balance, imported_at) values (?, 'CSV', 'append-only-test', '1', 'CNY', 1, 1, 0, now())""")
                .param(statement).update();
        jdbc.sql("""
                insert into deposit_bank_entry (bank_ref, statement_id, direction, amount, outcome)
                values (?, ?, 'CRDT', 1.00, 'SUSPENSE_UNKNOWN_ACCOUNT')""").params(ref, statement).update();
        for (String sql : List.of("update deposit_bank_entry set amount = 2 where bank_ref = '" + ref + "'",
                "delete from deposit_bank_entry where bank_ref = '" + ref + "'", "truncate deposit_bank_entry",
                "delete from deposit_statement where id = '" + statement + "'", "truncate deposit_statement cascade",
                "update supervision_entry set action = action",
                "delete from supervision_entry", "truncate supervision_entry cascade",
                "update supervision_tree_head set tree_size = tree_size", "delete from supervision_tree_head",
                "truncate supervision_tree_head", "truncate supervision_sealed",
                "update deposit_txn set memo = 'x' where id = " + txn, "delete from deposit_txn where id = " + txn,
                "truncate deposit_txn cascade", "update deposit_line set amount = 2 where txn_id = " + txn,
                "delete from deposit_line where txn_id = " + txn, "truncate deposit_line")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).rootCause()
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("select count(*) from deposit_line where txn_id = ?").param(txn).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from deposit_bank_entry where bank_ref = ?").param(ref).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from supervision_tree_head").query(Long.class).single()).isPositive();
    }
}
