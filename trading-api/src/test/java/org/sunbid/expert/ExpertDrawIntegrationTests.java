package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.member.MemberId;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.project.LotId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.signing.draw.DrawPool;
import org.sunbid.signing.draw.DrawVerifier;
import org.sunbid.signing.draw.SignedDrawRecord;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** The path the evaluation builds on: plan, opening, draw, answers, seated committee, replacement. */
class ExpertDrawIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    Committees committees;

    @Autowired
    JobScheduler scheduler;

    @Autowired
    List<ScheduledTask> tasks;

    @Autowired
    PlatformTrust trust;

    void runDrawJob(UUID lot) throws Exception {
        ScheduledTask job = tasks.stream().filter(t -> t.kind().equals("expert-draw")).findFirst().orElseThrow();
        job.run(new Firing("expert-draw", lot.toString(), clock().instant(), clock().instant(), 1, "test"));
    }

    ExpertLogins logins;

    String token(ExpertFixtures.Expert e) throws Exception {
        if (logins == null) {
            logins = new ExpertLogins(mvc());
        }
        return logins.token(e);
    }

    /** Every expert with an open invitation accepts it; returns who accepted. */
    List<ExpertFixtures.Expert> acceptAll(List<ExpertFixtures.Expert> experts) throws Exception {
        List<ExpertFixtures.Expert> accepted = new ArrayList<>();
        for (ExpertFixtures.Expert e : experts) {
            String token = token(e);
            for (JsonNode inv : expect(with(token, get("/api/experts/me/invitations")), 200)) {
                if (inv.get("state").asText().equals("INVITED")) {
                    expect(with(token, post("/api/experts/me/invitations/{s}/accept", inv.get("seatId").asText())), 200);
                    accepted.add(e);
                }
            }
        }
        return accepted;
    }

    static void assertReplays(String record, byte[] pool, PlatformTrust trust) {
        DrawVerifier.Report report = DrawVerifier.verify(SignedDrawRecord.parse(record), DrawPool.parse(pool),
                List.of(trust.root()));
        assertThat(report.problems()).isEmpty();
        assertThat(report.signer()).isNotNull();
        assertThat(report.timestamp()).isNotNull();
    }

    @Test
    void theOpeningDrawsACommitteeThatSitsOnceItAcceptsAndAReplacementTakesAReserveThenANewDraw() throws Exception {
        String region = ExpertFixtures.freshRegion();
        List<ExpertFixtures.Expert> experts = ExpertFixtures.admitted(members(), library, region, "B0201", 9);
        OpenedLot opened = openedLot(ExpertFixtures.plan("B0201", region, 5, 1, List.of("招标人代表甲", "招标人代表乙")), 3);
        LotId lot = new LotId(opened.lot());

        assertThat(scheduler.pending("expert-draw", opened.lot().toString())).isPresent();
        assertThat(committees.seated(lot)).isEmpty();
        runDrawJob(opened.lot());

        JsonNode state = expect(with(opened.staff(), get("/api/projects/{p}/lots/{l}/committee", opened.project(), opened.lot())), 200);
        assertThat(state.get("status").asText()).isEqualTo("DRAWN");
        assertThat(state.get("invited").asInt()).isEqualTo(5);
        assertThat(state.get("reserves").asInt()).isEqualTo(1);
        assertThat(state.get("seats")).allSatisfy(s -> assertThat(s.get("name").isNull()).isTrue());
        assertThat(committees.seated(lot)).isEmpty();

        List<ExpertFixtures.Expert> seated = acceptAll(experts);
        assertThat(seated).hasSize(5);
        List<Committees.CommitteeMember> committee = committees.seated(lot);
        assertThat(committee).hasSize(7);
        assertThat(committee).filteredOn(m -> m.role() == Committees.Role.DRAWN_EXPERT)
                .extracting(m -> m.member().value()).containsExactlyInAnyOrderElementsOf(
                        seated.stream().map(ExpertFixtures.Expert::id).toList());
        assertThat(committee).filteredOn(m -> m.role() == Committees.Role.TENDEREE_REPRESENTATIVE)
                .extracting(Committees.CommitteeMember::name).containsExactly("招标人代表甲", "招标人代表乙");
        byte[] pool = committees.drawPool(lot).orElseThrow();
        assertReplays(committees.drawRecord(lot).orElseThrow(), pool, trust);

        // an absent member: the reserve takes the seat once it accepts
        committees.replace(lot, new MemberId(seated.get(0).id()), "评标当天未到场 absent");
        assertThat(committees.seated(lot)).isEmpty();
        List<ExpertFixtures.Expert> reserve = acceptAll(experts);
        assertThat(reserve).hasSize(1).doesNotContainAnyElementsOf(seated);
        assertThat(committees.seated(lot)).hasSize(7).extracting(m -> m.member().value())
                .doesNotContain(seated.get(0).id()).contains(reserve.get(0).id());

        // another one: no reserve is left, so a replacement draw runs from the same secret, sequence 1
        committees.replace(lot, new MemberId(seated.get(1).id()), "发现与投标人存在利害关系 conflict found");
        List<ExpertFixtures.Expert> drawnAgain = acceptAll(experts);
        assertThat(drawnAgain).hasSize(1).doesNotContainAnyElementsOf(seated).doesNotContainAnyElementsOf(reserve);
        assertThat(committees.seated(lot)).hasSize(7);
        JsonNode records = expect(with(opened.regulator(), get("/api/projects/{p}/lots/{l}/committee/draw-records",
                opened.project(), opened.lot())), 200);
        assertThat(records).hasSize(2);
        String replacement = Api.json(records.get(1));
        assertReplays(replacement, pool, trust);
        SignedDrawRecord parsed = SignedDrawRecord.parse(replacement);
        assertThat(parsed.record().sequence()).isEqualTo(1);
        assertThat(parsed.record().exclusions()).filteredOn(e -> e.rules().contains("already-drawn")).hasSize(6);
    }

    @Test
    void staffDrawByHandOnceAndASecondDrawIsRefusedWithNothingDrawnTwice() throws Exception {
        String region = ExpertFixtures.freshRegion();
        ExpertFixtures.admitted(members(), library, region, "C0103", 6);
        OpenedLot opened = openedLot(ExpertFixtures.plan("C0103", region, 5, 0, List.of()), 3);
        JsonNode summary = expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/expert-draw", opened.project(),
                opened.lot())), 200);
        assertThat(summary.get("members").asInt()).isEqualTo(5);
        assertThat(summary.get("pool").asInt()).isEqualTo(6);
        JsonNode again = expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/expert-draw", opened.project(),
                opened.lot())), 409);
        assertThat(again.get("type").asText()).endsWith("committee-already-drawn");
        assertThat(jdbc().sql("select count(*) from expert_draw where lot_id = ?").param(opened.lot())
                .query(Integer.class).single()).isEqualTo(1);
    }
}
