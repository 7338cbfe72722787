package org.sunbid.deposit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bid validity period (投标有效期, days from the bid deadline) recorded per project. */
@Repository
public class BidValidityPeriods {

    private final JdbcClient jdbc;

    BidValidityPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> days(UUID project) {
        return jdbc.sql("select days from deposit_bid_validity where project_id = ?").param(project)
                .query(Integer.class).optional();
    }

    public void set(UUID project, int days, UUID by, Instant at) {
        jdbc.sql("""
                insert into deposit_bid_validity (project_id, days, set_by, set_at) values (?, ?, ?, ?)
                on conflict (project_id) do update set days = excluded.days, set_by = excluded.set_by,
                    set_at = excluded.set_at""").params(project, days, by, Timestamp.from(at)).update();
    }
}
