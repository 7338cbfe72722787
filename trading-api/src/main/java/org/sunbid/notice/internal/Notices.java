package org.sunbid.notice.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Notice rows; insert-only (the database refuses updates and deletes). */
@Repository
public class Notices {

    private static final String COLUMNS = "id, public_id, seq, kind, project_id, transaction_code, project_name, "
            + "project_type, procedure, title, body, region_code, classification_codes, amount, tenderee, agency, "
            + "winner, bid_deadline, opening_at, lots, corrects_id, published_at, test_project";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
    }

    /** Inserts unless the idempotency key exists; empty when it did. */
    public Optional<Notice> insert(UUID id, int year, NoticeDraft d, boolean test, Instant now) {
        long number = jdbc.sql("select nextval('notice_public_seq')").query(Long.class).single();
        String publicId = "N%d%08d".formatted(year, number);
        int rows = jdbc.sql("""
                insert into notice (id, public_id, idempotency_key, kind, project_id, transaction_code, project_name,
                  project_type, procedure, title, body, region_code, classification_codes, amount, tenderee, agency,
                  winner, bid_deadline, opening_at, lots, corrects_id, published_at, test_project)
                values (:id, :publicId, :key, :kind, :projectId, :code, :projectName, :projectType, :procedure, :title,
                  :body, :region, string_to_array(:classes, ','), :amount, :tenderee, :agency, :winner, :deadline,
                  :opening, cast(:lots as jsonb), :corrects, :now, :test)
                on conflict (idempotency_key) do nothing
                """)
                .param("id", id).param("publicId", publicId).param("key", d.idempotencyKey())
                .param("kind", d.kind().name()).param("projectId", d.projectId()).param("code", d.transactionCode())
                .param("projectName", nz(d.projectName())).param("projectType", nz(d.projectType()))
                .param("procedure", nz(d.procedure())).param("title", d.title()).param("body", d.body())
                .param("region", nz(d.regionCode())).param("classes", String.join(",", d.classificationCodes()))
                .param("amount", d.amount()).param("tenderee", d.tenderee()).param("agency", d.agency())
                .param("winner", d.winner()).param("deadline", ts(d.bidDeadline())).param("opening", ts(d.openingAt()))
                .param("lots", json.writeValueAsString(d.lots())).param("corrects", d.correctsId())
                .param("now", Timestamp.from(now)).param("test", test).update();
        return rows == 1 ? findById(id) : Optional.empty();
    }

    public Optional<Notice> findByIdempotencyKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from notice where idempotency_key = :k").param("k", key)
                .query(this::map).optional();
    }

    public Optional<Notice> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notice where id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Notice> findByPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from notice where public_id = :p").param("p", publicId)
                .query(this::map).optional();
    }

    public List<Notice> ofProject(UUID projectId) {
        return jdbc.sql("select " + COLUMNS + " from notice where project_id = :p order by seq").param("p", projectId)
                .query(this::map).list();
    }

    /** The kind of the latest notice of each project among {@code kinds} (projects without one are absent). */
    public Map<UUID, NoticeKind> latestOf(Collection<UUID> projects, Set<NoticeKind> kinds) {
        if (projects.isEmpty() || kinds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, NoticeKind> out = new HashMap<>();
        jdbc.sql("""
                select distinct on (project_id) project_id, kind from notice
                where project_id in (:p) and kind in (:k) order by project_id, seq desc
                """).param("p", projects).param("k", kinds.stream().map(Enum::name).toList())
                .query((rs, i) -> out.put(rs.getObject(1, UUID.class), NoticeKind.valueOf(rs.getString(2)))).list();
        return out;
    }

    public List<Notice> ofTransactionCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from notice where transaction_code = :c order by seq").param("c", code)
                .query(this::map).list();
    }

    public List<Notice> after(long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notice where seq > :a order by seq limit :l").param("a", after)
                .param("l", limit).query(this::map).list();
    }

    /** Notices of real projects only, as {@link #after}: the public changes feed. */
    public List<Notice> realAfter(long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notice where seq > :a and not test_project order by seq limit :l")
                .param("a", after).param("l", limit).query(this::map).list();
    }

    public List<Notice> latest(Optional<NoticeKind> kind, Optional<String> region, Optional<Long> beforeSeq, int limit,
            boolean includeTests) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from notice where "
                + (includeTests ? "true" : "not test_project"));
        kind.ifPresent(k -> sql.append(" and kind = :kind"));
        region.ifPresent(r -> sql.append(" and region_code like :region"));
        beforeSeq.ifPresent(b -> sql.append(" and seq < :before"));
        sql.append(" order by seq desc limit :l");
        var spec = jdbc.sql(sql.toString()).param("l", limit);
        if (kind.isPresent()) {
            spec = spec.param("kind", kind.get().name());
        }
        if (region.isPresent()) {
            spec = spec.param("region", region.get().replaceAll("0+$", "") + "%");
        }
        if (beforeSeq.isPresent()) {
            spec = spec.param("before", beforeSeq.get());
        }
        return spec.query(this::map).list();
    }

    private Notice map(ResultSet rs, int row) throws SQLException {
        Array classes = rs.getArray("classification_codes");
        List<String> codes = classes == null ? List.of() : Arrays.asList((String[]) classes.getArray());
        List<NoticeDraft.NoticeLot> lots = new ArrayList<>(json.readValue(rs.getString("lots"),
                new TypeReference<List<NoticeDraft.NoticeLot>>() {
                }));
        return new Notice(rs.getObject("id", UUID.class), rs.getString("public_id"), rs.getLong("seq"),
                NoticeKind.valueOf(rs.getString("kind")), rs.getObject("project_id", UUID.class),
                rs.getString("transaction_code"), rs.getString("project_name"), rs.getString("project_type"),
                rs.getString("procedure"), rs.getString("title"), rs.getString("body"), rs.getString("region_code"),
                codes, rs.getBigDecimal("amount"), rs.getString("tenderee"), rs.getString("agency"),
                rs.getString("winner"), instant(rs, "bid_deadline"), instant(rs, "opening_at"), lots,
                rs.getObject("corrects_id", UUID.class), instant(rs, "published_at"), rs.getBoolean("test_project"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
