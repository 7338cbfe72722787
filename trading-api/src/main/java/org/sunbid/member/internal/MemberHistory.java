package org.sunbid.member.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.member.MemberViews;
import tools.jackson.databind.json.JsonMapper;

/** The append-only record of every change to a member (the database refuses UPDATE and DELETE). */
@Repository
public class MemberHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    MemberHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(UUID memberId, Instant at, UUID actor, String action, String reason, Map<String, ?> details) {
        jdbc.sql("""
                insert into member_history (member_id, at, actor, action, reason, details)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(memberId, Members.ts(at), actor, action, reason, JSON.writeValueAsString(details))
                .update();
    }

    public List<MemberViews.HistoryEntry> of(UUID memberId) {
        return jdbc.sql("select * from member_history where member_id = ? order by seq").param(memberId)
                .query((rs, n) -> new MemberViews.HistoryEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor", UUID.class), rs.getString("action"), rs.getString("reason"),
                        rs.getString("details")))
                .list();
    }
}
