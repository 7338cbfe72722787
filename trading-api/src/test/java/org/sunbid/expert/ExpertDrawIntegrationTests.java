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
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.signing.draw.DrawAlgorithm;
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

    @Autowired
    org.sunbid.expert.internal.AnswerWindows answerWindows;

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
        // each representative in a seat of its own: two seats, neither the tenderee's account nor a drawn expert's
        assertThat(committee).extracting(Committees.CommitteeMember::member).doesNotHaveDuplicates()
                .doesNotContain(new MemberId(opened.tenderee()));
        JsonNode shown = expect(with(opened.staff(), get("/api/projects/{p}/lots/{l}/committee", opened.project(),
                opened.lot())), 200);
        assertThat(shown.get("representatives")).extracting(r -> r.get("name").asText())
                .containsExactly("招标人代表甲", "招标人代表乙");
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
    void oneAnswerWindowJobPerDrawClosesEveryUnansweredInvitationOfIt() throws Exception {
        String region = ExpertFixtures.freshRegion();
        ExpertFixtures.admitted(members(), library, region, "B0201", 9);
        OpenedLot opened = openedLot(ExpertFixtures.plan("B0201", region, 5, 1, List.of()), 3);
        runDrawJob(opened.lot());
        UUID draw = jdbc().sql("select id from expert_draw where lot_id = ?").param(opened.lot()).query(UUID.class).single();
        List<UUID> invited = jdbc().sql("select id from expert_seat where draw_id = ? and state = 'INVITED'").param(draw)
                .query(UUID.class).list();
        assertThat(invited).hasSize(5);
        answerWindows.awaitScheduled(java.time.Duration.ofMinutes(5)); // scheduled once the draw committed
        assertThat(scheduler.pending("expert-answer-due", draw.toString())).isPresent();
        assertThat(invited).allSatisfy(seat -> assertThat(scheduler.pending("expert-answer-due", seat.toString())).isEmpty());

        clock().advance(java.time.Duration.ofMinutes(31));
        ScheduledTask job = tasks.stream().filter(t -> t.kind().equals("expert-answer-due")).findFirst().orElseThrow();
        job.run(new Firing("expert-answer-due", draw.toString(), clock().instant(), clock().instant(), 1, "test"));
        assertThat(jdbc().sql("select state from expert_seat where id = any(?)").param(invited.toArray(new UUID[0]))
                .query(String.class).list()).hasSize(5).containsOnly("EXPIRED");
        // the reserve is asked under its own job; the other seats went to replacement draws
        assertThat(jdbc().sql("select count(*) from expert_seat where lot_id = ? and state = 'INVITED'")
                .param(opened.lot()).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aPreferredRegionIsDrawnFirstAndTheRecordCarriesIt() throws Exception {
        // a specialty no other test draws from, under a four-digit region of its own: the pool is this test's
        String area = "53" + (10 + new java.util.Random().nextInt(90));
        List<ExpertFixtures.Expert> near = ExpertFixtures.admitted(members(), library, area + "01", "C0402", 3);
        ExpertFixtures.admitted(members(), library, area + "02", "C0402", 6);
        java.util.Map<String, Object> plan = java.util.Map.of("groups", List.of(java.util.Map.of("specialty", "C0402",
                "region", area, "preferredRegion", area + "01", "experts", 5, "reserves", 1)), "representatives", List.of());
        OpenedLot opened = openedLot(plan, 3);
        JsonNode view = expect(with(opened.staff(), get("/api/projects/{p}/lots/{l}/committee-plan", opened.project(),
                opened.lot())), 200);
        assertThat(view.get("groups").get(0).get("preferredRegion").asText()).isEqualTo(area + "01");
        assertThat(view.get("groups").get(0).get("preferredNow").asInt()).isEqualTo(3);
        assertThat(view.get("groups").get(0).get("eligibleNow").asInt()).isEqualTo(9);
        runDrawJob(opened.lot());
        LotId lot = new LotId(opened.lot());
        SignedDrawRecord record = SignedDrawRecord.parse(committees.drawRecord(lot).orElseThrow());
        assertThat(record.record().groups().get(0).preferredRegion()).isEqualTo(area + "01");
        // all three near experts are members, in the first three places; two others fill the rest
        assertThat(record.record().members().subList(0, 3)).extracting(DrawAlgorithm.Pick::expert)
                .containsExactlyInAnyOrderElementsOf(near.stream().map(e -> e.id().toString()).toList());
        assertThat(record.record().members()).hasSize(5);
        assertReplays(committees.drawRecord(lot).orElseThrow(), committees.drawPool(lot).orElseThrow(), trust);
    }

    @Test
    void theSecretIsSealedAtRestAndOnlyTheDrawOpensIt() throws Exception {
        String region = ExpertFixtures.freshRegion();
        ExpertFixtures.admitted(members(), library, region, "C0501", 6);
        OpenedLot opened = openedLot(ExpertFixtures.plan("C0501", region, 5, 0, List.of()), 3);
        // an insider reads the table before the draw: a sealed envelope and the commitment, no secret
        var row = jdbc().sql("select secret, sealed, commitment from expert_draw_secret where lot_id = ?")
                .param(opened.lot()).query().singleRow();
        assertThat(row.get("secret")).isNull();
        byte[] sealed = (byte[]) row.get("sealed");
        assertThat(sealed).isNotNull().hasSizeGreaterThan(100);
        runDrawJob(opened.lot());
        SignedDrawRecord record = SignedDrawRecord.parse(committees.drawRecord(new LotId(opened.lot())).orElseThrow());
        byte[] secret = java.util.HexFormat.of().parseHex(record.record().secret());
        assertThat(org.sunbid.signing.draw.DrawAlgorithm.commitment(secret)).isEqualTo(row.get("commitment"));
        assertThat(indexOf(sealed, secret)).as("the secret's bytes in the sealed column").isEqualTo(-1);
        assertThat(jdbc().sql("select count(*) from expert_draw_secret where secret is not null and lot_id = ?")
                .param(opened.lot()).query(Integer.class).single()).isZero();

        // a secret left in clear by an earlier version is sealed at start and still opens to the same bytes
        LotId legacy = new LotId(UUID.randomUUID());
        byte[] clear = new byte[32];
        new java.security.SecureRandom().nextBytes(clear);
        jdbc().sql("insert into expert_draw_secret (lot_id, project_id, secret, commitment, committed_at) values (?, ?, ?, ?, now())")
                .params(legacy.value(), UUID.randomUUID(), clear, org.sunbid.signing.draw.DrawAlgorithm.commitment(clear))
                .update();
        assertThat(drawStore.sealClearSecrets()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc().sql("select secret from expert_draw_secret where lot_id = ?").param(legacy.value())
                .query(byte[].class).optional()).isEmpty();
        assertThat(drawStore.secret(legacy).orElseThrow().secret()).isEqualTo(clear);
        // the platform's certificate is public, so an insider can seal a secret of their choosing and put it in place:
        // it opens, but not to the committed secret, and the draw refuses it
        byte[] chosen = new byte[32];
        jdbc().sql("update expert_draw_secret set sealed = ? where lot_id = ?").params(sealing.seal(chosen), legacy.value())
                .update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drawStore.secret(legacy))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("commitment");
        // a cut envelope does not open at all
        jdbc().sql("update expert_draw_secret set sealed = substring(sealed from 1 for length(sealed) - 40) where lot_id = ?")
                .param(legacy.value()).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drawStore.secret(legacy))
                .isInstanceOf(RuntimeException.class);
    }

    @Autowired
    org.sunbid.expert.internal.DrawStore drawStore;

    @Autowired
    org.sunbid.expert.internal.SecretSealing sealing;

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
