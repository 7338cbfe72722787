package org.sunbid.expert;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.signing.draw.DrawAlgorithm;

/**
 * An opened lot written straight into the tables the draw reads (published project, receipted bids, an OPENED
 * session, the committed secret, a one-group plan): the upstream state for the draw benchmark and the committee page's
 * browser test, which are about the draw and not about publishing or opening. The integration tests get there through
 * the real API instead ({@code OpenedLotScenario}).
 */
public final class OpenedLotRows {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenedLotRows() {
    }

    /**
     * Project and lot ids of a lot whose bid deadline was {@code deadline}, opened an hour after it, with one bid by
     * each bidder and a plan of {@code experts} + {@code reserves} from {@code specialty} (and {@code region} if given).
     */
    public static UUID[] insert(JdbcClient jdbc, UUID tenderee, List<UUID> bidders, String department, Instant deadline,
            String specialty, String region, int experts, int reserves) {
        UUID project = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        jdbc.sql("""
                insert into project (id, transaction_code, name, type, procedure, estimated_value, funding_source,
                    approval_reference, region_code, classification_codes, tenderee_member_id, tenderee_name, registered_by,
                    evaluation_method, documents_on_sale_from, documents_on_sale_until, bid_deadline, opening_at,
                    opening_place, status, published_at, created_at, updated_at)
                values (?, ?, '抽取测试道路工程', 'CONSTRUCTION', 'OPEN', 1000000, '财政资金', '批复', '330106', '{B02}', ?, '招标人',
                    ?, '综合评估法', ?, ?, ?, ?, '开标室', 'PUBLISHED', ?, ?, ?)""")
                .params(project, "DRAW" + project.toString().substring(0, 8), tenderee, tenderee,
                        ts(deadline.minus(30, ChronoUnit.DAYS)), ts(deadline.minus(5, ChronoUnit.DAYS)), ts(deadline),
                        ts(deadline.plus(1, ChronoUnit.HOURS)), ts(deadline.minus(30, ChronoUnit.DAYS)),
                        ts(deadline.minus(31, ChronoUnit.DAYS)), ts(deadline.minus(30, ChronoUnit.DAYS)))
                .update();
        jdbc.sql("insert into project_lot (id, project_id, lot_no, name, estimate, deposit) values (?, ?, 1, '第一标段', 1000000, 0)")
                .params(lot, project).update();
        for (int i = 0; i < bidders.size(); i++) {
            byte[] hash = new byte[32];
            RANDOM.nextBytes(hash);
            jdbc.sql("""
                    insert into bid (id, lot_id, project_id, member_id, status, sha256, size, file, manifest, received_at,
                        receipt, receipt_signature, receipt_timestamp) values (?, ?, ?, ?, 'RECEIVED', ?, 1, 'x', ?, ?, '{}', ?, ?)""")
                    .params(UUID.randomUUID(), lot, project, bidders.get(i), HexFormat.of().formatHex(hash), new byte[1],
                            ts(deadline.minus(i + 1, ChronoUnit.HOURS)), new byte[1], new byte[1])
                    .update();
        }
        jdbc.sql("insert into opening_session (lot_id, project_id, status, started_at, opened_at) values (?, ?, 'OPENED', ?, ?)")
                .params(lot, project, ts(deadline.plus(1, ChronoUnit.HOURS)), ts(deadline.plus(1, ChronoUnit.HOURS))).update();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        jdbc.sql("insert into expert_draw_secret (lot_id, project_id, secret, commitment, committed_at) values (?, ?, ?, ?, ?)")
                .params(lot, project, secret, DrawAlgorithm.commitment(secret), ts(deadline.minus(30, ChronoUnit.DAYS))).update();
        Arrays.fill(secret, (byte) 0);
        jdbc.sql("insert into expert_plan (lot_id, project_id, supervising_uscc, updated_at) values (?, ?, ?, ?)")
                .params(lot, project, department, ts(deadline.minus(31, ChronoUnit.DAYS))).update();
        jdbc.sql("insert into expert_plan_group (lot_id, position, specialty, region, experts, reserves) values (?, 0, ?, ?, ?, ?)")
                .params(lot, specialty, region, experts, reserves).update();
        return new UUID[] {project, lot};
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
