package org.sunbid.expert.internal;

import static org.sunbid.expert.internal.LibraryStore.instant;
import static org.sunbid.expert.internal.LibraryStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.expert.SeatState;
import org.sunbid.platform.id.LotId;
import org.sunbid.signing.draw.DrawAlgorithm;

/** Committed secrets, draws (with their signed records) and seats. */
@Repository
public class DrawStore {

    private final JdbcClient jdbc;
    private final SecretSealing sealing;

    DrawStore(JdbcClient jdbc, SecretSealing sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
    }

    // secrets

    /** A lot's committed secret, in clear only in memory: at rest it is sealed ({@link SecretSealing}). */
    public record Secret(LotId lot, UUID project, byte[] secret, String commitment, Instant committedAt) {
    }

    /** Stores the lot's secret, sealed, unless one exists (a second publication event changes nothing). */
    public boolean insertSecret(Secret s) {
        return jdbc.sql("""
                insert into expert_draw_secret (lot_id, project_id, sealed, commitment, committed_at) values (?, ?, ?, ?, ?)
                on conflict (lot_id) do nothing""")
                .params(s.lot().value(), s.project(), sealing.seal(s.secret()), s.commitment(), ts(s.committedAt()))
                .update() == 1;
    }

    /** The lot's secret, opened with the platform key (or read from a row written in clear before secrets were sealed). */
    public Optional<Secret> secret(LotId lot) {
        return jdbc.sql("select * from expert_draw_secret where lot_id = ?").param(lot.value())
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes("sealed");
                    byte[] secret = sealed != null ? sealing.open(sealed) : rs.getBytes("secret");
                    String commitment = rs.getString("commitment");
                    if (!DrawAlgorithm.commitment(secret).equals(commitment)) {
                        // anyone can seal a chosen secret to the platform's public certificate: only the committed one counts
                        throw new IllegalStateException("the draw secret of lot " + lot + " does not match its commitment");
                    }
                    return new Secret(lot, rs.getObject("project_id", UUID.class), secret, commitment,
                            instant(rs, "committed_at"));
                })
                .optional();
    }

    /** Seals the secrets still held in clear (rows written before this version); returns how many. */
    public int sealClearSecrets() {
        List<LotId> clear = jdbc.sql("select lot_id from expert_draw_secret where secret is not null for update")
                .query((rs, n) -> new LotId(rs.getObject("lot_id", UUID.class))).list();
        for (LotId lot : clear) {
            byte[] secret = secret(lot).orElseThrow().secret();
            jdbc.sql("update expert_draw_secret set sealed = ?, secret = null where lot_id = ?")
                    .params(sealing.seal(secret), lot.value()).update();
            java.util.Arrays.fill(secret, (byte) 0);
        }
        return clear.size();
    }

    // draws

    public record Draw(UUID id, LotId lot, UUID project, int sequence, String reason, String record, String recordSha256,
            Instant drawnAt) {
    }

    public void insertDraw(Draw d) {
        jdbc.sql("""
                insert into expert_draw (id, lot_id, project_id, sequence, reason, record, record_sha256, drawn_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.lot().value(), d.project(), d.sequence(), d.reason(), d.record(), d.recordSha256(),
                        ts(d.drawnAt()))
                .update();
    }

    public List<Draw> draws(LotId lot) {
        return jdbc.sql("select * from expert_draw where lot_id = ? order by sequence").param(lot.value())
                .query((rs, n) -> new Draw(rs.getObject("id", UUID.class), lot, rs.getObject("project_id", UUID.class),
                        rs.getInt("sequence"), rs.getString("reason"), rs.getString("record"),
                        rs.getString("record_sha256"), instant(rs, "drawn_at")))
                .list();
    }

    public boolean drawn(LotId lot) {
        return jdbc.sql("select count(*) from expert_draw where lot_id = ?").param(lot.value()).query(Long.class)
                .single() > 0;
    }

    // seats

    public record Seat(UUID id, LotId lot, UUID project, UUID draw, int group, int rank, UUID expert, SeatState state,
            Instant invitedAt, Instant answerDue, Instant answeredAt, String reason) {

        public Seat with(SeatState next, Instant answeredAt, String reason) {
            return new Seat(id, lot, project, draw, group, rank, expert, next, invitedAt, answerDue, answeredAt, reason);
        }

        public Seat invited(Instant at, Instant due) {
            return new Seat(id, lot, project, draw, group, rank, expert, SeatState.INVITED, at, due, null, null);
        }
    }

    /**
     * The seats of a draw in one statement. An invited seat owes its invitation mail from its invitation on (V360,
     * {@link InvitationMailer}): the same statement makes it owed, so the draw's commit does.
     */
    public void insertSeats(List<Seat> seats) {
        if (seats.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into expert_seat (id, lot_id, project_id, draw_id, group_index, rank, expert_id, state, invited_at,
                    answer_due, answered_at, reason, mail_next_at) values """);
        List<Object> params = new java.util.ArrayList<>(seats.size() * 13);
        for (Seat s : seats) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(s.id(), s.lot().value(), s.project(), s.draw(), s.group(), s.rank(),
                    s.expert(), s.state().name(), ts(s.invitedAt()), ts(s.answerDue()), ts(s.answeredAt()), s.reason(),
                    ts(s.state() == SeatState.INVITED ? s.invitedAt() : null)));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** A draw whose members' invitations are still open: its answer-window job must exist, due at {@code due}. */
    public record OpenWindow(UUID draw, Instant due) {
    }

    /**
     * Draws made before {@code drawnBefore} with invitations still open from the draw itself (not promoted reserves,
     * invited later under a job of their own), with their window's end.
     */
    public List<OpenWindow> openWindows(Instant drawnBefore) {
        return jdbc.sql("""
                select s.draw_id, min(s.answer_due) as due from expert_seat s join expert_draw d on d.id = s.draw_id
                 where s.state = 'INVITED' and s.invited_at = d.drawn_at and d.drawn_at < ? group by s.draw_id""")
                .param(ts(drawnBefore))
                .query((rs, n) -> new OpenWindow(rs.getObject("draw_id", UUID.class), instant(rs, "due"))).list();
    }

    /** Invitations still open under an answer-window job: the seat itself, or every seat its draw invited. */
    public List<UUID> openInvitationsUnder(UUID seatOrDraw) {
        return jdbc.sql("select id from expert_seat where (id = ? or draw_id = ?) and state = 'INVITED' order by id")
                .params(seatOrDraw, seatOrDraw).query(UUID.class).list();
    }

    public void updateSeat(Seat s) {
        jdbc.sql("""
                update expert_seat set state = ?, invited_at = ?, answer_due = ?, answered_at = ?, reason = ? where id = ?""")
                .params(s.state().name(), ts(s.invitedAt()), ts(s.answerDue()), ts(s.answeredAt()), s.reason(), s.id())
                .update();
    }

    public Optional<Seat> seat(UUID id) {
        return jdbc.sql("select * from expert_seat where id = ?").param(id).query(DrawStore::seat).optional();
    }

    public Optional<Seat> lockSeat(UUID id) {
        return jdbc.sql("select * from expert_seat where id = ? for update").param(id).query(DrawStore::seat).optional();
    }

    /** Seats of the lot in draw order: by group, then members before reserves by rank, then later draws. */
    public List<Seat> seats(LotId lot) {
        return jdbc.sql("""
                select s.* from expert_seat s join expert_draw d on d.id = s.draw_id
                 where s.lot_id = ? order by d.sequence, s.group_index, s.rank""")
                .param(lot.value()).query(DrawStore::seat).list();
    }

    public List<Seat> seatsOf(UUID expert) {
        return jdbc.sql("select * from expert_seat where expert_id = ? and state <> 'RESERVE' and state <> 'UNUSED' order by invited_at desc")
                .param(expert).query(DrawStore::seat).list();
    }

    /** Experts with a seat (any state) on any lot of the project: never drawn twice for it. */
    public Set<UUID> drawnForProject(UUID project) {
        return new HashSet<>(jdbc.sql("select expert_id from expert_seat where project_id = ?").param(project)
                .query(UUID.class).list());
    }

    /** How many times each expert was asked (invited) in [from, until). */
    public Map<UUID, Integer> askedBetween(Instant from, Instant until) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("select expert_id, count(*) n from expert_seat where invited_at >= ? and invited_at < ? group by expert_id")
                .params(ts(from), ts(until))
                .query(rs -> {
                    counts.put(rs.getObject("expert_id", UUID.class), rs.getInt("n"));
                });
        return counts;
    }

    /** Seats still waiting for an answer whose window has closed (for the sweep after a restart). */
    public List<UUID> overdueInvitations(Instant now) {
        return jdbc.sql("select id from expert_seat where state = 'INVITED' and answer_due < ?").param(ts(now))
                .query(UUID.class).list();
    }

    public record Stats(int asked, int accepted, int declined, int expired, int replaced, Instant lastAsked) {
    }

    public Stats stats(UUID expert) {
        return jdbc.sql("""
                select count(*) filter (where state not in ('RESERVE', 'UNUSED')) asked,
                       count(*) filter (where state = 'ACCEPTED' or state = 'REPLACED') accepted,
                       count(*) filter (where state = 'DECLINED') declined,
                       count(*) filter (where state = 'EXPIRED') expired,
                       count(*) filter (where state = 'REPLACED') replaced,
                       max(invited_at) last_asked
                  from expert_seat where expert_id = ?""")
                .param(expert)
                .query((rs, n) -> new Stats(rs.getInt("asked"), rs.getInt("accepted"), rs.getInt("declined"),
                        rs.getInt("expired"), rs.getInt("replaced"), instant(rs, "last_asked")))
                .single();
    }

    private static Seat seat(ResultSet rs, int n) throws SQLException {
        return new Seat(rs.getObject("id", UUID.class), new LotId(rs.getObject("lot_id", UUID.class)),
                rs.getObject("project_id", UUID.class), rs.getObject("draw_id", UUID.class), rs.getInt("group_index"),
                rs.getInt("rank"), rs.getObject("expert_id", UUID.class), SeatState.valueOf(rs.getString("state")),
                instant(rs, "invited_at"), instant(rs, "answer_due"), instant(rs, "answered_at"), rs.getString("reason"));
    }
}
