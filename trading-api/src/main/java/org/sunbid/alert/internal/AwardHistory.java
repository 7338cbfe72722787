package org.sunbid.alert.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.alert.internal.engine.LotEvidence;
import org.sunbid.award.AwardEvents;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;

/**
 * The tenderee's recent awards for the winner-rotation signal: each published award notice is kept with its winner
 * and every bidder of the lot (in the award's transaction); a lot's evidence reads the same tenderee's awards of the
 * last {@link #WINDOW}.
 */
@Component
class AwardHistory {

    static final Duration WINDOW = Duration.ofDays(730);
    static final int MAX_LOTS = 50;
    static final CurrentUser PLATFORM = new CurrentUser(new UUID(0, 0), "platform", Role.STAFF,
            Optional.empty());

    private final JdbcClient jdbc;
    private final ProjectManagement projects;

    AwardHistory(JdbcClient jdbc, ProjectManagement projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @EventListener
    void on(AwardEvents.AwardNoticePublished published) {
        ProjectView p = projects.find(PLATFORM, ProjectId.of(published.project()));
        String lotName = p.lots().stream().filter(l -> l.id().equals(published.lot())).findFirst()
                .map(l -> p.name() + " 第" + l.number() + "标段 " + l.name()).orElse(p.name());
        List<UUID> bidders = new ArrayList<>(published.otherBidders());
        bidders.add(published.winner());
        jdbc.sql("""
                insert into alert_award_history (lot_id, project_id, tenderee_id, lot_name, winner, bidders, awarded_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (lot_id) do nothing""")
                .params(published.lot(), p.id(), p.tendereeMemberId(), lotName, published.winner(),
                        bidders.stream().distinct().toArray(UUID[]::new), Timestamp.from(published.at()))
                .update();
    }

    /** The tenderee's awarded lots before {@code before}, newest first, other than {@code lot}. */
    List<LotEvidence.PastLot> recent(UUID tenderee, UUID lot, Instant before) {
        return jdbc.sql("""
                select lot_name, winner, bidders from alert_award_history
                where tenderee_id = ? and lot_id <> ? and awarded_at between ? and ?
                order by awarded_at desc limit ?""")
                .params(tenderee, lot, Timestamp.from(before.minus(WINDOW)), Timestamp.from(before), MAX_LOTS)
                .query((rs, i) -> new LotEvidence.PastLot(rs.getString("lot_name"),
                        Set.copyOf(Arrays.asList((UUID[]) rs.getArray("bidders").getArray())),
                        rs.getObject("winner", UUID.class)))
                .list();
    }
}
