package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Tenderee representatives on a drawn committee, through the API against the real database. A representative named
 * only by name cannot act online: the evaluation refuses to start until the seat has the same person's account, which
 * the tenderee gives after publication (another person, or someone not of the tenderee, is refused); the holder then
 * checks in and votes. A representative who declares a conflict leaves the seat like a drawn expert, is never named to
 * the lot again, and the substitute the tenderee names joins the open session and votes.
 */
class RepresentativeSeatIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    List<ScheduledTask> tasks;

    @Override
    protected String evaluationMethod() {
        return "经评审的最低投标价法";
    }

    record Person(UUID id, String token) {
    }

    Person person(String region, String employerUscc) throws Exception {
        ExpertFixtures.Expert e = ExpertFixtures.admitted(members(), library, region, "B0201", employerUscc, "SENIOR", 12);
        return new Person(e.id(), Api.login(mvc(), e.username(), MemberFixtures.PASSWORD));
    }

    static String rule(JsonNode problem) {
        return problem.get("type").asText().replace("https://sunbid.org/problems/", "");
    }

    JsonNode name(String token, OpenedLot opened, int position, UUID member, int status) throws Exception {
        return expect(with(token, put("/api/projects/{p}/lots/{l}/committee/representatives/{i}", opened.project(),
                opened.lot(), position)).content(Api.json(Map.of("member", member))), status);
    }

    JsonNode seat(JsonNode view, UUID member) {
        for (JsonNode s : view.get("seats")) {
            if (s.get("member").asText().equals(member.toString())) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aRepresentativeActsOnlineWithItsOwnAccountAndIsReplacedAfterDeclaringAConflict() throws Exception {
        var form = MemberFixtures.company(Role.TENDEREE, "代表测试招标人有限公司", MemberFixtures.uscc(),
                MemberFixtures.idNumber(), null);
        UUID tendereeId = members().registerCompany(form, Map.of()).id();
        members().approve(tendereeId, null);
        String tendereeUscc = members().details(tendereeId).company().uscc();
        String region = ExpertFixtures.freshRegion();
        List<Person> pool = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.add(person(region, null));
        }
        Person first = person(ExpertFixtures.freshRegion(), tendereeUscc); // people of the tenderee's organisation
        Person substitute = person(ExpertFixtures.freshRegion(), tendereeUscc);
        Person outsider = person(ExpertFixtures.freshRegion(), null);
        String firstName = members().details(first.id()).name();

        // the plan names the representative by name only: four drawn experts and one representative
        OpenedLot opened = openedLot(ExpertFixtures.plan("B0201", region, 4, 0, List.of(firstName)), 2, List.of(),
                new MemberLogin(tendereeId, form.username(), MemberFixtures.PASSWORD), new Steps() {
                });
        String tenderee = opened.tendereeToken();
        UUID lot = opened.lot();
        expect(with(tenderee, put("/api/projects/{p}/lots/{l}/evaluation-plan", opened.project(), lot))
                .content(Api.json(Map.of("complianceCriteria", List.of("资格审查")))), 200);
        clock().advance(Duration.ofMinutes(31));
        ScheduledTask draw = tasks.stream().filter(t -> t.kind().equals("expert-draw")).findFirst().orElseThrow();
        draw.run(new Firing("expert-draw", lot.toString(), clock().instant(), clock().instant(), 1, "test"));
        for (Person e : pool) {
            for (JsonNode inv : expect(with(e.token(), get("/api/experts/me/invitations")), 200)) {
                expect(with(e.token(), post("/api/experts/me/invitations/{s}/accept", inv.get("seatId").asText())), 200);
            }
        }

        // nobody could check in to a seat without an account: the evaluation does not start, nothing is left behind
        JsonNode refused = expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/evaluation", opened.project(),
                lot)), 422);
        assertThat(rule(refused)).isEqualTo("representative-without-account");
        assertThat(refused.get("field").asText()).isEqualTo("representatives[0]");
        expect(with(opened.staff(), get("/api/evaluations/{l}", lot)), 404);

        // the seat gets the named person's own account; not someone else's, not an outsider's, not twice
        assertThat(rule(name(tenderee, opened, 0, outsider.id(), 422))).isEqualTo("representative-not-of-tenderee");
        assertThat(rule(name(tenderee, opened, 0, substitute.id(), 422))).isEqualTo("representative-name-mismatch");
        expect(with(outsider.token(), put("/api/projects/{p}/lots/{l}/committee/representatives/{i}", opened.project(),
                lot, 0)).content(Api.json(Map.of("member", first.id()))), 403);
        expect(with(tenderee, put("/api/projects/{p}/lots/{l}/committee/representatives/{i}", opened.project(), lot, 0))
                .content("{}"), 400);
        name(tenderee, opened, 7, first.id(), 404);
        assertThat(name(tenderee, opened, 0, first.id(), 200).get("ownAccount").asBoolean()).isTrue();
        assertThat(rule(name(tenderee, opened, 0, first.id(), 409))).isEqualTo("representative-already-named");

        // the session starts; the representative checks in and votes online with its own login
        expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/evaluation", opened.project(), lot)), 200);
        expect(with(first.token(), post("/api/evaluations/{l}/check-in", lot)), 200);
        JsonNode view = expect(with(first.token(), post("/api/evaluations/{l}/chair-votes", lot))
                .content(Api.json(Map.of("candidate", pool.get(0).id()))), 200);
        assertThat(seat(view, first.id()).get("role").asText()).isEqualTo("TENDEREE_REPRESENTATIVE");

        // a conflict: the representative leaves the seat, the committee shows it vacated, the person cannot come back
        view = expect(with(first.token(), post("/api/evaluations/{l}/declaration", lot)).content(Api.json(Map.of(
                "conflict", true, "reason", "本人配偶在投标人处任职"))), 200);
        assertThat(seat(view, first.id()).get("active").asBoolean()).isFalse();
        JsonNode committee = expect(with(tenderee, get("/api/projects/{p}/lots/{l}/committee", opened.project(), lot)),
                200);
        assertThat(committee.get("representatives").get(0).get("vacated").asBoolean()).isTrue();
        assertThat(jdbc().sql("select reason from expert_representative_recusal where lot_id = ? and member_id = ?")
                .params(lot, first.id()).query(String.class).single()).isEqualTo("本人配偶在投标人处任职");
        assertThat(rule(name(tenderee, opened, 0, first.id(), 422))).isEqualTo("representative-recused");
        expect(with(first.token(), post("/api/evaluations/{l}/chair-votes", lot))
                .content(Api.json(Map.of("candidate", pool.get(0).id()))), 422);

        // the tenderee names a substitute of its organisation: it joins the open session, checks in, declares, votes
        JsonNode named = name(tenderee, opened, 0, substitute.id(), 200);
        assertThat(named.get("name").asText()).isEqualTo(members().details(substitute.id()).name());
        expect(with(substitute.token(), post("/api/evaluations/{l}/check-in", lot)), 200);
        expect(with(substitute.token(), post("/api/evaluations/{l}/declaration", lot)).content(Api.json(Map.of(
                "conflict", false))), 200);
        view = expect(with(substitute.token(), post("/api/evaluations/{l}/chair-votes", lot))
                .content(Api.json(Map.of("candidate", pool.get(0).id()))), 200);
        assertThat(seat(view, substitute.id()).get("active").asBoolean()).isTrue();
        assertThat(seat(view, substitute.id()).get("checkedIn").asBoolean()).isTrue();
        committee = expect(with(tenderee, get("/api/projects/{p}/lots/{l}/committee", opened.project(), lot)), 200);
        assertThat(committee.get("representatives").get(0).get("vacated").asBoolean()).isFalse();
        // both changes are in the supervision log, the withdrawal with its reason
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql("""
                select count(*) from supervision_entry where subject = ? and (action = 'expert.representative-named'
                    or (action = 'expert.representative-recused' and details like '%本人配偶在投标人处任职%'))""")
                .param(lot.toString()).query(Integer.class).single() == 3);
    }
}
