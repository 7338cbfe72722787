package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.credit.CreditFixtures;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.draw.DrawAlgorithm;
import org.sunbid.signing.draw.DrawRecord;
import org.sunbid.signing.draw.DrawPool;
import org.sunbid.signing.draw.DrawVerifier;
import org.sunbid.signing.draw.SignedDrawRecord;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Each avoidance rule keeps its expert out of a real draw and is named on it in the signed record; the commitment is
 * logged before the first bid and the revealed secret matches it.
 */
class ExpertAvoidanceIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    PlatformTrust trust;

    MemberLogin company(Role role, String legalRepId) {
        var form = MemberFixtures.company(role, "测试" + role.name() + "有限公司", MemberFixtures.uscc(),
                legalRepId == null ? MemberFixtures.idNumber() : legalRepId, null);
        UUID id = members().registerCompany(form, Map.of()).id();
        members().approve(id, null);
        return new MemberLogin(id, form.username(), MemberFixtures.PASSWORD);
    }

    String uscc(MemberLogin m) {
        return members().details(m.member()).company().uscc();
    }

    UUID expert(String region, String employer, String title) {
        return ExpertFixtures.admitted(members(), library, region, "B0201", employer, title, 12).id();
    }

    @Test
    void everyRuleExcludesItsExpertAndIsNamedInTheRecordAndTheCommitmentPrecedesTheBids() throws Exception {
        String region = ExpertFixtures.freshRegion();
        String regulator = platformToken(Role.REGULATOR);
        MemberLogin tenderee = company(Role.TENDEREE, null);
        MemberLogin bidder = company(Role.BIDDER, null);
        String bidderRep = members().details(bidder.member()).company().legalRepresentative().idNumber();
        MemberLogin sister = company(Role.BIDDER, bidderRep); // same legal representative as the bidder
        String supervising = MemberFixtures.uscc();

        List<UUID> clean = ExpertFixtures.admitted(members(), library, region, "B0201", 6).stream()
                .map(ExpertFixtures.Expert::id).toList();
        Map<String, UUID> expected = new HashMap<>();
        expected.put("tenderee-employee", expert(region, uscc(tenderee), "SENIOR"));
        expected.put("bidder-employee", expert(region, uscc(bidder), "SENIOR"));
        expected.put("related-to-party", expert(region, uscc(sister), "SENIOR"));
        expected.put("supervising-department", expert(region, supervising, "SENIOR"));
        UUID unqualified = expert(region, null, "INTERMEDIATE"); // the pool file marks it; the record does not list it
        UUID conflicted = expert(region, null, "SENIOR");
        library.declareConflict(new org.sunbid.platform.id.MemberId(conflicted), uscc(bidder), "曾为该公司提供咨询服务");
        expected.put("declared-conflict", conflicted);
        UUID banned = expert(region, null, "SENIOR");
        expect(with(regulator, post("/api/credit/bans")).content(Api.json(CreditFixtures.ban(banned, "FRAUD", "ALL",
                LocalDate.now(), LocalDate.now().plusYears(2)))), 201);
        expected.put("credit-banned", banned);
        UUID recorded = expert(region, null, "SENIOR");
        expect(with(regulator, post("/api/credit/records")).content(Api.json(CreditFixtures.badRecord(recorded,
                LocalDate.now()))), 201);
        expected.put("credit-bad-record", recorded);
        UUID away = expert(region, null, "SENIOR");
        Instant opening = Instant.now().plus(Duration.ofDays(25));
        library.declareLeave(new org.sunbid.platform.id.MemberId(away), opening.minus(Duration.ofDays(1)), opening.plus(Duration.ofDays(3)), "出差");
        expected.put("on-leave", away);
        UUID busy = expert(region, null, "SENIOR");
        askedThreeTimesThisMonth(busy);
        expected.put("frequency-cap", busy);

        // a representative with an account of its own: a person the registry lists as employed by the tenderee
        UUID representative = expert(ExpertFixtures.freshRegion(), uscc(tenderee), "SENIOR");
        Map<String, Object> plan = new HashMap<>(ExpertFixtures.plan("B0201", region, 4, 1, List.of("招标人代表甲")));
        plan.put("representativeMembers", List.of(representative));
        plan.put("supervisingUscc", supervising);
        OpenedLot opened = openedLot(plan, 3, List.of(bidder), tenderee, new Steps() {
        });
        JsonNode summary = expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/expert-draw", opened.project(),
                opened.lot())), 200);
        // the pool is the whole library in the specialty (other tests' experts too); the group draws from this region
        assertThat(summary.get("pool").asInt()).isGreaterThanOrEqualTo(6 + expected.size());
        assertThat(summary.get("excluded").asInt()).isGreaterThanOrEqualTo(expected.size());
        assertThat(summary.get("pool").asInt()).isGreaterThanOrEqualTo(6 + expected.size() + 1);

        JsonNode committee = expect(with(opened.staff(), get("/api/projects/{p}/lots/{l}/committee", opened.project(),
                opened.lot())), 200);
        assertThat(committee.get("representatives").get(0).get("ownAccount").asBoolean()).isTrue();

        JsonNode records = expect(with(opened.regulator(), get("/api/projects/{p}/lots/{l}/committee/draw-records",
                opened.project(), opened.lot())), 200);
        SignedDrawRecord signed = SignedDrawRecord.parse(Api.json(records.get(0)));
        // the pool file the record names, as the public API serves it; the record alone does not replay without it
        byte[] pool = mvc().perform(with(opened.regulator(), get("/api/projects/{p}/lots/{l}/committee/draw-pool",
                opened.project(), opened.lot()))).andReturn().getResponse().getContentAsByteArray();
        assertThat(DrawVerifier.verify(signed, DrawPool.parse(pool), List.of(trust.root())).problems()).isEmpty();
        assertThat(DrawPool.parse(pool).sha256()).isEqualTo(signed.record().pool().sha256());
        Map<String, List<String>> rules = new HashMap<>();
        signed.record().exclusions().forEach(e -> rules.put(e.expert(), e.rules()));
        expected.forEach((rule, expert) -> assertThat(rules.get(expert.toString())).as(rule).containsExactly(rule));
        // not-qualified is the pool file's own mark (sunbid-expert-pool/2), so the record lists only the lot's rules
        assertThat(signed.record().type()).isEqualTo(DrawRecord.TYPE);
        DrawPool file = DrawPool.parse(pool);
        assertThat(file.carriesQualification()).isTrue();
        assertThat(file.candidates().get(file.position(unqualified.toString())).qualified()).isFalse();
        assertThat(file.candidates().get(file.position(clean.get(0).toString())).qualified()).isTrue();
        assertThat(rules).doesNotContainKey(unqualified.toString());
        assertThat(rules.values()).noneMatch(r -> r.contains("not-qualified"));
        assertThat(signed.record().members()).extracting(DrawAlgorithm.Pick::expert)
                .allMatch(id -> clean.contains(UUID.fromString(id)));
        assertThat(signed.record().bids()).extracting(DrawRecord.BidHash::bid)
                .containsExactlyInAnyOrderElementsOf(opened.bids().stream().map(UUID::toString).toList());

        // commit before the first bid, reveal matching it
        String committed = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql("""
                select details from supervision_entry where action = 'expert.draw-secret-committed' and subject = ?""")
                .param(opened.lot().toString()).query(String.class).optional().orElse(null), d -> d != null);
        assertThat(committed).contains(signed.record().commitment());
        long commitSeq = jdbc().sql("select seq from supervision_entry where action = 'expert.draw-secret-committed' and subject = ?")
                .param(opened.lot().toString()).query(Long.class).single();
        // bid entries are sealed until the opening: their subject is the lot, their details a commitment
        long firstBid = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql(
                "select coalesce(min(seq), -1) from supervision_entry where action = 'bid.bid-submitted' and subject = ?")
                .param(opened.lot().toString()).query(Long.class).single(), seq -> seq >= 0);
        assertThat(commitSeq).isLessThan(firstBid);

        // the pool's digest is in the log before the draw, and it is the one the record names
        String frozen = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql("""
                select details from supervision_entry where action = 'expert.pool-frozen' and subject = ?""")
                .param(opened.lot().toString()).query(String.class).optional().orElse(null), d -> d != null);
        assertThat(frozen).contains(signed.record().pool().sha256());
        long drawnSeq = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql(
                "select coalesce(min(seq), -1) from supervision_entry where action = 'expert.committee-drawn' and subject = ?")
                .param(opened.lot().toString()).query(Long.class).single(), seq -> seq >= 0);
        assertThat(jdbc().sql("select seq from supervision_entry where action = 'expert.pool-frozen' and subject = ?")
                .param(opened.lot().toString()).query(Long.class).single()).isLessThan(drawnSeq);
    }

    /** Three invitations on other lots in the last month (seats as earlier draws left them). */
    private void askedThreeTimesThisMonth(UUID expert) {
        UUID draw = UUID.randomUUID();
        jdbc().sql("""
                insert into expert_draw (id, lot_id, project_id, sequence, reason, record, record_sha256, drawn_at)
                values (?, ?, ?, 0, null, '{}', repeat('0', 64), now())""")
                .params(draw, UUID.randomUUID(), UUID.randomUUID()).update();
        for (int i = 0; i < 3; i++) {
            jdbc().sql("""
                    insert into expert_seat (id, lot_id, project_id, draw_id, group_index, rank, expert_id, state,
                        invited_at, answer_due, answered_at) values (?, ?, ?, ?, 0, ?, ?, 'ACCEPTED',
                        now() - interval '1 day', now(), now())""")
                    .params(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), draw, i, expert).update();
        }
    }
}
