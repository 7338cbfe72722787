package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.LotId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Answers within the window, reserves taking vacated seats, and who may see the drawn names — tried for every role:
 * the expert itself, other experts, staff, the tenderee, another tenderee, a bidder, a regulator with and without a
 * reason, and everyone once the evaluation starts.
 */
class CommitteeAccessIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    Committees committees;

    @Autowired
    List<ScheduledTask> tasks;

    ExpertLogins logins;

    String token(ExpertFixtures.Expert e) throws Exception {
        if (logins == null) {
            logins = new ExpertLogins(mvc());
        }
        return logins.token(e);
    }

    /** Each expert's open invitation for the lot (seat id), if any. */
    Map<ExpertFixtures.Expert, String> invited(List<ExpertFixtures.Expert> experts, UUID lot) throws Exception {
        Map<ExpertFixtures.Expert, String> seats = new HashMap<>();
        for (ExpertFixtures.Expert e : experts) {
            for (JsonNode inv : expect(with(token(e), get("/api/experts/me/invitations")), 200)) {
                assertThat(inv.get("lotId").asText()).isEqualTo(lot.toString());
                if (inv.get("state").asText().equals("INVITED")) {
                    seats.put(e, inv.get("seatId").asText());
                }
            }
        }
        return seats;
    }

    void run(String kind, String subject) throws Exception {
        ScheduledTask job = tasks.stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
        job.run(new Firing(kind, subject, clock().instant(), clock().instant(), 1, "test"));
    }

    JsonNode committee(String token, OpenedLot lot, int status) throws Exception {
        return expect(with(token, get("/api/projects/{p}/lots/{l}/committee", lot.project(), lot.lot())), status);
    }

    @Test
    void answersWithinTheWindowMoveSeatsToReservesAndNamesStaySealedFromEveryoneButTheExpertUntilTheEvaluation()
            throws Exception {
        String region = ExpertFixtures.freshRegion();
        List<ExpertFixtures.Expert> experts = ExpertFixtures.admitted(members(), library, region, "C0201", 8);
        OpenedLot opened = openedLot(ExpertFixtures.plan("C0201", region, 5, 2, List.of()), 3);
        run("expert-draw", opened.lot().toString());

        Map<ExpertFixtures.Expert, String> seats = invited(experts, opened.lot());
        assertThat(seats).hasSize(5);
        List<ExpertFixtures.Expert> drawn = new ArrayList<>(seats.keySet());
        ExpertFixtures.Expert decliner = drawn.get(0);
        ExpertFixtures.Expert late = drawn.get(1);
        ExpertFixtures.Expert accepter = drawn.get(2);

        // answers: a reason is required to decline; a decline invites the first reserve
        JsonNode noReason = expect(with(token(decliner), post("/api/experts/me/invitations/{s}/decline", seats.get(decliner)))
                .content("{}"), 400);
        assertThat(noReason.get("field").asText()).isEqualTo("reason");
        expect(with(token(decliner), post("/api/experts/me/invitations/{s}/decline", seats.get(decliner)))
                .content(Api.json(Map.of("reason", "当天有手术安排"))), 200);
        expect(with(token(accepter), post("/api/experts/me/invitations/{s}/accept", seats.get(accepter))), 200);
        JsonNode twice = expect(with(token(accepter), post("/api/experts/me/invitations/{s}/accept", seats.get(accepter))), 409);
        assertThat(twice.get("type").asText()).endsWith("invitation-answered");
        expect(with(token(accepter), post("/api/experts/me/invitations/{s}/accept", seats.get(late))), 404);
        assertThat(invited(experts, opened.lot())).hasSize(4).doesNotContainKey(decliner).doesNotContainKey(accepter);

        // the window closes: a late answer is refused, the job expires the seat and the second reserve is asked
        clock().advance(Duration.ofMinutes(31));
        JsonNode closed = expect(with(token(late), post("/api/experts/me/invitations/{s}/accept", seats.get(late))), 409);
        assertThat(closed.get("type").asText()).endsWith("answer-window-closed");
        run("expert-answer-due", seats.get(late));
        Map<ExpertFixtures.Expert, String> now = invited(experts, opened.lot());
        assertThat(now).doesNotContainKey(late).doesNotContainKey(accepter);
        assertThat(now.keySet()).hasSize(4);

        // sealed names: counts and states only
        JsonNode staffView = committee(opened.staff(), opened, 200);
        assertThat(staffView.get("namesSealed").asBoolean()).isTrue();
        assertThat(staffView.get("accepted").asInt()).isEqualTo(1);
        assertThat(staffView.get("seats")).allSatisfy(s -> assertThat(s.get("name").isNull()).isTrue());
        assertThat(committee(opened.tendereeToken(), opened, 200).get("seats"))
                .allSatisfy(s -> assertThat(s.get("name").isNull()).isTrue());
        JsonNode regulatorView = committee(opened.regulator(), opened, 200);
        assertThat(regulatorView.get("seats")).allSatisfy(s -> assertThat(s.get("name").isNull()).isTrue());
        committee(memberToken(Role.TENDEREE, "另一招标人"), opened, 404);
        committee(memberToken(Role.BIDDER, "某投标人"), opened, 403);
        committee(token(accepter), opened, 403);
        assertThat(expect(with(token(accepter), get("/api/experts/me/invitations")), 200)).hasSize(1);
        ExpertFixtures.Expert outsider = ExpertFixtures.admitted(members(), library, ExpertFixtures.freshRegion(), "C0201",
                null, "SENIOR", 20);
        assertThat(expect(with(token(outsider), get("/api/experts/me/invitations")), 200)).isEmpty();
        expect(with(opened.staff(), get("/api/projects/{p}/lots/{l}/committee/draw-records", opened.project(),
                opened.lot())), 403);
        expect(with(opened.tendereeToken(), get("/api/projects/{p}/lots/{l}/committee/draw-records", opened.project(),
                opened.lot())), 403);
        expect(with(opened.regulator(), get("/api/projects/{p}/lots/{l}/committee/draw-records/0", opened.project(),
                opened.lot())), 200);

        // a regulator reads the names only with a reason, and the access is logged
        JsonNode noWhy = expect(with(opened.regulator(), post("/api/projects/{p}/lots/{l}/committee/disclosure",
                opened.project(), opened.lot())).content(Api.json(Map.of("reason", "看看"))), 400);
        assertThat(noWhy.get("field").asText()).isEqualTo("reason");
        expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/committee/disclosure", opened.project(),
                opened.lot())).content(Api.json(Map.of("reason", "核查投诉线索，需要专家名单"))), 403);
        JsonNode disclosed = expect(with(opened.regulator(), post("/api/projects/{p}/lots/{l}/committee/disclosure",
                opened.project(), opened.lot())).content(Api.json(Map.of("reason", "核查投诉线索，需要专家名单"))), 200);
        assertThat(disclosed.get("seats")).allSatisfy(s -> assertThat(s.get("name").asText()).startsWith("专家"));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql("""
                select count(*) from supervision_entry where action = 'expert.committee-names-disclosed' and subject = ?
                and details like '%核查投诉线索%'""").param(opened.lot().toString()).query(Integer.class).single() == 1);
        // the log never ties an answer to the expert's account
        UUID accepterAccount = jdbc().sql("select id from account where username = ?").param(accepter.username())
                .query(UUID.class).single();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().sql(
                "select count(*) from supervision_entry where action = 'expert.invitation-accepted' and subject = ?")
                .param(opened.lot().toString()).query(Integer.class).single() == 1);
        assertThat(jdbc().sql("select count(*) from supervision_entry where actor = ? and action like 'expert.%'")
                .param(accepterAccount.toString()).query(Integer.class).single()).isZero();

        // once the evaluation starts, staff and the tenderee see the names and the records
        committees.evaluationStarted(new LotId(opened.lot()));
        assertThat(committee(opened.staff(), opened, 200).get("seats")).allSatisfy(s -> assertThat(s.get("name").isNull()).isFalse());
        expect(with(opened.staff(), get("/api/projects/{p}/lots/{l}/committee/draw-records", opened.project(),
                opened.lot())), 200);
    }
}
