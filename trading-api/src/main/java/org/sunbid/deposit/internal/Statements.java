package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.deposit.Money;

/** Imported statements, their bank entries (one row per bank reference) and the suspense queue. */
@Repository
public class Statements {

    private final JdbcClient jdbc;

    Statements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertStatement(UUID id, String format, StatementHeader h, Instant at, UUID by) {
        jdbc.sql("""
                insert into deposit_statement (id, format, statement_ref, account, currency, opening_balance,
                    closing_balance, entries, new_entries, ledger_balance, imported_at, imported_by)
                values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)""")
                .params(id, format, h.statementRef(), h.account(), h.currency() == null ? "CNY" : h.currency(),
                        h.openingBalance(), h.closingBalance(), Timestamp.from(at), by).update();
    }

    public void finishStatement(UUID id, int entries, int fresh, BigDecimal ledger, BigDecimal difference) {
        jdbc.sql("update deposit_statement set entries = ?, new_entries = ?, ledger_balance = ?, difference = ? where id = ?")
                .params(entries, fresh, ledger, difference, id).update();
    }

    public void insertEntry(UUID statement, BankEntry e, StatementMatching.Outcome outcome, Money difference) {
        jdbc.sql("""
                insert into deposit_bank_entry (bank_ref, statement_id, booked_on, direction, amount, virtual_account,
                    payer_account, payer_name, end_to_end_id, outcome, difference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.bankRef(), statement, e.bookedOn(), e.direction().name(), e.amount().amount(),
                        trim(e.virtualAccount(), 34), trim(e.payerAccount(), 64), trim(e.payerName(), 200),
                        trim(e.endToEndId(), 64), outcome.name(), difference.isZero() ? null : difference.amount())
                .update();
        if (outcome.suspense()) {
            jdbc.sql("insert into deposit_suspense (bank_ref, reason, state) values (?, ?, 'OPEN')")
                    .params(e.bankRef(), outcome.name()).update();
        }
    }

    private static String trim(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    /** An open suspense item as staff see it: the bank's data, never which bidder a virtual account belongs to. */
    public record SuspenseItem(String bankRef, String reason, String direction, BigDecimal amount, String virtualAccount,
            String payerAccount, String payerName, java.time.LocalDate bookedOn) {
    }

    public List<SuspenseItem> openSuspense() {
        return jdbc.sql("""
                select s.bank_ref, s.reason, e.direction, e.amount, e.virtual_account, e.payer_account, e.payer_name,
                       e.booked_on
                from deposit_suspense s join deposit_bank_entry e on e.bank_ref = s.bank_ref
                where s.state = 'OPEN' order by e.booked_on, s.bank_ref""")
                .query((rs, i) -> new SuspenseItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, java.time.LocalDate.class))).list();
    }

    public Optional<SuspenseItem> openSuspenseItem(String bankRef) {
        return openSuspense().stream().filter(s -> s.bankRef().equals(bankRef)).findFirst();
    }

    public boolean resolveSuspense(String bankRef, String state, UUID by, Instant at, String resolution) {
        return jdbc.sql("""
                update deposit_suspense set state = ?, resolved_by = ?, resolved_at = ?, resolution = ?
                where bank_ref = ? and state = 'OPEN'""")
                .params(state, by, Timestamp.from(at), resolution, bankRef).update() == 1;
    }
}
