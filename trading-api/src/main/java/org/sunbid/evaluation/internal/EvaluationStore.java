package org.sunbid.evaluation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.evaluation.EvaluationPlan;
import org.sunbid.evaluation.EvaluationSession;
import org.sunbid.platform.id.LotId;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation aggregate's storage: plans, the session snapshot (optimistically versioned, and locked for update while
 * a use case changes it), signed sheets and report versions. Hand-written SQL.
 */
@Repository
public class EvaluationStore {

    static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void savePlan(LotId lot, UUID project, EvaluationPlan plan, UUID by, Instant at) {
        jdbc.sql("""
                insert into evaluation_plan (lot_id, project_id, plan, set_by, set_at) values (?, ?, ?::jsonb, ?, ?)
                on conflict (lot_id) do update set plan = excluded.plan, set_by = excluded.set_by, set_at = excluded.set_at
                """).params(lot.value(), project, JSON.writeValueAsString(plan), by, Timestamp.from(at)).update();
    }

    public Optional<EvaluationPlan> plan(LotId lot) {
        return jdbc.sql("select plan::text from evaluation_plan where lot_id = ?").param(lot.value())
                .query(String.class).optional().map(json -> JSON.readValue(json, EvaluationPlan.class));
    }

    public boolean insertSession(UUID project, EvaluationSession session, Instant at) {
        return jdbc.sql("""
                insert into evaluation_session (lot_id, project_id, phase, snapshot, version, updated_at)
                values (?, ?, ?, ?::jsonb, 1, ?) on conflict (lot_id) do nothing""")
                .params(session.lot().value(), project, session.phase().name(), write(session), Timestamp.from(at))
                .update() == 1;
    }

    /** The session, locked for the rest of the transaction. */
    public Optional<EvaluationSession> lock(LotId lot) {
        return jdbc.sql("select snapshot::text from evaluation_session where lot_id = ? for update").param(lot.value())
                .query(String.class).optional().map(EvaluationStore::read);
    }

    public Optional<EvaluationSession> find(LotId lot) {
        return jdbc.sql("select snapshot::text from evaluation_session where lot_id = ?").param(lot.value())
                .query(String.class).optional().map(EvaluationStore::read);
    }

    public Optional<UUID> projectOf(LotId lot) {
        return jdbc.sql("select project_id from evaluation_session where lot_id = ?").param(lot.value())
                .query(UUID.class).optional();
    }

    public List<LotId> lotsOfProject(UUID project) {
        return jdbc.sql("select lot_id from evaluation_session where project_id = ? order by lot_id").param(project)
                .query(UUID.class).list().stream().map(LotId::of).toList();
    }

    public void update(EvaluationSession session, Instant at) {
        jdbc.sql("""
                update evaluation_session set phase = ?, snapshot = ?::jsonb, version = version + 1, updated_at = ?
                where lot_id = ?""").params(session.phase().name(), write(session), Timestamp.from(at),
                session.lot().value()).update();
    }

    public record SheetRow(UUID bid, UUID member, String content, String contentSha256, byte[] signature,
            Instant submittedAt) {
    }

    public void insertSheet(LotId lot, SheetRow s) {
        jdbc.sql("""
                insert into evaluation_sheet (lot_id, bid_id, member_id, content, content_sha256, signature, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?)""").params(lot.value(), s.bid(), s.member(), s.content(), s.contentSha256(),
                s.signature(), Timestamp.from(s.submittedAt())).update();
    }

    public List<SheetRow> sheets(LotId lot) {
        return jdbc.sql("select * from evaluation_sheet where lot_id = ? order by bid_id, submitted_at")
                .param(lot.value())
                .query((rs, n) -> new SheetRow(rs.getObject("bid_id", UUID.class), rs.getObject("member_id", UUID.class),
                        rs.getString("content"), rs.getString("content_sha256"), rs.getBytes("signature"),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list();
    }

    public record ReportVersion(int version, UUID signer, String pdfSha256, long size, Instant createdAt) {
    }

    public void insertReportVersion(LotId lot, ReportVersion v) {
        jdbc.sql("""
                insert into evaluation_report_version (lot_id, version, signer, pdf_sha256, pdf_size, created_at)
                values (?, ?, ?, ?, ?, ?)""").params(lot.value(), v.version(), v.signer(), v.pdfSha256(), v.size(),
                Timestamp.from(v.createdAt())).update();
    }

    public List<ReportVersion> reportVersions(LotId lot) {
        return jdbc.sql("select * from evaluation_report_version where lot_id = ? order by version").param(lot.value())
                .query((rs, n) -> new ReportVersion(rs.getInt("version"), rs.getObject("signer", UUID.class),
                        rs.getString("pdf_sha256"), rs.getLong("pdf_size"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    static String write(EvaluationSession session) {
        return JSON.writeValueAsString(session.snapshot());
    }

    static EvaluationSession read(String json) {
        return EvaluationSession.restore(JSON.readValue(json, EvaluationSession.Snapshot.class));
    }
}
