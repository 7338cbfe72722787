package org.sunbid.opening.internal;

import static org.sunbid.opening.internal.Rows.instant;
import static org.sunbid.opening.internal.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.opening.OpeningSession;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * Opening sessions ({@code opening_session}) and the custodians' recorded releases ({@code share_release}; the shares
 * themselves are stored only sealed to the session key, see {@link SessionKeys}). The session's state is stored as its
 * code; {@code Decrypting} is {@code WAITING_FOR_SHARES} with {@code decryption_started_at} set.
 */
@Repository
public class OpeningSessions {

    private final JdbcClient jdbc;

    OpeningSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OpeningSession> find(LotId lot) {
        return jdbc.sql("select * from opening_session where lot_id = ?").param(lot.value()).query(OpeningSessions::session)
                .optional();
    }

    /** The session, its row locked until the transaction ends (one release, self-decryption or close at a time). */
    public Optional<OpeningSession> lock(LotId lot) {
        return jdbc.sql("select * from opening_session where lot_id = ? for update").param(lot.value())
                .query(OpeningSessions::session).optional();
    }

    /** The session, its row locked until the transaction ends; empty as well while another transaction holds it. */
    public Optional<OpeningSession> lockUnlessLocked(LotId lot) {
        return jdbc.sql("select * from opening_session where lot_id = ? for update skip locked").param(lot.value())
                .query(OpeningSessions::session).optional();
    }

    /** The lots decrypting whose current session key the given node made (and so alone can decrypt them). */
    public List<LotId> decryptingWithKeyOf(UUID node) {
        return jdbc.sql("""
                select s.lot_id from opening_session s
                join opening_session_key k on k.lot_id = s.lot_id and k.retired_at is null
                where s.status = 'WAITING_FOR_SHARES' and s.decryption_started_at is not null and k.node_id = ?
                order by s.decryption_started_at""")
                .param(node).query(UUID.class).list().stream().map(LotId::of).toList();
    }

    public List<OpeningSession> ofProject(ProjectId project) {
        return jdbc.sql("select * from opening_session where project_id = ? order by lot_id").param(project.value())
                .query(OpeningSessions::session).list();
    }

    /** The lots whose session has started, in lot order. */
    public List<LotId> startedLots() {
        return jdbc.sql("select lot_id from opening_session order by lot_id").query(UUID.class).list().stream()
                .map(LotId::of).toList();
    }

    /** Stores a session that has just started; false when another start came first (nothing is stored then). */
    public boolean insert(OpeningSession session) {
        Instant openedAt = session.state() instanceof OpeningSession.Failed failed ? failed.at() : null;
        return jdbc.sql("""
                insert into opening_session (lot_id, project_id, status, started_at, opened_at) values (?, ?, ?, ?, ?)
                on conflict (lot_id) do nothing""")
                .params(session.lot().value(), session.project().value(), session.state().code(), ts(session.startedAt()),
                        ts(openedAt))
                .update() == 1;
    }

    /**
     * Stores the releases the session took (each custodian's signature, and the share exactly as the custodian sealed
     * it to the session key) and its state: decryption's start, a lost session key, the window or the opening.
     */
    public void save(OpeningSession session) {
        session.newReleases().forEach(release -> storeRelease(session.lot(), release));
        if (session.state() instanceof OpeningSession.Decrypting) {
            jdbc.sql("update opening_session set decryption_started_at = now() where lot_id = ?").param(session.lot().value())
                    .update();
        } else if (session.state() instanceof OpeningSession.WaitingForShares) {
            jdbc.sql("update opening_session set decryption_started_at = null where lot_id = ?").param(session.lot().value())
                    .update();
        } else if (session.state() instanceof OpeningSession.SelfDecryptWindow window) {
            jdbc.sql("update opening_session set status = 'SELF_DECRYPT', self_decrypt_until = ? where lot_id = ?")
                    .params(ts(window.until()), session.lot().value()).update();
        } else if (session.state() instanceof OpeningSession.Opened opened) {
            jdbc.sql("""
                    update opening_session set status = 'OPENED', opened_at = ?, record_document = ?, objections_until = ?
                    where lot_id = ?""")
                    .params(ts(opened.at()), opened.record(), ts(opened.objectionsUntil()), session.lot().value()).update();
        } else {
            throw new IllegalStateException("a session is not saved as " + session.state().code());
        }
    }

    private static OpeningSession session(ResultSet rs, int n) throws SQLException {
        Instant openedAt = instant(rs, "opened_at");
        Instant windowUntil = instant(rs, "self_decrypt_until");
        OpeningSession.State state = switch (rs.getString("status")) {
            case "WAITING_FOR_SHARES" -> rs.getTimestamp("decryption_started_at") == null
                    ? new OpeningSession.WaitingForShares() : new OpeningSession.Decrypting();
            case "SELF_DECRYPT" -> new OpeningSession.SelfDecryptWindow(windowUntil);
            case "OPENED" -> new OpeningSession.Opened(openedAt, rs.getObject("record_document", UUID.class),
                    instant(rs, "objections_until"), windowUntil);
            case "FAILED_TOO_FEW_BIDS" -> new OpeningSession.Failed(OpeningSession.FailureCause.TOO_FEW_BIDS, openedAt);
            default -> throw new IllegalStateException("unknown opening status " + rs.getString("status"));
        };
        return OpeningSession.restore(LotId.of(rs.getObject("lot_id", UUID.class)),
                ProjectId.of(rs.getObject("project_id", UUID.class)), instant(rs, "started_at"), state);
    }

    // share releases

    private void storeRelease(LotId lot, OpeningSession.ShareRelease release) {
        jdbc.sql("""
                insert into share_release (lot_id, idx, custodian_id, signature, released_at) values (?, ?, ?, ?, ?)
                on conflict (lot_id, idx) do update set signature = excluded.signature, released_at = excluded.released_at""")
                .params(lot.value(), release.index(), release.custodian().value(), release.signature(), ts(release.at()))
                .update();
        jdbc.sql("""
                insert into sealed_share_release (key_id, idx, lot_id, envelope, released_at) values (?, ?, ?, ?, ?)
                on conflict (key_id, idx) do nothing""")
                .params(release.key(), release.index(), lot.value(), release.sealedShare(), ts(release.at())).update();
    }

    /** When each released share of the lot was released, by index. */
    public Map<Integer, Instant> releases(LotId lot) {
        Map<Integer, Instant> releases = new java.util.TreeMap<>();
        jdbc.sql("select idx, released_at from share_release where lot_id = ?").param(lot.value())
                .query(rs -> {
                    releases.put(rs.getInt("idx"), instant(rs, "released_at"));
                });
        return releases;
    }
}
