package org.sunbid.bid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.bid.BidView;

/** Every table of sealed bidding, in hand-written SQL. */
@Repository
public class BidStore {

    private final JdbcClient jdbc;

    BidStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // custodians

    public void bindCustodian(UUID account, byte[] der, String fingerprint, Instant at) {
        jdbc.sql("""
                insert into custodian_certificate (account_id, certificate, fingerprint, bound_at) values (?, ?, ?, ?)
                on conflict (account_id) do update set certificate = excluded.certificate,
                    fingerprint = excluded.fingerprint, bound_at = excluded.bound_at""")
                .params(account, der, fingerprint, ts(at)).update();
    }

    public boolean fingerprintTakenByOther(String fingerprint, UUID account) {
        return jdbc.sql("select count(*) from custodian_certificate where fingerprint = ? and account_id <> ?")
                .params(fingerprint, account).query(Integer.class).single() > 0;
    }

    public record CustodianCert(UUID account, byte[] der) {
    }

    /** The {@code n} custodians whose certificates were bound last: a re-appointed set takes effect for new lots. */
    public List<CustodianCert> latestCustodians(int n) {
        return jdbc.sql("select account_id, certificate from custodian_certificate order by bound_at desc, account_id limit ?")
                .param(n).query((rs, row) -> new CustodianCert(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
    }

    public Optional<byte[]> custodianCertificate(UUID account) {
        return jdbc.sql("select certificate from custodian_certificate where account_id = ?").param(account)
                .query(byte[].class).optional();
    }

    // opening keys

    public record OpeningKeyRow(UUID lot, UUID project, byte[] certificate, UUID splitId, int threshold, int total) {
    }

    public boolean insertOpeningKey(OpeningKeyRow k, Instant at) {
        return jdbc.sql("""
                insert into opening_key (lot_id, project_id, certificate, split_id, threshold, total, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (lot_id) do nothing""")
                .params(k.lot(), k.project(), k.certificate(), k.splitId(), k.threshold(), k.total(), ts(at)).update() == 1;
    }

    public void insertShare(UUID lot, int index, UUID custodian, byte[] sealed) {
        jdbc.sql("insert into opening_key_share (lot_id, idx, custodian_id, sealed_share) values (?, ?, ?, ?)")
                .params(lot, index, custodian, sealed).update();
    }

    public Optional<OpeningKeyRow> openingKey(UUID lot) {
        return jdbc.sql("select * from opening_key where lot_id = ?").param(lot)
                .query((rs, n) -> new OpeningKeyRow(rs.getObject("lot_id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getBytes("certificate"), rs.getObject("split_id", UUID.class), rs.getInt("threshold"),
                        rs.getInt("total")))
                .optional();
    }

    public record SealedShareRow(UUID lot, UUID project, int index, byte[] sealed) {
    }

    public List<SealedShareRow> sharesOf(UUID custodian) {
        return jdbc.sql("""
                select s.lot_id, k.project_id, s.idx, s.sealed_share from opening_key_share s
                join opening_key k on k.lot_id = s.lot_id where s.custodian_id = ? order by k.created_at""")
                .param(custodian)
                .query((rs, n) -> new SealedShareRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getBytes(4)))
                .list();
    }

    public Optional<UUID> shareHolder(UUID lot, int index) {
        return jdbc.sql("select custodian_id from opening_key_share where lot_id = ? and idx = ?").params(lot, index)
                .query(UUID.class).optional();
    }

    // uploads

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
        return jdbc.sql("select * from bid_upload where id = ? for update").param(id).query(BidStore::upload).optional();
    }

    public Optional<UploadRow> upload(UUID id) {
        return jdbc.sql("select * from bid_upload where id = ?").param(id).query(BidStore::upload).optional();
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

    // bids

    public record BidRow(UUID id, UUID lot, UUID project, UUID member, String status, String sha256, long size,
            String file, byte[] manifest, Instant receivedAt, String receipt, byte[] receiptSignature,
            byte[] receiptTimestamp, UUID receiptDocument, Instant withdrawnAt, UUID replacedBy) {
        public BidView view() {
            return new BidView(id, project, lot, status, sha256, size, receivedAt, withdrawnAt, replacedBy);
        }
    }

    /** Inserts a completed bid whose sealed file is still to be moved into place ({@link #markPlaced}). */
    public void insertBid(BidRow b, String clientIp, String fingerprint, Instant lastByte) {
        jdbc.sql("""
                insert into bid (id, lot_id, project_id, member_id, status, sha256, size, file, manifest, client_ip,
                    fingerprint, received_at, receipt, receipt_signature, receipt_timestamp, receipt_document,
                    file_placed, last_byte_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                .params(b.id(), b.lot(), b.project(), b.member(), b.status(), b.sha256(), b.size(), b.file(), b.manifest(),
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

    /** Uploads of the lot never completed: they expire at the deadline (their partial files are then deleted). */
    public List<UploadRow> expireOpenUploads(UUID lot, Instant at) {
        return jdbc.sql("""
                update bid_upload set expired_at = ? where lot_id = ? and completed_bid is null and expired_at is null
                returning *""").params(ts(at), lot).query(BidStore::upload).list();
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
        return jdbc.sql("select * from bid where id = ?").param(id).query(BidStore::bidRow).optional();
    }

    public List<BidRow> bidsOf(UUID member, UUID lot) {
        if (lot == null) {
            return jdbc.sql("select * from bid where member_id = ? order by received_at").param(member)
                    .query(BidStore::bidRow).list();
        }
        return jdbc.sql("select * from bid where member_id = ? and lot_id = ? order by received_at").params(member, lot)
                .query(BidStore::bidRow).list();
    }

    public List<BidRow> bidsOfProject(UUID project) {
        return jdbc.sql("select * from bid where project_id = ? order by lot_id, received_at").param(project)
                .query(BidStore::bidRow).list();
    }

    public List<BidRow> liveBids(UUID lot) {
        return jdbc.sql("select * from bid where lot_id = ? and status = 'RECEIVED' order by received_at").param(lot)
                .query(BidStore::bidRow).list();
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
                 order by received_at, id""").param(lot).query(BidStore::bidRow).list();
    }

    public List<UUID> otherLiveBidders(UUID lot, UUID member) {
        return jdbc.sql("select distinct member_id from bid where lot_id = ? and status = 'RECEIVED' and member_id <> ?")
                .params(lot, member).query(UUID.class).list();
    }

    public Optional<BidRow> liveBidOf(UUID lot, UUID member) {
        return jdbc.sql("select * from bid where lot_id = ? and member_id = ? and status = 'RECEIVED' for update")
                .params(lot, member).query(BidStore::bidRow).optional();
    }

    public void markReplaced(UUID id, UUID by) {
        jdbc.sql("update bid set status = 'REPLACED', replaced_by = ? where id = ? and status = 'RECEIVED'").params(by, id)
                .update();
    }

    public boolean isExpired(UUID upload) {
        return jdbc.sql("select expired_at is not null from bid_upload where id = ?").param(upload).query(Boolean.class)
                .optional().orElse(false);
    }

    public boolean markWithdrawn(UUID id, Instant at) {
        return jdbc.sql("update bid set status = 'WITHDRAWN', withdrawn_at = ? where id = ? and status = 'RECEIVED'")
                .params(ts(at), id).update() == 1;
    }

    private static BidRow bidRow(ResultSet rs, int n) throws SQLException {
        return new BidRow(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getObject("member_id", UUID.class), rs.getString("status"),
                rs.getString("sha256"), rs.getLong("size"), rs.getString("file"), rs.getBytes("manifest"),
                instant(rs, "received_at"), rs.getString("receipt"), rs.getBytes("receipt_signature"),
                rs.getBytes("receipt_timestamp"), rs.getObject("receipt_document", UUID.class), instant(rs, "withdrawn_at"),
                rs.getObject("replaced_by", UUID.class));
    }

    /** Ends a bid at the opening: {@code REVOKED} (撤销, the bidder's fault) or {@code WITHDRAWN} (撤回, another cause). */
    public boolean endAtOpening(UUID bid, String status, String cause, Instant at) {
        return jdbc.sql("""
                update bid set status = ?, opening_cause = ?, withdrawn_at = ? where id = ? and status = 'RECEIVED'""")
                .params(status, cause, ts(at), bid).update() == 1;
    }

    public boolean isCustodianOf(UUID lot, UUID account) {
        return jdbc.sql("select count(*) from opening_key_share where lot_id = ? and custodian_id = ?").params(lot, account)
                .query(Integer.class).single() > 0;
    }

    public record ShareHolderRow(int index, UUID custodian) {
    }

    public List<ShareHolderRow> shareHolders(UUID lot) {
        return jdbc.sql("select idx, custodian_id from opening_key_share where lot_id = ? order by idx").param(lot)
                .query((rs, n) -> new ShareHolderRow(rs.getInt(1), rs.getObject(2, UUID.class))).list();
    }

    public record LotRef(UUID lot, UUID project) {
    }

    /** Lots with an opening key, newest first: every one, or those whose shares a custodian holds. */
    public List<LotRef> lotsWithKeys(UUID custodian, int limit) {
        if (custodian != null) {
            return jdbc.sql("""
                    select k.lot_id, k.project_id from opening_key k where exists (select 1 from opening_key_share s
                    where s.lot_id = k.lot_id and s.custodian_id = ?) order by k.created_at desc limit ?""")
                    .params(custodian, limit).query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                    .list();
        }
        return jdbc.sql("select lot_id, project_id from opening_key order by created_at desc limit ?").param(limit)
                .query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** The lots a member bid on, most recent first. */
    public List<LotRef> lotsOfBidder(UUID member, int limit) {
        return jdbc.sql("""
                select b.lot_id, b.project_id, max(b.received_at) from bid b where b.member_id = ?
                group by b.lot_id, b.project_id order by max(b.received_at) desc limit ?""")
                .params(member, limit).query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    // withdrawal receipts

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
