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
import org.sunbid.bid.Bid;
import org.sunbid.bid.BidView;
import org.sunbid.bid.SealedBids;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * Completed bids, their receipts and withdrawal receipts ({@code bid}, {@code bid_withdrawal}); the {@link Bid}
 * aggregate's repository ({@link #find}, {@link #lockLive}, {@link #save}).
 */
@Repository
public class Bids {

    private final JdbcClient jdbc;

    Bids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record BidRow(UUID id, UUID lot, UUID project, UUID member, Bid.Status status, String sha256, long size,
            String file, byte[] manifest, Instant receivedAt, String receipt, byte[] receiptSignature,
            byte[] receiptTimestamp, UUID receiptDocument, Instant withdrawnAt, UUID replacedBy) {
        public BidView view() {
            return new BidView(id, project, lot, status.name(), sha256, size, receivedAt, withdrawnAt, replacedBy);
        }

        /** The receipt as its bidder downloads it. */
        public org.sunbid.bid.Receipt toReceipt() {
            return new org.sunbid.bid.Receipt(id, lot, sha256, size, receivedAt, receipt,
                    java.util.Base64.getEncoder().encodeToString(receiptSignature),
                    java.util.Base64.getEncoder().encodeToString(receiptTimestamp), receiptDocument);
        }
    }

    /** The bid if it is the member's; empty for anyone else's, as if absent. */
    public Optional<BidRow> bidOf(UUID id, UUID member) {
        return bid(id).filter(b -> b.member().equals(member));
    }

    /** Inserts a completed bid whose sealed file is still to be moved into place ({@link #markPlaced}). */
    public void insertBid(BidRow b, String clientIp, String fingerprint, Instant lastByte) {
        jdbc.sql("""
                insert into bid (id, lot_id, project_id, member_id, status, sha256, size, file, manifest, client_ip,
                    fingerprint, received_at, receipt, receipt_signature, receipt_timestamp, receipt_document,
                    file_placed, last_byte_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                .params(b.id(), b.lot(), b.project(), b.member(), b.status().name(), b.sha256(), b.size(), b.file(), b.manifest(),
                        clientIp, fingerprint, ts(b.receivedAt()), b.receipt(), b.receiptSignature(), b.receiptTimestamp(),
                        b.receiptDocument(), ts(lastByte))
                .update();
    }

    public void markPlaced(UUID bid) {
        jdbc.sql("update bid set file_placed = true where id = ? and not file_placed").param(bid).update();
    }

    /** A bid whose completion has a step left: its file to move into place, or its receipt PDF to issue. */
    public record Unfinished(UUID bid, String file, String partFile, boolean placed, boolean receiptIssued) {
    }

    public List<Unfinished> unfinished(UUID lotOrNull) {
        return jdbc.sql("""
                select b.id, b.file, u.file part, b.file_placed, b.receipt_document is not null issued
                from bid b left join bid_upload u on u.completed_bid = b.id
                where (not b.file_placed or b.receipt_document is null) and (cast(? as uuid) is null or b.lot_id = ?)
                order by b.received_at""")
                .params(lotOrNull, lotOrNull)
                .query((rs, n) -> new Unfinished(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    public Optional<Unfinished> unfinishedBid(UUID bid) {
        return jdbc.sql("""
                select b.id, b.file, u.file part, b.file_placed, b.receipt_document is not null issued
                from bid b left join bid_upload u on u.completed_bid = b.id where b.id = ?""")
                .param(bid)
                .query((rs, n) -> new Unfinished(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .optional();
    }

    /** Every file name the database knows under bids/: uploads still open or never placed, and bids. */
    public java.util.Set<String> knownFiles() {
        java.util.Set<String> files = new java.util.HashSet<>(jdbc.sql("select file from bid").query(String.class).list());
        files.addAll(jdbc.sql("""
                select u.file from bid_upload u where u.expired_at is null and (u.completed_bid is null
                or exists (select 1 from bid b where b.id = u.completed_bid and not b.file_placed))""")
                .query(String.class).list());
        return files;
    }

    public void setReceiptDocument(UUID bid, UUID document) {
        jdbc.sql("update bid set receipt_document = ? where id = ?").params(document, bid).update();
    }

    public Optional<BidRow> bid(UUID id) {
        return jdbc.sql("select * from bid where id = ?").param(id).query(Bids::bidRow).optional();
    }

    public List<BidRow> bidsOf(UUID member, UUID lot) {
        if (lot == null) {
            return jdbc.sql("select * from bid where member_id = ? order by received_at").param(member)
                    .query(Bids::bidRow).list();
        }
        return jdbc.sql("select * from bid where member_id = ? and lot_id = ? order by received_at").params(member, lot)
                .query(Bids::bidRow).list();
    }

    public List<BidRow> bidsOfProject(UUID project) {
        return jdbc.sql("select * from bid where project_id = ? order by lot_id, received_at").param(project)
                .query(Bids::bidRow).list();
    }

    public List<BidRow> liveBids(UUID lot) {
        return jdbc.sql("select * from bid where lot_id = ? and status = 'RECEIVED' order by received_at").param(lot)
                .query(Bids::bidRow).list();
    }

    /** Live or revoked bids per lot, for the lots given. */
    public java.util.Map<UUID, Long> liveOrRevokedCounts(List<UUID> lots) {
        java.util.Map<UUID, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select lot_id, count(*) n from bid where lot_id = any(?) and status in ('RECEIVED', 'REVOKED')
                group by lot_id""")
                .param(lots.toArray(new UUID[0]))
                .query(rs -> {
                    counts.put(rs.getObject("lot_id", UUID.class), rs.getLong("n"));
                });
        return counts;
    }

    /** The member has a live bid on the lot, or one the opening revoked. */
    public boolean hasLiveOrRevokedBid(UUID lot, UUID member) {
        return jdbc.sql("select count(*) from bid where lot_id = ? and member_id = ? and status in ('RECEIVED', 'REVOKED')")
                .params(lot, member).query(Integer.class).single() > 0;
    }

    /** Where the bid was uploaded from: client address and device fingerprint. */
    public Optional<String[]> origin(UUID bid) {
        return jdbc.sql("select client_ip, fingerprint from bid where id = ?").param(bid)
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional();
    }

    /**
     * The bids that went into the lot's opening, in receipt order: received before the deadline and not replaced or
     * withdrawn by their bidder (those the opening itself ended keep their place).
     */
    public List<BidRow> bidsAtOpening(UUID lot) {
        return jdbc.sql("""
                select * from bid where lot_id = ?
                   and (status in ('RECEIVED', 'REVOKED') or (status = 'WITHDRAWN' and opening_cause is not null))
                 order by received_at, id""").param(lot).query(Bids::bidRow).list();
    }

    public List<UUID> otherLiveBidders(UUID lot, UUID member) {
        return jdbc.sql("select distinct member_id from bid where lot_id = ? and status = 'RECEIVED' and member_id <> ?")
                .params(lot, member).query(UUID.class).list();
    }

    /** The bid as its aggregate, in the state it reached. */
    public Optional<Bid> find(BidId id) {
        return jdbc.sql("select * from bid where id = ?").param(id.value()).query(Bids::aggregate).optional();
    }

    /** The member's live bid on the lot, locked until the transaction ends (a newer bid is about to replace it). */
    public Optional<Bid> lockLive(LotId lot, MemberId member) {
        return jdbc.sql("select * from bid where lot_id = ? and member_id = ? and status = 'RECEIVED' for update")
                .params(lot.value(), member.value()).query(Bids::aggregate).optional();
    }

    /**
     * Stores the bid's transition out of {@code RECEIVED} (every transition starts there); false when the stored row
     * was no longer live, because another transaction ended it first.
     */
    public boolean save(Bid bid) {
        UUID id = bid.id().value();
        Bid.State state = bid.state();
        if (state instanceof Bid.Replaced r) {
            return jdbc.sql("update bid set status = 'REPLACED', replaced_by = ? where id = ? and status = 'RECEIVED'")
                    .params(r.by().value(), id).update() == 1;
        }
        if (state instanceof Bid.Withdrawn w) {
            return jdbc.sql("update bid set status = 'WITHDRAWN', withdrawn_at = ? where id = ? and status = 'RECEIVED'")
                    .params(ts(w.at()), id).update() == 1;
        }
        if (state instanceof Bid.EndedAtOpening e) {
            return jdbc.sql("""
                    update bid set status = ?, opening_cause = ?, withdrawn_at = ? where id = ? and status = 'RECEIVED'""")
                    .params(e.status().name(), e.cause(), ts(e.at()), id).update() == 1;
        }
        return false;
    }

    private static Bid aggregate(ResultSet rs, int n) throws SQLException {
        Instant endedAt = instant(rs, "withdrawn_at");
        String cause = rs.getString("opening_cause");
        Bid.State state = switch (Bid.Status.valueOf(rs.getString("status"))) {
            case RECEIVED -> new Bid.Received();
            case REPLACED -> new Bid.Replaced(BidId.of(rs.getObject("replaced_by", UUID.class)));
            case WITHDRAWN -> cause == null ? new Bid.Withdrawn(endedAt)
                    : new Bid.EndedAtOpening(SealedBids.EndAtOpening.WITHDRAWN, cause, endedAt);
            case REVOKED -> new Bid.EndedAtOpening(SealedBids.EndAtOpening.REVOKED, cause, endedAt);
        };
        return Bid.restore(BidId.of(rs.getObject("id", UUID.class)), ProjectId.of(rs.getObject("project_id", UUID.class)),
                LotId.of(rs.getObject("lot_id", UUID.class)), MemberId.of(rs.getObject("member_id", UUID.class)),
                instant(rs, "received_at"), state);
    }

    private static BidRow bidRow(ResultSet rs, int n) throws SQLException {
        return new BidRow(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getObject("member_id", UUID.class),
                Bid.Status.valueOf(rs.getString("status")),
                rs.getString("sha256"), rs.getLong("size"), rs.getString("file"), rs.getBytes("manifest"),
                instant(rs, "received_at"), rs.getString("receipt"), rs.getBytes("receipt_signature"),
                rs.getBytes("receipt_timestamp"), rs.getObject("receipt_document", UUID.class), instant(rs, "withdrawn_at"),
                rs.getObject("replaced_by", UUID.class));
    }

    /** The lots a member bid on, most recent first. */
    public List<LotRef> lotsOfBidder(UUID member, int limit) {
        return jdbc.sql("""
                select b.lot_id, b.project_id, max(b.received_at) from bid b where b.member_id = ?
                group by b.lot_id, b.project_id order by max(b.received_at) desc limit ?""")
                .params(member, limit).query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    public record WithdrawalRow(UUID bid, byte[] signedWithdrawal, String statement, byte[] signature, byte[] timestamp,
            UUID receiptDocument, Instant withdrawnAt) {
    }

    public void insertWithdrawal(WithdrawalRow w) {
        jdbc.sql("""
                insert into bid_withdrawal (bid_id, signed_withdrawal, statement, signature, timestamp_token,
                    receipt_document, withdrawn_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(w.bid(), w.signedWithdrawal(), w.statement(), w.signature(), w.timestamp(), w.receiptDocument(),
                        ts(w.withdrawnAt()))
                .update();
    }

    public Optional<WithdrawalRow> withdrawal(UUID bid) {
        return jdbc.sql("select * from bid_withdrawal where bid_id = ?").param(bid)
                .query((rs, n) -> new WithdrawalRow(rs.getObject("bid_id", UUID.class), rs.getBytes("signed_withdrawal"),
                        rs.getString("statement"), rs.getBytes("signature"), rs.getBytes("timestamp_token"),
                        rs.getObject("receipt_document", UUID.class), instant(rs, "withdrawn_at")))
                .optional();
    }
}
