package org.sunbid.opening.internal;

import static org.sunbid.opening.internal.Rows.instant;
import static org.sunbid.opening.internal.Rows.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.id.LotId;

/** Who entered the opening hall (签到): bidders of the lot and the custodians named for it. */
@Repository
public class Participants {

    /** One who joined; {@code member} is a bidder's company, null for a custodian. */
    public record Participant(UUID account, String role, UUID member, String displayName, Instant joinedAt) {
    }

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the account had joined already. */
    public boolean join(LotId lot, Participant p) {
        return jdbc.sql("""
                insert into opening_participant (lot_id, account_id, role, member_id, display_name, joined_at)
                values (?, ?, ?, ?, ?, ?) on conflict (lot_id, account_id) do nothing""")
                .params(lot.value(), p.account(), p.role(), p.member(), p.displayName(), ts(p.joinedAt())).update() == 1;
    }

    public List<Participant> of(LotId lot) {
        return jdbc.sql("select * from opening_participant where lot_id = ? order by joined_at").param(lot.value())
                .query((rs, n) -> new Participant(rs.getObject("account_id", UUID.class), rs.getString("role"),
                        rs.getObject("member_id", UUID.class), rs.getString("display_name"), instant(rs, "joined_at")))
                .list();
    }
}
