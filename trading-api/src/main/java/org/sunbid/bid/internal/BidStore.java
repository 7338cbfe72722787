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

    public List<SessionRow> sessionsOfProject(UUID project) {
        return jdbc.sql("select * from opening_session where project_id = ? order by lot_id").param(project)
                .query(BidStore::session).list();
    }

    public List<BidRow> liveBids(UUID lot) {
        return jdbc.sql("select * from bid where lot_id = ? and status = 'RECEIVED' order by received_at").param(lot)
                .query(BidStore::bidRow).list();
    }

    /** Live (received, neither replaced nor withdrawn) bids per lot, for oversight statistics. */
    public java.util.Map<UUID, Long> openedLotBidCounts() {
        java.util.Map<UUID, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select s.lot_id, count(b.id) n from opening_session s
                left join bid b on b.lot_id = s.lot_id and b.status in ('RECEIVED', 'REVOKED')
                group by s.lot_id order by s.lot_id""")
                .query(rs -> {
                    counts.put(rs.getObject("lot_id", UUID.class), rs.getLong("n"));
                });
        return counts;
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

    // openings

    public record SessionRow(UUID lot, UUID project, String status, Instant startedAt, Instant openedAt, UUID record,
            Instant selfDecryptUntil, Instant objectionsUntil) {
    }

    public boolean insertSession(UUID lot, UUID project, String status, Instant at) {
        return jdbc.sql("""
                insert into opening_session (lot_id, project_id, status, started_at) values (?, ?, ?, ?)
                on conflict (lot_id) do nothing""").params(lot, project, status, ts(at)).update() == 1;
    }

    public Optional<SessionRow> lockSession(UUID lot) {
        return jdbc.sql("select * from opening_session where lot_id = ? for update").param(lot).query(BidStore::session)
                .optional();
    }

    public Optional<SessionRow> session(UUID lot) {
        return jdbc.sql("select * from opening_session where lot_id = ?").param(lot).query(BidStore::session).optional();
    }

    public void finishSession(UUID lot, String status, Instant at, UUID record) {
        jdbc.sql("update opening_session set status = ?, opened_at = ?, record_document = ? where lot_id = ?")
                .params(status, ts(at), record, lot).update();
    }

    private static SessionRow session(ResultSet rs, int n) throws SQLException {
        return new SessionRow(rs.getObject("lot_id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("status"), instant(rs, "started_at"), instant(rs, "opened_at"),
                rs.getObject("record_document", UUID.class), instant(rs, "self_decrypt_until"), instant(rs, "objections_until"));
    }

    public boolean recordRelease(UUID lot, int index, UUID custodian, byte[] signature, Instant at) {
        return jdbc.sql("""
                insert into share_release (lot_id, idx, custodian_id, signature, released_at) values (?, ?, ?, ?, ?)
                on conflict (lot_id, idx) do nothing""").params(lot, index, custodian, signature, ts(at)).update() == 1;
    }

    public List<Integer> releasedIndexes(UUID lot) {
        return jdbc.sql("select idx from share_release where lot_id = ? order by idx").param(lot).query(Integer.class).list();
    }

    public record ResultRow(UUID bid, UUID member, String decryption, String signature, String hashCheck,
            java.math.BigDecimal price, String duration, String bidForm) {
    }

    public void insertResult(UUID lot, ResultRow r, Instant at) {
        jdbc.sql("""
                insert into opening_result (bid_id, lot_id, member_id, decryption, signature, hash_check, price, duration,
                    bid_form, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (bid_id) do nothing""")
                .params(r.bid(), lot, r.member(), r.decryption(), r.signature(), r.hashCheck(), r.price(), r.duration(),
                        r.bidForm(), ts(at))
                .update();
    }

    public List<ResultRow> results(UUID lot) {
        return jdbc.sql("select * from opening_result where lot_id = ? order by opened_at, bid_id").param(lot)
                .query((rs, n) -> new ResultRow(rs.getObject("bid_id", UUID.class), rs.getObject("member_id", UUID.class),
                        rs.getString("decryption"), rs.getString("signature"), rs.getString("hash_check"),
                        rs.getBigDecimal("price"), rs.getString("duration"), rs.getString("bid_form")))
                .list();
    }

    public void updateResult(UUID lot, ResultRow r, Instant at) {
        jdbc.sql("""
                insert into opening_result (bid_id, lot_id, member_id, decryption, signature, hash_check, price, duration,
                    bid_form, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (bid_id) do update set decryption = excluded.decryption, signature = excluded.signature,
                    hash_check = excluded.hash_check, price = excluded.price, duration = excluded.duration,
                    bid_form = excluded.bid_form""")
                .params(r.bid(), lot, r.member(), r.decryption(), r.signature(), r.hashCheck(), r.price(), r.duration(),
                        r.bidForm(), ts(at))
                .update();
    }

    // the opening session

    public void openSelfDecryptWindow(UUID lot, Instant until) {
        jdbc.sql("update opening_session set status = 'SELF_DECRYPT', self_decrypt_until = ? where lot_id = ?")
                .params(ts(until), lot).update();
    }

    public void finishOpened(UUID lot, Instant at, UUID record, Instant objectionsUntil) {
        jdbc.sql("""
                update opening_session set status = 'OPENED', opened_at = ?, record_document = ?, objections_until = ?
                where lot_id = ?""").params(ts(at), record, ts(objectionsUntil), lot).update();
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

    /** The member bid on the lot and its bid is still in the opening: live, or ended by the opening itself. */
    public boolean isBidderOf(UUID lot, UUID member) {
        return jdbc.sql("""
                select count(*) from bid b where b.lot_id = ? and b.member_id = ?
                and (b.status in ('RECEIVED', 'REVOKED') or exists (select 1 from opening_progress p where p.bid_id = b.id))""")
                .params(lot, member).query(Integer.class).single() > 0;
    }

    public record ShareHolderRow(int index, UUID custodian, Instant releasedAt) {
    }

    public List<ShareHolderRow> shareHolders(UUID lot) {
        return jdbc.sql("""
                select s.idx, s.custodian_id, r.released_at from opening_key_share s
                left join share_release r on r.lot_id = s.lot_id and r.idx = s.idx where s.lot_id = ? order by s.idx""")
                .param(lot).query((rs, n) -> new ShareHolderRow(rs.getInt(1), rs.getObject(2, UUID.class), instant(rs, "released_at")))
                .list();
    }

    public record ParticipantRow(UUID account, String role, UUID member, String displayName, Instant joinedAt) {
    }

    public boolean join(UUID lot, ParticipantRow p) {
        return jdbc.sql("""
                insert into opening_participant (lot_id, account_id, role, member_id, display_name, joined_at)
                values (?, ?, ?, ?, ?, ?) on conflict (lot_id, account_id) do nothing""")
                .params(lot, p.account(), p.role(), p.member(), p.displayName(), ts(p.joinedAt())).update() == 1;
    }

    public List<ParticipantRow> participants(UUID lot) {
        return jdbc.sql("select * from opening_participant where lot_id = ? order by joined_at").param(lot)
                .query((rs, n) -> new ParticipantRow(rs.getObject("account_id", UUID.class), rs.getString("role"),
                        rs.getObject("member_id", UUID.class), rs.getString("display_name"), instant(rs, "joined_at")))
                .list();
    }

    public record ProgressRow(UUID bid, UUID member, String stage, String reason, Instant updatedAt) {
    }

    public void progress(UUID lot, UUID bid, UUID member, String stage, String reason, Instant at) {
        jdbc.sql("""
                insert into opening_progress (bid_id, lot_id, member_id, stage, reason, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (bid_id) do update set stage = excluded.stage, reason = excluded.reason,
                    updated_at = excluded.updated_at""")
                .params(bid, lot, member, stage, reason, ts(at)).update();
    }

    public List<ProgressRow> progress(UUID lot) {
        return jdbc.sql("select * from opening_progress where lot_id = ? order by bid_id").param(lot)
                .query((rs, n) -> new ProgressRow(rs.getObject("bid_id", UUID.class), rs.getObject("member_id", UUID.class),
                        rs.getString("stage"), rs.getString("reason"), instant(rs, "updated_at")))
                .list();
    }

    public void recordAttempt(UUID bid, UUID lot, UUID account, String outcome, String sha256, Long size, Instant at) {
        jdbc.sql("""
                insert into self_decrypt_attempt (id, bid_id, lot_id, account_id, outcome, package_sha256, package_size,
                    attempted_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), bid, lot, account, outcome, sha256, size, ts(at)).update();
    }

    public boolean confirm(UUID lot, UUID member, UUID account, Instant at) {
        return jdbc.sql("""
                insert into opening_confirmation (lot_id, member_id, account_id, confirmed_at) values (?, ?, ?, ?)
                on conflict (lot_id, member_id) do nothing""").params(lot, member, account, ts(at)).update() == 1;
    }

    public record ConfirmationRow(UUID member, Instant confirmedAt) {
    }

    public List<ConfirmationRow> confirmations(UUID lot) {
        return jdbc.sql("select member_id, confirmed_at from opening_confirmation where lot_id = ? order by confirmed_at")
                .param(lot).query((rs, n) -> new ConfirmationRow(rs.getObject(1, UUID.class), instant(rs, "confirmed_at")))
                .list();
    }

    public record ObjectionRow(UUID id, UUID member, String text, Instant raisedAt, String answer, UUID answeredBy,
            Instant answeredAt) {
    }

    public void object(UUID id, UUID lot, UUID member, UUID account, String text, Instant at) {
        jdbc.sql("""
                insert into opening_objection (id, lot_id, member_id, account_id, text, raised_at) values (?, ?, ?, ?, ?, ?)""")
                .params(id, lot, member, account, text, ts(at)).update();
    }

    public List<ObjectionRow> objections(UUID lot) {
        return jdbc.sql("select * from opening_objection where lot_id = ? order by raised_at, id").param(lot)
                .query((rs, n) -> new ObjectionRow(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                        rs.getString("text"), instant(rs, "raised_at"), rs.getString("answer"),
                        rs.getObject("answered_by", UUID.class), instant(rs, "answered_at")))
                .list();
    }

    public boolean answer(UUID lot, UUID objection, String answer, UUID by, Instant at) {
        return jdbc.sql("""
                update opening_objection set answer = ?, answered_by = ?, answered_at = ?
                where id = ? and lot_id = ? and answer is null""").params(answer, by, ts(at), objection, lot).update() == 1;
    }

    public record LotRef(UUID lot, UUID project) {
    }

    /** Lots with an opening key, newest first: every published lot, or those a custodian or a bidder is part of. */
    public List<LotRef> lotsFor(UUID custodian, UUID bidderMember, int limit) {
        if (custodian != null) {
            return jdbc.sql("""
                    select k.lot_id, k.project_id from opening_key k where exists (select 1 from opening_key_share s
                    where s.lot_id = k.lot_id and s.custodian_id = ?) order by k.created_at desc limit ?""")
                    .params(custodian, limit).query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                    .list();
        }
        if (bidderMember != null) {
            return jdbc.sql("""
                    select b.lot_id, b.project_id, max(b.received_at) from bid b where b.member_id = ?
                    group by b.lot_id, b.project_id order by max(b.received_at) desc limit ?""")
                    .params(bidderMember, limit).query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                    .list();
        }
        return jdbc.sql("select lot_id, project_id from opening_key order by created_at desc limit ?").param(limit)
                .query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
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
