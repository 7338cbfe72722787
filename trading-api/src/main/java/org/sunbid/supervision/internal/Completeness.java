package org.sunbid.supervision.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.LoggedActs;
import org.sunbid.supervision.CompletenessReport;

/**
 * Counts, for each kind of act the features declare ({@link LoggedActs}), the log entries per subject and names the
 * subjects with fewer entries than acts. Run after a flush, so entries still in the outbox are not counted missing.
 */
@Component
public class Completeness {

    private final JdbcClient jdbc;
    private final List<LoggedActs> acts;
    private final Outbox outbox;

    Completeness(JdbcClient jdbc, List<LoggedActs> acts, Outbox outbox) {
        this.jdbc = jdbc;
        this.acts = List.copyOf(acts);
        this.outbox = outbox;
    }

    public CompletenessReport check() {
        List<String> actions = acts.stream().map(LoggedActs::action).distinct().toList();
        Map<String, Long> logged = new HashMap<>();
        jdbc.sql("select action, subject, count(*) from supervision_entry where action in (:a) group by action, subject")
                .param("a", actions)
                .query(rs -> {
                    logged.put(rs.getString(1) + ' ' + rs.getString(2), rs.getLong(3));
                });
        long[] checked = { 0 };
        long[] missingCount = { 0 };
        List<CompletenessReport.Missing> missing = new ArrayList<>();
        for (LoggedActs kind : acts) {
            jdbc.sql(kind.subjectCountsSql()).query(rs -> {
                String subject = rs.getString(1);
                long expected = rs.getLong(2);
                long found = logged.getOrDefault(kind.action() + ' ' + subject, 0L);
                checked[0] += expected;
                if (found < expected) {
                    missingCount[0] += expected - found;
                    if (missing.size() < CompletenessReport.MAX_LISTED) {
                        missing.add(new CompletenessReport.Missing(kind.kind(), kind.action(), subject, expected, found));
                    }
                }
            });
        }
        return new CompletenessReport(missingCount[0] == 0, checked[0], missingCount[0], List.copyOf(missing),
                outbox.pending());
    }
}
