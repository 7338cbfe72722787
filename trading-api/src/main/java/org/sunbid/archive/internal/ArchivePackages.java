package org.sunbid.archive.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.archive.ArchivePackageInfo;
import org.sunbid.archive.ArchiveReason;

/** The package catalogue and its read log, in hand-written SQL. */
@Repository
public class ArchivePackages {

    private final JdbcClient jdbc;

    ArchivePackages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ArchivePackageInfo p, UUID createdBy, String file) {
        jdbc.sql("""
                insert into archive_package (id, project_id, project_code, title, project_type, tenderee, reason,
                    completed_at, created_at, created_by, retention_until, documents, size, zip_sha256, manifest_sha256, file)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.projectId(), p.projectCode(), p.title(), p.projectType(), p.tenderee(), p.reason().name(),
                        ts(p.completedAt()), ts(p.createdAt()), createdBy, ts(p.retentionUntil()), p.documents(), p.size(),
                        p.zipSha256(), p.manifestSha256(), file)
                .update();
    }

    public Optional<ArchivePackageInfo> find(UUID id) {
        return jdbc.sql("select * from archive_package where id = ?").param(id).query(ArchivePackages::map).optional();
    }

    public Optional<String> file(UUID id) {
        return jdbc.sql("select file from archive_package where id = ?").param(id).query(String.class).optional();
    }

    public List<ArchivePackageInfo> search(String projectCode, String tenderee, String projectType, Instant from,
            Instant to, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select * from archive_package where true");
        List<Object> params = new ArrayList<>();
        if (projectCode != null) {
            sql.append(" and project_code = ?");
            params.add(projectCode);
        }
        if (tenderee != null) {
            sql.append(" and tenderee like ? escape '\\'");
            params.add("%" + tenderee.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (projectType != null) {
            sql.append(" and project_type = ?");
            params.add(projectType);
        }
        if (from != null) {
            sql.append(" and completed_at >= ?");
            params.add(ts(from));
        }
        if (to != null) {
            sql.append(" and completed_at < ?");
            params.add(ts(to));
        }
        sql.append(" order by completed_at desc, id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(ArchivePackages::map).list();
    }

    public void recordRead(UUID packageId, UUID accountId, String role, Instant at) {
        jdbc.sql("insert into archive_access (package_id, account_id, role, at) values (?, ?, ?, ?)")
                .params(packageId, accountId, role, ts(at)).update();
    }

    public int reads(UUID packageId) {
        return jdbc.sql("select count(*) from archive_access where package_id = ?").param(packageId).query(Integer.class)
                .single();
    }

    private static ArchivePackageInfo map(ResultSet rs, int row) throws SQLException {
        return new ArchivePackageInfo(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("project_code"), rs.getString("title"), rs.getString("project_type"),
                rs.getString("tenderee"), ArchiveReason.valueOf(rs.getString("reason")),
                rs.getTimestamp("completed_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("retention_until").toInstant(), rs.getInt("documents"), rs.getLong("size"),
                rs.getString("zip_sha256"), rs.getString("manifest_sha256"));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
