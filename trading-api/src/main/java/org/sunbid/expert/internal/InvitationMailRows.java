package org.sunbid.expert.internal;

import static org.sunbid.expert.internal.LibraryStore.instant;
import static org.sunbid.expert.internal.LibraryStore.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.expert.SeatState;
import org.sunbid.platform.id.LotId;

/**
 * The invitation mails owed, kept on the seat rows (V360): made owed by the statement that invites a seat, claimed by
 * a sender for a lease with {@code FOR UPDATE SKIP LOCKED} (two nodes never claim one row at once), then marked sent,
 * put off after a failure, or cleared.
 */
@Repository
class InvitationMailRows {

    /** An owed mail a sender has claimed: what it needs to rebuild the mail, and which attempt this is (from 1). */
    record Owed(UUID seat, LotId lot, UUID project, UUID expert, Instant answerDue, int attempt) {
    }

    /** A seat that was owed a mail and no longer is (answered, expired, past its window) without one being sent. */
    record Dropped(UUID seat, SeatState state) {
    }

    private final JdbcClient jdbc;

    InvitationMailRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seat (just invited, in the caller's transaction) owes its mail from {@code at}. */
    void owe(UUID seat, Instant at) {
        jdbc.sql("update expert_seat set mail_next_at = ?, mail_attempts = 0, mailed_at = null, mail_error = null where id = ?")
                .params(ts(at), seat).update();
    }

    /**
     * Claims up to {@code limit} mails owed at {@code now} whose seat is still invited with its window open, oldest
     * first: one statement, so the claim commits at once; a claimed row is owed again at {@code leaseUntil} only if its
     * sender never reports (a node that died while sending).
     */
    List<Owed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                update expert_seat set mail_next_at = ?, mail_attempts = mail_attempts + 1
                 where id in (select id from expert_seat
                               where mail_next_at <= ? and state = 'INVITED' and answer_due > ?
                               order by mail_next_at limit ? for update skip locked)
                returning id, lot_id, project_id, expert_id, answer_due, mail_attempts""")
                .params(ts(leaseUntil), ts(now), ts(now), limit)
                .query((rs, n) -> new Owed(rs.getObject("id", UUID.class), new LotId(rs.getObject("lot_id", UUID.class)),
                        rs.getObject("project_id", UUID.class), rs.getObject("expert_id", UUID.class),
                        instant(rs, "answer_due"), rs.getInt("mail_attempts")))
                .list();
    }

    /** Clears the mails no longer owed at {@code now}: the seat answered or expired, or its window closed. */
    List<Dropped> dropClosed(Instant now) {
        return jdbc.sql("""
                update expert_seat set mail_next_at = null, mail_error = 'not sent: no longer invited or window closed'
                 where mail_next_at is not null and (state <> 'INVITED' or answer_due <= ?)
                returning id, state""")
                .param(ts(now))
                .query((rs, n) -> new Dropped(rs.getObject("id", UUID.class), SeatState.valueOf(rs.getString("state"))))
                .list();
    }

    void sent(UUID seat, Instant at) {
        jdbc.sql("update expert_seat set mailed_at = ?, mail_next_at = null, mail_error = null where id = ?")
                .params(ts(at), seat).update();
    }

    /** The attempt failed: owed again at {@code next}, or given up when {@code next} is null; the error stays for staff. */
    void failed(UUID seat, Instant next, String error) {
        jdbc.sql("update expert_seat set mail_next_at = ?, mail_error = ? where id = ?")
                .params(ts(next), error.length() > 500 ? error.substring(0, 500) : error, seat).update();
    }

    /** Mails owed now or later (monitoring, tests). */
    long owed() {
        return jdbc.sql("select count(*) from expert_seat where mail_next_at is not null").query(Long.class).single();
    }
}
