package org.sunbid.opening.internal;

import static org.sunbid.opening.internal.Rows.instant;
import static org.sunbid.opening.internal.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.opening.BidDecryption.Checks;
import org.sunbid.opening.BidDecryption.Stage;
import org.sunbid.opening.BidDecryption;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Each bid's decryption: its stage ({@code opening_progress}, saved at every step so the hall follows it live) and what
 * was found ({@code opening_result}), and the self-decryption attempts ({@code self_decrypt_attempt}). Sessions opened
 * before live progress existed have results only: their bids read back as opened or withdrawn.
 */
@Repository
public class BidDecryptions {

    private static final String SELECT = """
            select coalesce(p.bid_id, r.bid_id) bid, coalesce(p.lot_id, r.lot_id) lot, coalesce(p.member_id, r.member_id) member,
                   p.stage, p.reason, coalesce(p.updated_at, r.opened_at) updated_at, r.decryption, r.signature, r.hash_check,
                   r.price, r.duration, r.bid_form
            from opening_progress p full join opening_result r on r.bid_id = p.bid_id
            """;

    private final JdbcClient jdbc;

    BidDecryptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lot's bids in the hall's order (by bid). */
    public List<BidDecryption> ofLot(LotId lot) {
        return jdbc.sql(SELECT + " where coalesce(p.lot_id, r.lot_id) = ? order by 1").param(lot.value())
                .query(BidDecryptions::decryption).list();
    }

    /** The lot's checked bids in the record's order (as they were checked). */
    public List<BidDecryption> checkedInRecordOrder(LotId lot) {
        return jdbc.sql(SELECT + " where r.lot_id = ? order by r.opened_at, r.bid_id").param(lot.value())
                .query(BidDecryptions::decryption).list();
    }

    public Optional<BidDecryption> find(BidId bid) {
        return jdbc.sql(SELECT + " where coalesce(p.bid_id, r.bid_id) = ?").param(bid.value())
                .query(BidDecryptions::decryption).optional();
    }

    /** Whether one of the member's bids went into the lot's decryption. */
    public boolean anyOf(LotId lot, MemberId member) {
        return jdbc.sql("select count(*) from opening_progress where lot_id = ? and member_id = ?")
                .params(lot.value(), member.value()).query(Integer.class).single() > 0;
    }

    /** The bid's stage as it is now. */
    public void saveStage(BidDecryption d) {
        jdbc.sql("""
                insert into opening_progress (bid_id, lot_id, member_id, stage, reason, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (bid_id) do update set stage = excluded.stage, reason = excluded.reason,
                    updated_at = excluded.updated_at""")
                .params(d.bid().value(), d.lot().value(), d.bidder().value(), d.stage().name(), d.reason(),
                        ts(d.updatedAt()))
                .update();
    }

    /** What was found at the opening; a first check stays as it was found, a self-decryption replaces it. */
    public void saveChecks(BidDecryption d, Instant at) {
        Checks c = d.checks().orElseThrow();
        String conflict = c.decryption() instanceof BidDecryption.SelfDecrypted ? """
                do update set decryption = excluded.decryption, signature = excluded.signature,
                    hash_check = excluded.hash_check, price = excluded.price, duration = excluded.duration,
                    bid_form = excluded.bid_form""" : "do nothing";
        jdbc.sql("""
                insert into opening_result (bid_id, lot_id, member_id, decryption, signature, hash_check, price, duration,
                    bid_form, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (bid_id) """ + conflict)
                .params(d.bid().value(), d.lot().value(), d.bidder().value(), c.decryption().code(), c.signature().name(),
                        c.hash().name(), c.form().price(), c.form().duration(), c.form().json(), ts(at))
                .update();
    }

    /** Every self-decryption upload, accepted or refused, with the SHA-256 of what was uploaded. */
    public void recordAttempt(BidId bid, LotId lot, UUID account, String outcome, String sha256, Long size, Instant at) {
        jdbc.sql("""
                insert into self_decrypt_attempt (id, bid_id, lot_id, account_id, outcome, package_sha256, package_size,
                    attempted_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), bid.value(), lot.value(), account, outcome, sha256, size, ts(at)).update();
    }

    private static BidDecryption decryption(ResultSet rs, int n) throws SQLException {
        String decryption = rs.getString("decryption");
        Checks checks = decryption == null ? null : new Checks(BidDecryption.Decryption.fromCode(decryption),
                BidDecryption.Signature.valueOf(rs.getString("signature")),
                BidDecryption.HashCheck.valueOf(rs.getString("hash_check")),
                new BidDecryption.BidForm(rs.getBigDecimal("price"), rs.getString("duration"), rs.getString("bid_form")));
        String stage = rs.getString("stage");
        Stage restored = stage != null ? Stage.valueOf(stage)
                : decryption.equals("DECRYPTED") ? Stage.OPENED : Stage.WITHDRAWN;
        return BidDecryption.restore(BidId.of(rs.getObject("bid", UUID.class)), LotId.of(rs.getObject("lot", UUID.class)),
                MemberId.of(rs.getObject("member", UUID.class)), restored, rs.getString("reason"), checks,
                instant(rs, "updated_at"));
    }
}
