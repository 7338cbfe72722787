package org.sunbid.award.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.award.Award;
import org.sunbid.award.Candidate;
import org.sunbid.platform.id.LotId;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The award aggregate's storage (hand-written SQL): the lot's row, its snapshot, and insert-only signed evidence. */
@Repository
public class AwardStore {

    static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;

    AwardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lot's award row: candidates from the report, and the aggregate once the publicity started. */
    public record AwardRow(LotId lot, UUID project, Instant reportAt, String reportSha256, boolean stateFunded,
            List<Candidate> candidates, Award award, Instant letterAt, Instant remindedAt, Instant alertedAt,
            Instant completedAt) {
    }

    public void insert(LotId lot, UUID project, Instant reportAt, String reportSha256, boolean stateFunded,
            List<Candidate> candidates, Instant at) {
        jdbc.sql("""
                insert into award (lot_id, project_id, report_at, report_sha256, state_funded, candidates, updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (lot_id) do nothing""")
                .params(lot.value(), project, ts(reportAt), reportSha256, stateFunded,
                        JSON.writeValueAsString(candidates), ts(at)).update();
    }

    public Optional<AwardRow> lock(LotId lot) {
        return jdbc.sql("select * from award where lot_id = ? for update").param(lot.value()).query(AwardStore::row)
                .optional();
    }

    public Optional<AwardRow> find(LotId lot) {
        return jdbc.sql("select * from award where lot_id = ?").param(lot.value()).query(AwardStore::row).optional();
    }

    public List<AwardRow> ofProject(UUID project) {
        return jdbc.sql("select * from award where project_id = ? order by lot_id").param(project)
                .query(AwardStore::row).list();
    }

    /** Awards whose letter went out and whose contract is not in, for the reminder and alert jobs. */
    public List<AwardRow> awaitingContract() {
        return jdbc.sql("select * from award where letter_at is not null and completed_at is null")
                .query(AwardStore::row).list();
    }

    public void save(Award award, Instant at) {
        jdbc.sql("update award set snapshot = ?::jsonb, updated_at = ? where lot_id = ?")
                .params(JSON.writeValueAsString(award.snapshot()), ts(at), award.lot().value()).update();
    }

    public void markLetter(LotId lot, Instant at) {
        jdbc.sql("update award set letter_at = ? where lot_id = ?").params(ts(at), lot.value()).update();
    }

    public void markCompleted(LotId lot, Instant at) {
        jdbc.sql("update award set completed_at = ? where lot_id = ?").params(ts(at), lot.value()).update();
    }

    public boolean markReminded(LotId lot, Instant at) {
        return jdbc.sql("update award set reminded_at = ? where lot_id = ? and reminded_at is null")
                .params(ts(at), lot.value()).update() == 1;
    }

    public boolean markAlerted(LotId lot, Instant at) {
        return jdbc.sql("update award set alerted_at = ? where lot_id = ? and alerted_at is null")
                .params(ts(at), lot.value()).update() == 1;
    }

    public record Evidence(UUID id, String kind, UUID member, String content, byte[] signature, String fileSha256,
            Instant createdAt) {
    }

    public void insertEvidence(LotId lot, Evidence e) {
        jdbc.sql("""
                insert into award_evidence (id, lot_id, kind, member_id, content, signature, file_sha256, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(e.id(), lot.value(), e.kind(), e.member(), e.content(),
                e.signature(), e.fileSha256(), ts(e.createdAt())).update();
    }

    /** The lot an objection was raised on. */
    public Optional<LotId> objectionLot(UUID objection) {
        return jdbc.sql("select lot_id from award_evidence where id = ? and kind = 'OBJECTION'").param(objection)
                .query((rs, n) -> LotId.of(rs.getObject(1, UUID.class))).optional();
    }

    /** The member's objections, newest first. */
    public List<UUID> objectionsBy(UUID member) {
        return jdbc.sql("select id from award_evidence where kind = 'OBJECTION' and member_id = ?"
                + " order by created_at desc, id").param(member).query(UUID.class).list();
    }

    public List<Evidence> evidence(LotId lot) {
        return jdbc.sql("select * from award_evidence where lot_id = ? order by created_at, id").param(lot.value())
                .query((rs, n) -> new Evidence(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getObject("member_id", UUID.class), rs.getString("content"), rs.getBytes("signature"),
                        rs.getString("file_sha256"), instant(rs, "created_at")))
                .list();
    }

    private static AwardRow row(ResultSet rs, int n) throws SQLException {
        String snapshot = rs.getString("snapshot");
        return new AwardRow(LotId.of(rs.getObject("lot_id", UUID.class)), rs.getObject("project_id", UUID.class),
                instant(rs, "report_at"), rs.getString("report_sha256"), rs.getBoolean("state_funded"),
                JSON.readValue(rs.getString("candidates"), new TypeReference<List<Candidate>>() {
                }), snapshot == null ? null : Award.restore(JSON.readValue(snapshot, Award.Snapshot.class)),
                instant(rs, "letter_at"), instant(rs, "reminded_at"), instant(rs, "alerted_at"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
