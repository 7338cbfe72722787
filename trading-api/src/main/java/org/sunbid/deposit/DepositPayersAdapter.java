package org.sunbid.deposit;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.alert.DepositPayers;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Answers the collusion alerts' port with the accounts money came from into each bidder's virtual sub-account of a
 * lot (credited, held as short or excess, or parked in suspense because the payer was not the basic account). Payers
 * stay sealed until the opening: before the lot's opening time the answer is empty.
 */
@Component
class DepositPayersAdapter implements DepositPayers {

    private final JdbcClient jdbc;
    private final DepositLookups lookups;
    private final Clock clock;

    DepositPayersAdapter(JdbcClient jdbc, DepositLookups lookups, Clock clock) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<MemberId, Set<String>> payerAccounts(LotId lot) {
        UUID lotId = lot.value();
        Map<MemberId, Set<String>> payers = new HashMap<>();
        UUID project = jdbc.sql("select project_id from deposit_account where lot_id = ? limit 1").param(lotId)
                .query(UUID.class).optional().orElse(null);
        if (project == null) {
            return payers;
        }
        var openingAt = lookups.project(project).openingAt();
        if (openingAt == null || clock.instant().isBefore(openingAt)) {
            return payers;
        }
        jdbc.sql("""
                select a.member_id, e.payer_account from deposit_account a
                join deposit_bank_entry e on e.virtual_account = a.number
                where a.lot_id = ? and e.direction = 'CRDT' and e.payer_account is not null""")
                .param(lotId)
                .query((rs, n) -> Map.entry(new MemberId(rs.getObject(1, UUID.class)), rs.getString(2))).list()
                .forEach(e -> payers.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
        return payers;
    }
}
