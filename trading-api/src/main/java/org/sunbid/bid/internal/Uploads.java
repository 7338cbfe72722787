package org.sunbid.bid.internal;

import static org.sunbid.bid.internal.Jdbc.instant;
import static org.sunbid.bid.internal.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.bid.BidView;

/** Resumable uploads of sealed tenders until their completion ({@code bid_upload}). */
@Repository
public class Uploads {

    private final JdbcClient jdbc;

    Uploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UploadRow(UUID id, UUID lot, UUID project, UUID member, UUID account, long expectedSize,
            String expectedSha256, long received, String file, UUID completedBid) {
    }

    public void insertUpload(UploadRow u, Instant at) {
        jdbc.sql("""
                insert into bid_upload (id, lot_id, project_id, member_id, account_id, expected_size, expected_sha256,
                    received, file, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(u.id(), u.lot(), u.project(), u.member(), u.account(), u.expectedSize(), u.expectedSha256(),
                        u.file(), ts(at))
                .update();
    }

    public Optional<UploadRow> lockUpload(UUID id) {
        return jdbc.sql("select * from bid_upload where id = ? for update").param(id).query(Uploads::upload).optional();
    }

    public Optional<UploadRow> upload(UUID id) {
        return jdbc.sql("select * from bid_upload where id = ?").param(id).query(Uploads::upload).optional();
    }

    public void setReceived(UUID id, long received) {
        jdbc.sql("update bid_upload set received = ? where id = ?").params(received, id).update();
    }

    /** Moves the received count from {@code from} to {@code to} unless another append or the completion came first. */
    public boolean advanceReceived(UUID id, long from, long to, Instant lastByte) {
        return jdbc.sql("""
                update bid_upload set received = ?, last_byte_at = coalesce(?, last_byte_at)
                where id = ? and received = ? and completed_bid is null""")
                .params(to, ts(lastByte), id, from).update() == 1;
    }

    public void setLastByte(UUID id, Instant at) {
        jdbc.sql("update bid_upload set last_byte_at = ? where id = ?").params(ts(at), id).update();
    }

    public Optional<Instant> lastByte(UUID id) {
        return jdbc.sql("select last_byte_at from bid_upload where id = ?").param(id)
                .query((rs, n) -> instant(rs, "last_byte_at")).optional();
    }

    public void completeUpload(UUID id, UUID bid) {
        jdbc.sql("update bid_upload set completed_bid = ? where id = ?").params(bid, id).update();
    }

    private static UploadRow upload(ResultSet rs, int n) throws SQLException {
        return new UploadRow(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getObject("account_id", UUID.class), rs.getLong("expected_size"), rs.getString("expected_sha256"),
                rs.getLong("received"), rs.getString("file"), rs.getObject("completed_bid", UUID.class));
    }

    /** Uploads of the lot never completed: they expire at the deadline (their partial files are then deleted). */
    public List<UploadRow> expireOpenUploads(UUID lot, Instant at) {
        return jdbc.sql("""
                update bid_upload set expired_at = ? where lot_id = ? and completed_bid is null and expired_at is null
                returning *""").params(ts(at), lot).query(Uploads::upload).list();
    }

    public boolean isExpired(UUID upload) {
        return jdbc.sql("select expired_at is not null from bid_upload where id = ?").param(upload).query(Boolean.class)
                .optional().orElse(false);
    }
}
