package org.sunbid.expert.internal;

import static org.sunbid.expert.internal.LibraryStore.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates over the library and the seats for the regulator's statistics: counts only, never who. */
@Repository
public class StatisticsStore {

    /** Seats that were asked (a reserve never asked and an unused one are not draws). */
    private static final String ASKED = "s.state not in ('RESERVE', 'UNUSED') and s.invited_at >= ?";

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code experts} experts of the library were asked {@code draws} times since the instant. */
    public record Bucket(int draws, int experts) {
    }

    /** Answers of the seats of one key (a specialty code or a province code). */
    public record Answers(String key, int asked, int accepted, int declined, int noAnswer, int noShows) {
    }

    public List<Bucket> drawsPerExpert(Instant since) {
        return jdbc.sql("""
                select n, count(*) experts from (
                    select l.member_id, count(s.id) filter (where %s) n
                      from expert_library l left join expert_seat s on s.expert_id = l.member_id
                     group by l.member_id) x
                 group by n order by n""".formatted(ASKED))
                .param(ts(since)).query((rs, i) -> new Bucket(rs.getInt("n"), rs.getInt("experts"))).list();
    }

    /** By the specialty of the plan group each seat was drawn for. */
    public List<Answers> bySpecialty(Instant since) {
        return answers("g.specialty", "join expert_plan_group g on g.lot_id = s.lot_id and g.position = s.group_index",
                since);
    }

    /** By the province of the expert's region. */
    public List<Answers> byProvince(Instant since) {
        return answers("substr(l.region, 1, 2) || '0000'", "join expert_library l on l.member_id = s.expert_id", since);
    }

    /** By month (yyyy-MM in Beijing time) of the invitation. */
    public List<Answers> byMonth(Instant since) {
        return answers("to_char(s.invited_at at time zone 'Asia/Shanghai', 'YYYY-MM')", "", since);
    }

    private List<Answers> answers(String key, String join, Instant since) {
        return jdbc.sql("""
                select %s k, count(*) asked,
                       count(*) filter (where s.state in ('ACCEPTED', 'REPLACED')) accepted,
                       count(*) filter (where s.state = 'DECLINED') declined,
                       count(*) filter (where s.state = 'EXPIRED') no_answer,
                       count(*) filter (where s.state = 'REPLACED') no_shows
                  from expert_seat s %s
                 where %s
                 group by 1 order by 1""".formatted(key, join, ASKED))
                .param(ts(since))
                .query((rs, i) -> new Answers(rs.getString("k"), rs.getInt("asked"), rs.getInt("accepted"),
                        rs.getInt("declined"), rs.getInt("no_answer"), rs.getInt("no_shows")))
                .list();
    }
}
