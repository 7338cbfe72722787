package org.sunbid.alert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.alert.AlertState;
import org.sunbid.alert.Signal;
import org.sunbid.alert.SignalKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The alerts, their steps and documents, each lot's latest assessment, and the download and decryption traces. */
@Repository
public class Alerts {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest signals of a lot, alert or not. */
    public record Assessment(UUID lotId, UUID projectId, int score, List<Signal> signals, Instant assessedAt, int runs) {
    }

    public void saveAssessment(UUID lot, UUID project, int score, List<Signal> signals, Instant at) {
        jdbc.sql("""
                insert into alert_assessment (lot_id, project_id, score, signals, assessed_at) values (?, ?, ?, ?::jsonb, ?)
                on conflict (lot_id) do update set score = excluded.score, signals = excluded.signals,
                    assessed_at = excluded.assessed_at, runs = alert_assessment.runs + 1""")
                .params(lot, project, score, write(signals), Timestamp.from(at)).update();
    }

    public Optional<Assessment> assessment(UUID lot) {
        return jdbc.sql("select * from alert_assessment where lot_id = ?").param(lot)
                .query((rs, n) -> new Assessment(rs.getObject("lot_id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getInt("score"), read(rs.getString("signals")), rs.getTimestamp("assessed_at").toInstant(),
                        rs.getInt("runs")))
                .optional();
    }

    public Optional<Alert> find(UUID id) {
        return jdbc.sql("select * from alert where id = ?").param(id).query(this::alert).optional();
    }

    public Optional<Alert> ofLot(UUID lot) {
        return jdbc.sql("select * from alert where lot_id = ?").param(lot).query(this::alert).optional();
    }

    public Optional<Alert> lockOfLot(UUID lot) {
        return jdbc.sql("select * from alert where lot_id = ? for update").param(lot).query(this::alert).optional();
    }

    public Optional<Alert> lock(UUID id) {
        return jdbc.sql("select * from alert where id = ? for update").param(id).query(this::alert).optional();
    }

    /** Alerts by score, highest first; {@code lots} null means every lot. */
    public List<Alert> list(List<UUID> lots, int limit) {
        if (lots != null && lots.isEmpty()) {
            return List.of();
        }
        if (lots == null) {
            return jdbc.sql("select * from alert order by score desc, raised_at desc limit ?").param(limit)
                    .query(this::alert).list();
        }
        return jdbc.sql("select * from alert where lot_id = any(?) order by score desc, raised_at desc limit ?")
                .params(lots.toArray(UUID[]::new), limit).query(this::alert).list();
    }

    /** Inserts a new alert or updates its signals, state and new steps. */
    public void save(Alert a) {
        int updated = jdbc.sql("update alert set score = ?, signals = ?::jsonb, state = ?, assessed_at = ? where id = ?")
                .params(a.score(), write(a.signals()), a.state().name(), Timestamp.from(a.assessedAt()), a.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into alert (id, lot_id, project_id, score, signals, state, raised_at, assessed_at)
                    values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                    .params(a.id(), a.lotId(), a.projectId(), a.score(), write(a.signals()), a.state().name(),
                            Timestamp.from(a.raisedAt()), Timestamp.from(a.assessedAt()))
                    .update();
        }
        int stored = jdbc.sql("select count(*) from alert_step where alert_id = ?").param(a.id()).query(Integer.class)
                .single();
        List<Alert.Step> steps = a.steps();
        for (int seq = stored; seq < steps.size(); seq++) {
            Alert.Step s = steps.get(seq);
            jdbc.sql("""
                    insert into alert_step (alert_id, seq, from_state, to_state, by_account, reason, documents, at)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                    .params(a.id(), seq, s.from().name(), s.to().name(), s.by(), s.reason(), JSON.writeValueAsString(s.documents()),
                            Timestamp.from(s.at()))
                    .update();
        }
    }

    public record Document(String sha256, String filename, String mediaType, byte[] content, UUID addedBy, Instant addedAt) {
    }

    /** Adds a document; the same file twice is kept once. Returns whether it was new. */
    public boolean addDocument(UUID alert, Document d) {
        return jdbc.sql("""
                insert into alert_document (alert_id, sha256, filename, media_type, content, added_by, added_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(alert, d.sha256(), d.filename(), d.mediaType(), d.content(), d.addedBy(), Timestamp.from(d.addedAt()))
                .update() == 1;
    }

    public List<Document> documents(UUID alert) {
        return jdbc.sql("select * from alert_document where alert_id = ? order by added_at, sha256").param(alert)
                .query((rs, n) -> new Document(rs.getString("sha256"), rs.getString("filename"), rs.getString("media_type"),
                        rs.getBytes("content"), rs.getObject("added_by", UUID.class),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    public enum TraceKind {
        DOWNLOAD, DECRYPTION
    }

    public record Trace(UUID member, TraceKind what, String clientIp, String device) {
    }

    public void trace(UUID project, UUID lot, UUID member, TraceKind what, String ip, String device, Instant at) {
        jdbc.sql("""
                insert into alert_trace (project_id, lot_id, member_id, what, client_ip, device, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(project, lot, member, what.name(), ip, device, Timestamp.from(at)).update();
    }

    public List<Trace> traces(UUID project, UUID lot) {
        return jdbc.sql("""
                select member_id, what, client_ip, device from alert_trace
                where project_id = ? or lot_id = ?""")
                .params(project, lot)
                .query((rs, n) -> new Trace(rs.getObject("member_id", UUID.class), TraceKind.valueOf(rs.getString("what")),
                        rs.getString("client_ip"), rs.getString("device")))
                .list();
    }

    private Alert alert(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Alert.Step> steps = jdbc.sql("select * from alert_step where alert_id = ? order by seq").param(id)
                .query((r, i) -> new Alert.Step(AlertState.valueOf(r.getString("from_state")),
                        AlertState.valueOf(r.getString("to_state")), r.getObject("by_account", UUID.class),
                        r.getString("reason"), JSON.readValue(r.getString("documents"), new TypeReference<List<String>>() {
                        }), r.getTimestamp("at").toInstant()))
                .list();
        return new Alert(id, rs.getObject("lot_id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getTimestamp("raised_at").toInstant(), read(rs.getString("signals")), rs.getInt("score"),
                rs.getTimestamp("assessed_at").toInstant(), AlertState.valueOf(rs.getString("state")), steps);
    }

    static String write(List<Signal> signals) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Signal s : signals) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", s.kind().name());
            m.put("bidders", s.bidders().stream().map(UUID::toString).toList());
            m.put("evidence", s.evidence());
            m.put("weight", s.weight());
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    @SuppressWarnings("unchecked")
    static List<Signal> read(String json) {
        List<Map<String, Object>> in = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
        });
        List<Signal> out = new ArrayList<>();
        for (Map<String, Object> m : in) {
            out.add(new Signal(SignalKind.valueOf((String) m.get("kind")),
                    ((List<String>) m.get("bidders")).stream().map(UUID::fromString).toList(),
                    (Map<String, Object>) m.get("evidence"), ((Number) m.get("weight")).intValue()));
        }
        return out;
    }
}
