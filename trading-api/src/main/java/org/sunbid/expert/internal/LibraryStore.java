package org.sunbid.expert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.expert.ExpertStatus;
import org.sunbid.member.ExpertTitle;

/** The expert library: current entries, their append-only versions, declared conflicts, leave, specialty codes. */
@Repository
public class LibraryStore {

    private final JdbcClient jdbc;

    LibraryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry as it stands now. */
    public record Entry(UUID member, String name, String email, ExpertTitle title, int years, String employerUscc,
            String region, List<String> specialties, ExpertStatus status, String statusReason, Instant admittedAt,
            Instant updatedAt) {
        public Entry {
            specialties = List.copyOf(specialties);
        }

        /** Eight or more years and a senior title (招标投标法 第三十七条), required for statutory projects. */
        public boolean qualified() {
            return years >= org.sunbid.member.ExpertProfile.POOL_MIN_YEARS && title.isSenior();
        }
    }

    /** An entry as it stood at some instant, for a draw's pool. */
    public record PoolRow(UUID member, List<String> specialties, String region, String employerUscc, boolean qualified) {
    }

    public record Specialty(String code, String parent, String category, String nameZh, String nameEn) {
    }

    public record Conflict(UUID id, UUID member, String uscc, String reason, Instant declaredAt, Instant withdrawnAt) {
    }

    public record Leave(UUID id, UUID member, Instant startsAt, Instant endsAt, String reason, Instant declaredAt) {
    }

    // entries

    public Optional<Entry> find(UUID member) {
        return jdbc.sql("select * from expert_library where member_id = ?").param(member).query(LibraryStore::entry)
                .optional();
    }

    /** Entries of these experts by id, in one query. */
    public Map<UUID, Entry> findAll(java.util.Collection<UUID> members) {
        Map<UUID, Entry> out = new java.util.HashMap<>();
        if (!members.isEmpty()) {
            jdbc.sql("select * from expert_library where member_id = any(?)").param(members.toArray(new UUID[0]))
                    .query(LibraryStore::entry).list().forEach(e -> out.put(e.member(), e));
        }
        return out;
    }

    public Optional<Entry> lock(UUID member) {
        return jdbc.sql("select * from expert_library where member_id = ? for update").param(member)
                .query(LibraryStore::entry).optional();
    }

    public void insert(Entry e) {
        jdbc.sql("""
                insert into expert_library (member_id, name, email, title, years, employer_uscc, region, specialties,
                    status, status_reason, admitted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as varchar(10)[]), ?, ?, ?, ?)""")
                .params(e.member(), e.name(), e.email(), e.title().name(), e.years(), e.employerUscc(), e.region(),
                        array(e.specialties()), e.status().name(), e.statusReason(), ts(e.admittedAt()), ts(e.updatedAt()))
                .update();
        appendVersion(e);
    }

    public void update(Entry e) {
        jdbc.sql("""
                update expert_library set name = ?, email = ?, title = ?, years = ?, employer_uscc = ?, region = ?,
                    specialties = cast(? as varchar(10)[]), status = ?, status_reason = ?, updated_at = ?
                where member_id = ?""")
                .params(e.name(), e.email(), e.title().name(), e.years(), e.employerUscc(), e.region(),
                        array(e.specialties()), e.status().name(), e.statusReason(), ts(e.updatedAt()), e.member())
                .update();
        appendVersion(e);
    }

    private void appendVersion(Entry e) {
        jdbc.sql("""
                insert into expert_library_version (member_id, version, valid_from, title, years, employer_uscc, region,
                    specialties, status)
                select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, cast(? as varchar(10)[]), ?
                  from expert_library_version where member_id = ?""")
                .params(e.member(), ts(e.updatedAt()), e.title().name(), e.years(), e.employerUscc(), e.region(),
                        array(e.specialties()), e.status().name(), e.member())
                .update();
    }

    /** Entries by name or status, for staff lists (newest first). */
    public List<Entry> list(ExpertStatus status, String specialty, int limit) {
        return jdbc.sql("""
                select * from expert_library
                 where (cast(? as varchar) is null or status = ?)
                   and (cast(? as varchar) is null or exists (select 1 from unnest(specialties) s where s like ? || '%'))
                 order by admitted_at desc, member_id limit ?""")
                .params(status == null ? null : status.name(), status == null ? null : status.name(), specialty,
                        specialty, limit)
                .query(LibraryStore::entry).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from expert_library").query(Long.class).single();
    }

    /**
     * The ACTIVE entries as they stood at {@code at} whose specialties start with one of {@code prefixes}, in canonical
     * order (member id ascending).
     */
    public List<PoolRow> poolAt(Instant at, Collection<String> prefixes) {
        List<String> wanted = List.copyOf(prefixes);
        List<PoolRow> rows = new ArrayList<>();
        // entries unchanged since the instant are read as they stand; only the others are looked up in the versions
        jdbc.sql("""
                select member_id, array_to_string(specialties, ',') specialties, region, employer_uscc, title, years
                  from expert_library where updated_at <= ? and status = 'ACTIVE'
                union all
                select member_id, array_to_string(specialties, ','), region, employer_uscc, title, years from (
                    select distinct on (v.member_id) v.* from expert_library_version v
                      join expert_library l on l.member_id = v.member_id and l.updated_at > ?
                     where v.valid_from <= ? order by v.member_id, v.version desc) v
                 where status = 'ACTIVE'
                 order by member_id""")
                .params(ts(at), ts(at), ts(at))
                .query(rs -> {
                    List<String> specialties = List.of(rs.getString(2).split(","));
                    if (matches(specialties, wanted)) {
                        rows.add(new PoolRow(rs.getObject(1, UUID.class), specialties, rs.getString(3), rs.getString(4),
                                rs.getInt(6) >= org.sunbid.member.ExpertProfile.POOL_MIN_YEARS
                                        && ExpertTitle.valueOf(rs.getString(5)).isSenior()));
                    }
                });
        return rows;
    }

    private static boolean matches(List<String> specialties, List<String> prefixes) {
        for (String s : specialties) {
            for (String p : prefixes) {
                if (s.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    // specialties

    public Map<String, Specialty> specialties() {
        Map<String, Specialty> map = new LinkedHashMap<>();
        jdbc.sql("select * from expert_specialty order by code").query((rs, n) -> new Specialty(rs.getString("code"),
                rs.getString("parent"), rs.getString("category"), rs.getString("name_zh"), rs.getString("name_en")))
                .list().forEach(s -> map.put(s.code(), s));
        return map;
    }

    // conflicts and leave

    public void insertConflict(Conflict c) {
        jdbc.sql("insert into expert_conflict (id, member_id, uscc, reason, declared_at) values (?, ?, ?, ?, ?)")
                .params(c.id(), c.member(), c.uscc(), c.reason(), ts(c.declaredAt())).update();
    }

    public boolean withdrawConflict(UUID member, UUID conflict, Instant at) {
        return jdbc.sql("update expert_conflict set withdrawn_at = ? where id = ? and member_id = ? and withdrawn_at is null")
                .params(ts(at), conflict, member).update() == 1;
    }

    public List<Conflict> conflictsOf(UUID member) {
        return jdbc.sql("select * from expert_conflict where member_id = ? order by declared_at").param(member)
                .query(LibraryStore::conflict).list();
    }

    /** Experts who had declared, and not withdrawn, a conflict with one of {@code usccs} at {@code at}. */
    public Map<UUID, Set<String>> conflictsWith(Collection<String> usccs, Instant at) {
        Map<UUID, Set<String>> map = new HashMap<>();
        if (usccs.isEmpty()) {
            return map;
        }
        jdbc.sql("""
                select member_id, uscc from expert_conflict
                 where uscc = any (cast(? as varchar[])) and declared_at <= ? and (withdrawn_at is null or withdrawn_at > ?)""")
                .params(array(List.copyOf(usccs)), ts(at), ts(at))
                .query(rs -> {
                    map.computeIfAbsent(rs.getObject("member_id", UUID.class), k -> new HashSet<>()).add(rs.getString("uscc"));
                });
        return map;
    }

    public void insertLeave(Leave l) {
        jdbc.sql("insert into expert_leave (id, member_id, starts_at, ends_at, reason, declared_at) values (?, ?, ?, ?, ?, ?)")
                .params(l.id(), l.member(), ts(l.startsAt()), ts(l.endsAt()), l.reason(), ts(l.declaredAt())).update();
    }

    public List<Leave> leavesOf(UUID member) {
        return jdbc.sql("select * from expert_leave where member_id = ? and withdrawn_at is null order by starts_at")
                .param(member)
                .query((rs, n) -> new Leave(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("reason"), instant(rs, "declared_at")))
                .list();
    }

    /** Experts with leave declared by {@code declaredBy} (and not withdrawn by then) that overlaps [from, until). */
    public Set<UUID> onLeave(Instant from, Instant until, Instant declaredBy) {
        return new HashSet<>(jdbc.sql("""
                select distinct member_id from expert_leave where starts_at < ? and ends_at > ? and declared_at <= ?
                   and (withdrawn_at is null or withdrawn_at > ?)""")
                .params(ts(until), ts(from), ts(declaredBy), ts(declaredBy)).query(UUID.class).list());
    }

    /** Marks the expert's own leave period withdrawn; false when it is not the expert's or already withdrawn. */
    public boolean withdrawLeave(UUID member, UUID leave, Instant at) {
        return jdbc.sql("update expert_leave set withdrawn_at = ? where id = ? and member_id = ? and withdrawn_at is null")
                .params(ts(at), leave, member).update() == 1;
    }

    static String array(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add('"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return "{" + String.join(",", quoted) + "}";
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getObject("member_id", UUID.class), rs.getString("name"), rs.getString("email"),
                ExpertTitle.valueOf(rs.getString("title")), rs.getInt("years"), rs.getString("employer_uscc"),
                rs.getString("region"), List.of((String[]) rs.getArray("specialties").getArray()),
                ExpertStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), instant(rs, "admitted_at"),
                instant(rs, "updated_at"));
    }

    private static Conflict conflict(ResultSet rs, int n) throws SQLException {
        return new Conflict(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class), rs.getString("uscc"),
                rs.getString("reason"), instant(rs, "declared_at"), instant(rs, "withdrawn_at"));
    }
}
