package org.sunbid.deposit.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.deposit.Money;
import org.sunbid.deposit.RefundReason;

/** Refunds, refund batches, forfeits, the rate table and the credits interest is computed on. */
@Repository
public class Refunds {

    /**
     * Where a refund stands; RETURNED goes back to PROPOSED once it is sent again; CANCELLED when the bidder that
     * withdrew bids again before the deadline.
     */
    public enum State {
        PROPOSED, IN_BATCH, INSTRUCTED, PAID, RETURNED, CANCELLED
    }

    public enum BatchState {
        MADE, APPROVED
    }

    public enum ForfeitState {
        PROPOSED, APPROVED, REJECTED
    }

    private final JdbcClient jdbc;

    Refunds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Refund(UUID id, String account, UUID lot, UUID member, RefundReason reason, Instant dueBy,
            Money principal, Money interest, String payeeAccount, String payeeName, State state, UUID batch,
            String endToEndId, Instant proposedAt, Instant paidAt, String returnReason) {

        public Money total() {
            return principal.plus(interest);
        }
    }

    private static final String SELECT = """
            select r.*, a.lot_id, a.member_id from deposit_refund r join deposit_account a on a.number = r.account
            """;

    private static Refund refund(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        return new Refund(rs.getObject("id", UUID.class), rs.getString("account"), rs.getObject("lot_id", UUID.class),
                rs.getObject("member_id", UUID.class), RefundReason.valueOf(rs.getString("reason")),
                rs.getTimestamp("due_by").toInstant(), new Money(rs.getBigDecimal("principal")),
                new Money(rs.getBigDecimal("interest")), rs.getString("payee_account"), rs.getString("payee_name"),
                State.valueOf(rs.getString("state")), rs.getObject("batch_id", UUID.class),
                rs.getString("end_to_end_id"), rs.getTimestamp("proposed_at").toInstant(),
                paid == null ? null : paid.toInstant(), rs.getString("return_reason"));
    }

    public void insert(Refund r) {
        jdbc.sql("""
                insert into deposit_refund (id, account, reason, due_by, principal, interest, payee_account, payee_name,
                    state, end_to_end_id, proposed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.account(), r.reason().name(), Timestamp.from(r.dueBy()), r.principal().amount(),
                        r.interest().amount(), r.payeeAccount(), r.payeeName(), r.state().name(), r.endToEndId(),
                        Timestamp.from(r.proposedAt())).update();
    }

    public Optional<Refund> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Refunds::refund).optional();
    }

    /** The refund of a deposit that is not settled yet (at most one). */
    public Optional<Refund> open(String account) {
        return jdbc.sql(SELECT + " where r.account = ? and r.state not in ('PAID', 'CANCELLED') order by r.proposed_at desc limit 1")
                .param(account).query(Refunds::refund).optional();
    }

    public List<Refund> ofAccount(String account) {
        return jdbc.sql(SELECT + " where r.account = ? order by r.proposed_at").param(account).query(Refunds::refund).list();
    }

    public List<Refund> inState(State state) {
        return jdbc.sql(SELECT + " where r.state = ? order by r.due_by").param(state.name()).query(Refunds::refund).list();
    }

    public List<Refund> ofBatch(UUID batch) {
        return jdbc.sql(SELECT + " where r.batch_id = ? order by r.end_to_end_id").param(batch).query(Refunds::refund).list();
    }

    public Optional<Refund> byEndToEndId(String endToEndId) {
        return jdbc.sql(SELECT + " where r.end_to_end_id = ?").param(endToEndId).query(Refunds::refund).optional();
    }

    public void setState(UUID id, State state, UUID batch) {
        jdbc.sql("update deposit_refund set state = ?, batch_id = ? where id = ?").params(state.name(), batch, id).update();
    }

    /** Cancels a not yet batched withdrawal refund of the deposit; true when there was one. */
    public boolean cancelWithdrawalRefund(UUID lot, UUID member) {
        return jdbc.sql("""
                update deposit_refund set state = 'CANCELLED' where state = 'PROPOSED'
                    and reason = 'WITHDRAWN_BEFORE_DEADLINE'
                    and account = (select number from deposit_account where lot_id = ? and member_id = ?)""")
                .params(lot, member).update() > 0;
    }

    public void settled(String endToEndId, Instant at) {
        jdbc.sql("update deposit_refund set state = 'PAID', paid_at = ? where end_to_end_id = ?")
                .params(Timestamp.from(at), endToEndId).update();
    }

    public void returned(String endToEndId, String reason) {
        jdbc.sql("update deposit_refund set state = 'RETURNED', return_reason = ? where end_to_end_id = ?")
                .params(reason == null ? "returned" : reason, endToEndId).update();
    }

    /** A returned refund goes out again to a corrected account under a new end-to-end id. */
    public void redirect(UUID id, String payeeAccount, String payeeName, String endToEndId) {
        jdbc.sql("""
                update deposit_refund set state = 'PROPOSED', batch_id = null, payee_account = ?, payee_name = ?,
                    end_to_end_id = ? where id = ? and state = 'RETURNED'""")
                .params(payeeAccount, payeeName, endToEndId, id).update();
    }

    /** Unpaid refunds past their due time not yet alerted. */
    public List<Refund> lateUnalerted(Instant now) {
        return jdbc.sql(SELECT + " where r.state not in ('PAID', 'CANCELLED') and r.due_by < ? and not r.late_alerted")
                .param(Timestamp.from(now)).query(Refunds::refund).list();
    }

    /** Unpaid refunds past their due time (alerted or not), oldest first: the regulator's late-refund list. */
    public List<Refund> late(Instant now) {
        return jdbc.sql(SELECT + " where r.state not in ('PAID', 'CANCELLED') and r.due_by < ? order by r.due_by")
                .param(Timestamp.from(now)).query(Refunds::refund).list();
    }

    public void markAlerted(UUID id) {
        jdbc.sql("update deposit_refund set late_alerted = true where id = ?").param(id).update();
    }

    // batches

    public record Batch(UUID id, String messageId, String painVersion, BatchState state, UUID madeBy, Instant madeAt,
            UUID checkedBy, String file) {
    }

    public void insertBatch(Batch b) {
        jdbc.sql("""
                insert into deposit_refund_batch (id, message_id, pain_version, state, made_by, made_at)
                values (?, ?, ?, ?, ?, ?)""").params(b.id(), b.messageId(), b.painVersion(), b.state().name(),
                b.madeBy(), Timestamp.from(b.madeAt())).update();
    }

    /** The batch, locked for a decision. */
    public Optional<Batch> lockBatch(UUID id) {
        return batch(id, " for update");
    }

    public Optional<Batch> batch(UUID id) {
        return batch(id, "");
    }

    private Optional<Batch> batch(UUID id, String lock) {
        return jdbc.sql("select * from deposit_refund_batch where id = ?" + lock).param(id)
                .query((rs, i) -> new Batch(rs.getObject("id", UUID.class), rs.getString("message_id"),
                        rs.getString("pain_version"), BatchState.valueOf(rs.getString("state")),
                        rs.getObject("made_by", UUID.class), rs.getTimestamp("made_at").toInstant(),
                        rs.getObject("checked_by", UUID.class), rs.getString("file"))).optional();
    }

    public List<Batch> batches() {
        return jdbc.sql("select id from deposit_refund_batch order by made_at desc").query(UUID.class).list().stream()
                .map(id -> batch(id).orElseThrow()).toList();
    }

    public void approveBatch(UUID id, UUID by, Instant at, String file) {
        jdbc.sql("update deposit_refund_batch set state = 'APPROVED', checked_by = ?, checked_at = ?, file = ? where id = ?")
                .params(by, Timestamp.from(at), file, id).update();
    }

    // interest inputs

    public java.util.Map<LocalDate, BigDecimal> rates() {
        var m = new java.util.TreeMap<LocalDate, BigDecimal>();
        jdbc.sql("select effective_from, annual_percent from deposit_interest_rate")
                .query((rs, i) -> m.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).list();
        return m;
    }

    /** The credits and reversals booked on a virtual account, dated, for interest. */
    public List<InterestCalculator.Credit> credits(String account, LocalDate fallback) {
        return jdbc.sql("""
                select booked_on, case when direction = 'CRDT' then amount else -amount end from deposit_bank_entry
                where virtual_account = ? and outcome in ('CREDITED', 'CREDITED_SHORT', 'CREDITED_EXCESS', 'REVERSED')""")
                .param(account).query((rs, i) -> new InterestCalculator.Credit(
                        Optional.ofNullable(rs.getObject(1, LocalDate.class)).orElse(fallback), rs.getBigDecimal(2)))
                .list();
    }

    // forfeits

    public record Forfeit(UUID id, String account, String reason, ForfeitState state, UUID proposedBy) {
    }

    public void insertForfeit(Forfeit f, Instant at) {
        jdbc.sql("""
                insert into deposit_forfeit (id, account, reason, state, proposed_by, proposed_at)
                values (?, ?, ?, ?, ?, ?)""").params(f.id(), f.account(), f.reason(), f.state().name(), f.proposedBy(),
                Timestamp.from(at)).update();
    }

    public Optional<Forfeit> forfeit(UUID id) {
        return jdbc.sql("select * from deposit_forfeit where id = ? for update").param(id)
                .query((rs, i) -> new Forfeit(rs.getObject("id", UUID.class), rs.getString("account"),
                        rs.getString("reason"), ForfeitState.valueOf(rs.getString("state")),
                        rs.getObject("proposed_by", UUID.class))).optional();
    }

    public boolean forfeitPending(String account) {
        return jdbc.sql("select count(*) from deposit_forfeit where account = ? and state = 'PROPOSED'").param(account)
                .query(Long.class).single() > 0;
    }

    public void decideForfeit(UUID id, ForfeitState state, UUID by, Instant at) {
        jdbc.sql("update deposit_forfeit set state = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(state.name(), by, Timestamp.from(at), id).update();
    }

    /** A forfeit with its deposit's lot, project and member, for the regulator's list. */
    public record ForfeitRow(UUID id, UUID project, UUID lot, UUID member, String reason, ForfeitState state,
            Instant proposedAt, Instant decidedAt) {
    }

    public List<ForfeitRow> forfeits() {
        return jdbc.sql("""
                select f.id, a.project_id, a.lot_id, a.member_id, f.reason, f.state, f.proposed_at, f.decided_at
                from deposit_forfeit f join deposit_account a on a.number = f.account
                order by f.state = 'PROPOSED' desc, f.proposed_at desc limit 500""")
                .query((rs, i) -> new ForfeitRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5),
                        ForfeitState.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant())).list();
    }
}
