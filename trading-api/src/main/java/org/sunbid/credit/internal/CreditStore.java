package org.sunbid.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.credit.Ban;
import org.sunbid.credit.BanKind;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditRecord;

/** Credit records, bans, correction requests and decision documents (hand-written SQL). */
@Repository
public class CreditStore {

    private final JdbcClient jdbc;

    CreditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the document once under its SHA-256; returns the hex digest. */
    public String storeDocument(byte[] content, String filename, String mediaType, Instant now) {
        byte[] sha = sha256(content);
        jdbc.sql("""
                insert into credit_document (sha256, content, filename, media_type, size, stored_at)
                values (?,?,?,?,?,?) on conflict (sha256) do nothing""")
                .params(sha, content, filename, mediaType, (long) content.length, Timestamp.from(now)).update();
        return HexFormat.of().formatHex(sha);
    }

    public record Document(String filename, String mediaType, byte[] content) {
    }

    public Optional<Document> document(String sha256Hex) {
        byte[] sha;
        try {
            sha = HexFormat.of().parseHex(sha256Hex);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("select filename, media_type, content from credit_document where sha256 = ?").param(sha)
                .query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public void insert(CreditRecord r, UUID by) {
        jdbc.sql("""
                insert into credit_record (id, member_id, kind, severity, description, legal_basis, decision_sha256,
                  authority, decided_on, effective_from, effective_to, published_until, corrects, created_by, created_at)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(r.id(), r.memberId(), r.kind().name(), r.severity() == null ? null : r.severity().name(),
                        r.description(), r.legalBasis(), HexFormat.of().parseHex(r.decisionSha256()), r.authority(),
                        r.decidedOn(), r.effectiveFrom(), r.effectiveTo(), r.publishedUntil(), r.corrects(), by,
                        Timestamp.from(r.createdAt()))
                .update();
    }

    /** Marks {@code old} as replaced; false when it was already replaced or revoked (a concurrent change). */
    public boolean supersede(UUID old, UUID by) {
        return jdbc.sql("update credit_record set superseded_by = ? where id = ? and superseded_by is null "
                + "and revoked_at is null").params(by, old).update() == 1;
    }

    public boolean revoke(UUID id, UUID by, String reason, Instant at) {
        return jdbc.sql("update credit_record set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ? "
                + "and revoked_at is null and superseded_by is null")
                .params(Timestamp.from(at), by, reason, id).update() == 1;
    }

    private static final String RECORD = "select id, member_id, kind, severity, description, legal_basis, "
            + "decision_sha256, authority, decided_on, effective_from, effective_to, published_until, corrects, "
            + "superseded_by, revoked_at, revoke_reason, created_at from credit_record";

    public Optional<CreditRecord> record(UUID id) {
        return jdbc.sql(RECORD + " where id = ?").param(id).query((rs, n) -> record(rs)).optional();
    }

    public List<CreditRecord> recordsOf(UUID member) {
        return jdbc.sql(RECORD + " where member_id = ? order by effective_from desc, created_at desc").param(member)
                .query((rs, n) -> record(rs)).list();
    }

    public List<CreditRecord> publishedBadRecords(LocalDate day) {
        return jdbc.sql(RECORD + " where kind = 'BAD' and revoked_at is null and superseded_by is null "
                + "and effective_from <= ? and published_until > ? order by effective_from desc")
                .params(day, day).query((rs, n) -> record(rs)).list();
    }

    private static CreditRecord record(ResultSet rs) throws SQLException {
        String severity = rs.getString(4);
        Timestamp revoked = rs.getTimestamp(15);
        return new CreditRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                CreditRecord.Kind.valueOf(rs.getString(3)), severity == null ? null : CreditRecord.Severity.valueOf(severity),
                rs.getString(5), rs.getString(6), HexFormat.of().formatHex(rs.getBytes(7)), rs.getString(8),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class), rs.getObject(13, UUID.class), rs.getObject(14, UUID.class),
                revoked == null ? null : revoked.toInstant(), rs.getString(16), rs.getTimestamp(17).toInstant());
    }

    public void insertCorrectionRequest(UUID id, UUID record, UUID member, String reason, UUID by, Instant at) {
        jdbc.sql("insert into credit_correction_request (id, record_id, member_id, reason, requested_by, requested_at) "
                + "values (?,?,?,?,?,?)").params(id, record, member, reason, by, Timestamp.from(at)).update();
    }

    public record CorrectionRequest(UUID id, UUID recordId, UUID memberId, String reason, Instant requestedAt) {
    }

    public List<CorrectionRequest> correctionRequests() {
        return jdbc.sql("select id, record_id, member_id, reason, requested_at from credit_correction_request "
                + "order by requested_at desc limit 500")
                .query((rs, n) -> new CorrectionRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Serialises ban decisions (rare) so two overlapping bans cannot both pass the overlap check. */
    public void lockBans() {
        jdbc.sql("select pg_advisory_xact_lock(7301002, 0)").query().singleValue();
    }

    public void insert(Ban b, UUID by) {
        jdbc.sql("""
                insert into credit_ban (id, member_id, party_code, kind, scope, reason, legal_basis, starts_on, ends_on,
                  authority, decision_sha256, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(b.id(), b.memberId(), b.partyCode(), b.kind().name(), b.scope().name(), b.reason(), b.legalBasis(),
                        b.startsOn(), b.endsOn(), b.authority(), HexFormat.of().parseHex(b.decisionSha256()), by,
                        Timestamp.from(b.createdAt()))
                .update();
    }

    public boolean revokeBan(UUID id, UUID by, String reason, Instant at) {
        return jdbc.sql("update credit_ban set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ? "
                + "and revoked_at is null").params(Timestamp.from(at), by, reason, id).update() == 1;
    }

    private static final String BAN = "select id, member_id, party_code, kind, scope, reason, legal_basis, starts_on, ends_on, "
            + "authority, decision_sha256, created_at, revoked_at, revoke_reason from credit_ban";

    public Optional<Ban> ban(UUID id) {
        return jdbc.sql(BAN + " where id = ?").param(id).query((rs, n) -> ban(rs)).optional();
    }

    public List<Ban> bansOf(UUID member) {
        return jdbc.sql(BAN + " where member_id = ? order by starts_on desc").param(member).query((rs, n) -> ban(rs))
                .list();
    }

    public List<Ban> bansOfCode(String code) {
        return jdbc.sql(BAN + " where party_code = ? order by starts_on desc").param(code).query((rs, n) -> ban(rs))
                .list();
    }

    public List<Ban> bansInForce(LocalDate day) {
        return jdbc.sql(BAN + " where revoked_at is null and starts_on <= ? and ends_on > ? order by starts_on desc")
                .params(day, day).query((rs, n) -> ban(rs)).list();
    }

    private static Ban ban(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp(13);
        return new Ban(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                BanKind.valueOf(rs.getString(4)), BanScope.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10),
                HexFormat.of().formatHex(rs.getBytes(11)), rs.getTimestamp(12).toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString(14));
    }

    static byte[] sha256(byte[] data) {
        return org.sunbid.signing.DigestAlgorithm.SHA256.digest(data);
    }
}
