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
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

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
        return head.map(h -> {
            List<Representative> reps = representatives(lot);
            return new CommitteePlan(lot, h.project(),
                    jdbc.sql("select * from expert_plan_group where lot_id = ? order by position").param(lot.value())
                            .query((rs, n) -> new CommitteePlan.Group(rs.getString("specialty"), rs.getString("region"),
                                    rs.getInt("experts"), rs.getInt("reserves"), rs.getString("preferred_region")))
                            .list(),
                    reps.stream().map(Representative::name).toList(), h.supervising(),
                    reps.stream().map(Representative::member).toList(),
                    reps.stream().filter(Representative::vacated).map(Representative::position).toList());
        });
    }

    /** A representative row of the plan: its seat's account (null for a person named only), vacated after a conflict. */
    public record Representative(int position, String name, MemberId member, boolean vacated) {
    }

    public List<Representative> representatives(LotId lot) {
        return jdbc.sql("""
                select position, name, member_id, vacated_at from expert_plan_representative where lot_id = ?
                 order by position""")
                .param(lot.value()).query((rs, n) -> new Representative(rs.getInt("position"), rs.getString("name"),
                        rs.getObject("member_id") == null ? null : new MemberId(rs.getObject("member_id", UUID.class)),
                        rs.getTimestamp("vacated_at") != null))
                .list();
    }

    /** Names a representative seat: the person's account (and name), the seat no longer vacated. */
    public void nameRepresentative(LotId lot, int position, String name, MemberId member) {
        jdbc.sql("""
                update expert_plan_representative set name = ?, member_id = ?, vacated_at = null, vacated_reason = null
                 where lot_id = ? and position = ?""")
                .params(name, member.value(), lot.value(), position).update();
    }

    /** The representative in {@code position} declared a conflict: the seat is vacated, the person never named again. */
    public void recuse(LotId lot, Representative seat, String reason, Instant at) {
        jdbc.sql("update expert_plan_representative set vacated_at = ?, vacated_reason = ? where lot_id = ? and position = ?")
                .params(ts(at), reason, lot.value(), seat.position()).update();
        jdbc.sql("""
                insert into expert_representative_recusal (lot_id, member_id, position, name, reason, declared_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(lot.value(), seat.member().value(), seat.position(), seat.name(), reason, ts(at)).update();
    }

    /** Whether the member declared a conflict on the lot as its representative. */
    public boolean recused(LotId lot, MemberId member) {
        return jdbc.sql("select count(*) from expert_representative_recusal where lot_id = ? and member_id = ?")
                .params(lot.value(), member.value()).query(Long.class).single() > 0;
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
