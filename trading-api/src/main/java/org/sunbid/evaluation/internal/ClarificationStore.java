package org.sunbid.evaluation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.evaluation.Clarification;
import org.sunbid.evaluation.ClarificationId;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** Clarification requests and their signed answers. Hand-written SQL. */
@Repository
public class ClarificationStore {

    private final JdbcClient jdbc;

    ClarificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Clarification c) {
        jdbc.sql("""
                insert into evaluation_clarification (id, lot_id, bid_id, bidder_id, asked_by, question, asked_at,
                    answer_due) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id().value(), c.lot().value(), c.bid().value(), c.bidder().value(), c.askedBy().value(),
                        c.question(), Timestamp.from(c.askedAt()), Timestamp.from(c.answerDue()))
                .update();
    }

    /** Stores the answer; only a request still unanswered is updated. */
    public boolean answer(Clarification c) {
        Clarification.Answer a = c.answer().orElseThrow();
        return jdbc.sql("""
                update evaluation_clarification set answer_content = ?, answer_text = ?, answer_signature = ?,
                    answer_sha256 = ?, answered_at = ? where id = ? and answered_at is null""")
                .params(a.content(), a.text(), a.signature(), a.sha256(), Timestamp.from(a.at()), c.id().value()).update() == 1;
    }

    /** The request, locked for the rest of the transaction. */
    public Optional<Clarification> lock(LotId lot, UUID id) {
        return jdbc.sql("select * from evaluation_clarification where id = ? and lot_id = ? for update")
                .params(id, lot.value()).query(ClarificationStore::row).optional();
    }

    public List<Clarification> ofLot(LotId lot) {
        return jdbc.sql("select * from evaluation_clarification where lot_id = ? order by asked_at, id")
                .param(lot.value()).query(ClarificationStore::row).list();
    }

    private static Clarification row(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        Clarification.Answer answer = answered == null ? null : new Clarification.Answer(
                rs.getString("answer_content"), rs.getString("answer_text"), rs.getBytes("answer_signature"),
                rs.getString("answer_sha256"), answered.toInstant());
        return new Clarification(ClarificationId.of(rs.getObject("id", UUID.class)), LotId.of(rs.getObject("lot_id", UUID.class)),
                BidId.of(rs.getObject("bid_id", UUID.class)), MemberId.of(rs.getObject("bidder_id", UUID.class)),
                MemberId.of(rs.getObject("asked_by", UUID.class)), rs.getString("question"),
                rs.getTimestamp("asked_at").toInstant(), rs.getTimestamp("answer_due").toInstant(), answer);
    }
}
