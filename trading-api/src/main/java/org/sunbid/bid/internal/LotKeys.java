package org.sunbid.bid.internal;

import static org.sunbid.bid.internal.Jdbc.instant;
import static org.sunbid.bid.internal.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.bid.BidView;

/** Each lot's opening key: its certificate, split and the custodians' sealed shares ({@code opening_key}, {@code opening_key_share}). */
@Repository
public class LotKeys {

    private final JdbcClient jdbc;

    LotKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record OpeningKeyRow(UUID lot, UUID project, byte[] certificate, UUID splitId, int threshold, int total) {
    }

    public boolean insertOpeningKey(OpeningKeyRow k, Instant at) {
        return jdbc.sql("""
                insert into opening_key (lot_id, project_id, certificate, split_id, threshold, total, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (lot_id) do nothing""")
                .params(k.lot(), k.project(), k.certificate(), k.splitId(), k.threshold(), k.total(), ts(at)).update() == 1;
    }

    public void insertShare(UUID lot, int index, UUID custodian, byte[] sealed) {
        jdbc.sql("insert into opening_key_share (lot_id, idx, custodian_id, sealed_share) values (?, ?, ?, ?)")
                .params(lot, index, custodian, sealed).update();
    }

    public Optional<OpeningKeyRow> openingKey(UUID lot) {
        return jdbc.sql("select * from opening_key where lot_id = ?").param(lot)
                .query((rs, n) -> new OpeningKeyRow(rs.getObject("lot_id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getBytes("certificate"), rs.getObject("split_id", UUID.class), rs.getInt("threshold"),
                        rs.getInt("total")))
                .optional();
    }

    public record SealedShareRow(UUID lot, UUID project, int index, byte[] sealed) {
    }

    public List<SealedShareRow> sharesOf(UUID custodian) {
        return jdbc.sql("""
                select s.lot_id, k.project_id, s.idx, s.sealed_share from opening_key_share s
                join opening_key k on k.lot_id = s.lot_id where s.custodian_id = ? order by k.created_at""")
                .param(custodian)
                .query((rs, n) -> new SealedShareRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getBytes(4)))
                .list();
    }

    public Optional<UUID> shareHolder(UUID lot, int index) {
        return jdbc.sql("select custodian_id from opening_key_share where lot_id = ? and idx = ?").params(lot, index)
                .query(UUID.class).optional();
    }

    public boolean isCustodianOf(UUID lot, UUID account) {
        return jdbc.sql("select count(*) from opening_key_share where lot_id = ? and custodian_id = ?").params(lot, account)
                .query(Integer.class).single() > 0;
    }

    public record ShareHolderRow(int index, UUID custodian) {
    }

    public List<ShareHolderRow> shareHolders(UUID lot) {
        return jdbc.sql("select idx, custodian_id from opening_key_share where lot_id = ? order by idx").param(lot)
                .query((rs, n) -> new ShareHolderRow(rs.getInt(1), rs.getObject(2, UUID.class))).list();
    }

    /** Lots with an opening key, newest first: every one, or those whose shares a custodian holds. */
    public List<LotRef> lotsWithKeys(UUID custodian, int limit) {
        if (custodian != null) {
            return jdbc.sql("""
                    select k.lot_id, k.project_id from opening_key k where exists (select 1 from opening_key_share s
                    where s.lot_id = k.lot_id and s.custodian_id = ?) order by k.created_at desc limit ?""")
                    .params(custodian, limit).query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                    .list();
        }
        return jdbc.sql("select lot_id, project_id from opening_key order by created_at desc limit ?").param(limit)
                .query((rs, n) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }
}
