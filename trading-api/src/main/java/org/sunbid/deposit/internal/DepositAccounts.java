package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.deposit.DepositState;
import org.sunbid.deposit.Money;
import org.sunbid.deposit.VirtualAccountNumber;

/** The deposits behind the virtual sub-accounts; amounts are read from the journal's balance projection. */
@Repository
public class DepositAccounts {

    private final JdbcClient jdbc;

    DepositAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(VirtualAccountNumber number, UUID lot, UUID project, UUID member, Money required,
            DepositState state, Instant openedAt) {
    }

    /** Inserts the account; false when the number is taken by another pair (derive again) or the pair has one. */
    public boolean insert(VirtualAccountNumber number, UUID lot, UUID project, UUID member, Money required, Instant at) {
        return jdbc.sql("""
                insert into deposit_account (number, lot_id, project_id, member_id, required, state, opened_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(number.value(), lot, project, member, required.amount(), DepositState.OPEN.name(),
                        Timestamp.from(at)).update() == 1;
    }

    private static final String SELECT = """
            select a.number, a.lot_id, a.project_id, a.member_id, a.required, a.state, a.opened_at,
                   coalesce(h.balance, 0) as held, coalesce(i.balance, 0) as interest, coalesce(r.balance, 0) as payable
            from deposit_account a
            left join deposit_balance h on h.account = 'DEPOSITS_HELD:' || a.lot_id || ':' || a.member_id
            left join deposit_balance i on i.account = 'INTEREST_PAYABLE:' || a.lot_id || ':' || a.member_id
            left join deposit_balance r on r.account = 'REFUNDS_PAYABLE:' || a.lot_id || ':' || a.member_id
            """;

    public Optional<Row> row(UUID lot, UUID member) {
        return jdbc.sql(SELECT + " where a.lot_id = ? and a.member_id = ?").params(lot, member).query(DepositAccounts::row)
                .optional();
    }

    /** The deposit without a lock, for reads. */
    public Optional<Deposit> peek(UUID lot, UUID member) {
        return jdbc.sql(SELECT + " where a.lot_id = ? and a.member_id = ?").params(lot, member)
                .query(DepositAccounts::deposit).optional();
    }

    /** The deposit, locked for the rest of the transaction. */
    public Optional<Deposit> find(String number) {
        return jdbc.sql(SELECT + " where a.number = ? for update of a").param(number).query(DepositAccounts::deposit).optional();
    }

    public Optional<Deposit> find(UUID lot, UUID member) {
        return jdbc.sql(SELECT + " where a.lot_id = ? and a.member_id = ? for update of a").params(lot, member)
                .query(DepositAccounts::deposit).optional();
    }

    public List<Deposit> ofLot(UUID lot) {
        return jdbc.sql(SELECT + " where a.lot_id = ? order by a.opened_at").param(lot).query(DepositAccounts::deposit).list();
    }

    public List<Row> rowsOfLot(UUID lot) {
        return jdbc.sql(SELECT + " where a.lot_id = ? order by a.opened_at").param(lot).query(DepositAccounts::row).list();
    }

    public void saveState(Deposit d, Instant at) {
        boolean closed = d.state() == DepositState.REFUNDED || d.state() == DepositState.FORFEITED;
        jdbc.sql("update deposit_account set state = ?, closed_at = ? where number = ?")
                .params(d.state().name(), closed ? Timestamp.from(at) : null, d.number().value()).update();
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(new VirtualAccountNumber(rs.getString("number")), rs.getObject("lot_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getObject("member_id", UUID.class),
                new Money(rs.getBigDecimal("required")), DepositState.valueOf(rs.getString("state")),
                rs.getTimestamp("opened_at").toInstant());
    }

    private static Deposit deposit(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Deposit(new VirtualAccountNumber(rs.getString("number")), rs.getObject("lot_id", UUID.class),
                rs.getObject("member_id", UUID.class), new Money(rs.getBigDecimal("required")),
                DepositState.valueOf(rs.getString("state")), credit(rs.getBigDecimal("held")),
                credit(rs.getBigDecimal("interest")), credit(rs.getBigDecimal("payable")));
    }

    /** Liabilities carry credit (negative) balances in the debit-positive projection. */
    static Money credit(BigDecimal debitPositive) {
        return new Money(debitPositive.negate().max(BigDecimal.ZERO));
    }
}
