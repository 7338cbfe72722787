package org.sunbid.expert.internal;

import static org.sunbid.expert.internal.LibraryStore.instant;
import static org.sunbid.expert.internal.LibraryStore.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.expert.CommitteePlan;
import org.sunbid.member.MemberId;
import org.sunbid.project.LotId;

/** Committee plans per lot, and whether the lot's evaluation has started. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommitteePlan> find(LotId lot) {
        return load(lot, "select project_id, supervising_uscc from expert_plan where lot_id = ?");
    }

    public Optional<CommitteePlan> lock(LotId lot) {
        return load(lot, "select project_id, supervising_uscc from expert_plan where lot_id = ? for update");
    }

    private Optional<CommitteePlan> load(LotId lot, String sql) {
        record Head(UUID project, String supervising) {
        }
        Optional<Head> head = jdbc.sql(sql).param(lot.value())
                .query((rs, n) -> new Head(rs.getObject("project_id", UUID.class), rs.getString("supervising_uscc")))
                .optional();
        record Representative(String name, MemberId member) {
        }
        return head.map(h -> {
            List<Representative> reps = jdbc.sql(
                    "select name, member_id from expert_plan_representative where lot_id = ? order by position")
                    .param(lot.value()).query((rs, n) -> new Representative(rs.getString("name"),
                            rs.getObject("member_id") == null ? null : new MemberId(rs.getObject("member_id", UUID.class))))
                    .list();
            return new CommitteePlan(lot, h.project(),
                    jdbc.sql("select * from expert_plan_group where lot_id = ? order by position").param(lot.value())
                            .query((rs, n) -> new CommitteePlan.Group(rs.getString("specialty"), rs.getString("region"),
                                    rs.getInt("experts"), rs.getInt("reserves"), rs.getString("preferred_region")))
                            .list(),
                    reps.stream().map(Representative::name).toList(), h.supervising(),
                    reps.stream().map(Representative::member).toList());
        });
    }

    public void save(CommitteePlan plan, Instant at) {
        UUID lot = plan.lot().value();
        jdbc.sql("""
                insert into expert_plan (lot_id, project_id, supervising_uscc, updated_at) values (?, ?, ?, ?)
                on conflict (lot_id) do update set supervising_uscc = excluded.supervising_uscc,
                    updated_at = excluded.updated_at""")
                .params(lot, plan.project(), plan.supervisingUscc(), ts(at)).update();
        jdbc.sql("delete from expert_plan_group where lot_id = ?").param(lot).update();
        jdbc.sql("delete from expert_plan_representative where lot_id = ?").param(lot).update();
        List<CommitteePlan.Group> groups = plan.groups();
        for (int i = 0; i < groups.size(); i++) {
            CommitteePlan.Group g = groups.get(i);
            jdbc.sql("""
                    insert into expert_plan_group (lot_id, position, specialty, region, experts, reserves, preferred_region)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(lot, i, g.specialty(), g.region(), g.experts(), g.reserves(), g.preferredRegion()).update();
        }
        for (int i = 0; i < plan.representatives().size(); i++) {
            MemberId member = plan.representativeMembers().get(i);
            jdbc.sql("insert into expert_plan_representative (lot_id, position, name, member_id) values (?, ?, ?, ?)")
                    .params(lot, i, plan.representatives().get(i), member == null ? null : member.value()).update();
        }
    }

    public Optional<Instant> evaluationStartedAt(LotId lot) {
        return jdbc.sql("select evaluation_started_at from expert_plan where lot_id = ?").param(lot.value())
                .query((rs, n) -> Optional.ofNullable(instant(rs, "evaluation_started_at"))).optional()
                .flatMap(o -> o);
    }

    public boolean markEvaluationStarted(LotId lot, Instant at) {
        return jdbc.sql("update expert_plan set evaluation_started_at = ? where lot_id = ? and evaluation_started_at is null")
                .params(ts(at), lot.value()).update() == 1;
    }
}
