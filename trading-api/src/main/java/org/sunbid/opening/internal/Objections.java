package org.sunbid.opening.internal;

import static org.sunbid.opening.internal.Rows.instant;
import static org.sunbid.opening.internal.Rows.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.id.LotId;

/** What bidders say about the opening record: confirmations and objections (异议) with staff's answers. */
@Repository
public class Objections {

    public record Confirmation(UUID member, Instant confirmedAt) {
    }

    public record Objection(UUID id, UUID member, String text, Instant raisedAt, String answer, UUID answeredBy,
            Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    Objections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the member had confirmed already. */
    public boolean confirm(LotId lot, UUID member, UUID account, Instant at) {
        return jdbc.sql("""
                insert into opening_confirmation (lot_id, member_id, account_id, confirmed_at) values (?, ?, ?, ?)
                on conflict (lot_id, member_id) do nothing""").params(lot.value(), member, account, ts(at)).update() == 1;
    }

    public List<Confirmation> confirmations(LotId lot) {
        return jdbc.sql("select member_id, confirmed_at from opening_confirmation where lot_id = ? order by confirmed_at")
                .param(lot.value()).query((rs, n) -> new Confirmation(rs.getObject(1, UUID.class), instant(rs, "confirmed_at")))
                .list();
    }

    public void raise(UUID id, LotId lot, UUID member, UUID account, String text, Instant at) {
        jdbc.sql("""
                insert into opening_objection (id, lot_id, member_id, account_id, text, raised_at) values (?, ?, ?, ?, ?, ?)""")
                .params(id, lot.value(), member, account, text, ts(at)).update();
    }

    public List<Objection> of(LotId lot) {
        return jdbc.sql("select * from opening_objection where lot_id = ? order by raised_at, id").param(lot.value())
                .query(Objections::objection).list();
    }

    /** An objection with the lot it was raised on. */
    public record Raised(LotId lot, Objection objection) {
    }

    public java.util.Optional<Raised> find(UUID id) {
        return jdbc.sql("select * from opening_objection where id = ?").param(id).query(Objections::raised).optional();
    }

    /** The member's objections to openings, newest first. */
    public List<Raised> raisedBy(UUID member) {
        return jdbc.sql("select * from opening_objection where member_id = ? order by raised_at desc, id").param(member)
                .query(Objections::raised).list();
    }

    private static Raised raised(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Raised(LotId.of(rs.getObject("lot_id", UUID.class)), objection(rs, n));
    }

    private static Objection objection(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Objection(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class), rs.getString("text"),
                instant(rs, "raised_at"), rs.getString("answer"), rs.getObject("answered_by", UUID.class),
                instant(rs, "answered_at"));
    }

    /** False when the objection was answered already (an answer is never replaced). */
    public boolean answer(LotId lot, UUID objection, String answer, UUID by, Instant at) {
        return jdbc.sql("""
                update opening_objection set answer = ?, answered_by = ?, answered_at = ?
                where id = ? and lot_id = ? and answer is null""").params(answer, by, ts(at), objection, lot.value())
                .update() == 1;
    }
}
