package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.RoleTokens;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints behind the portal's expert pages, the plan form's live count and the regulator's statistics, against
 * the real database: an expert's own entry by name, its conflicts and leave (logged, bad input naming the field), its
 * history and frequency cap after a real draw; the plan preview's counts and composition rules in words; statistics
 * from the real seats; and the drawn names tried for every role on every one of these endpoints.
 */
@PlatformTest
class ExpertPortalIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberSetup members;

    @Autowired
    ExpertLibrary library;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RoleTokens roleTokens;

    @Autowired
    MutableClock clock;

    record Answer(int status, String body) {
        JsonNode json() {
            return Api.JSON.readTree(body);
        }
    }

    Answer call(String token, MockHttpServletRequestBuilder request, Object body) throws Exception {
        request.header("Authorization", Api.bearer(token)).header("Accept-Language", "zh-CN");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
        }
        MvcResult result = mvc.perform(request).andReturn();
        return new Answer(result.getResponse().getStatus(), result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode expect(int status, String token, MockHttpServletRequestBuilder request, Object body) throws Exception {
        Answer a = call(token, request, body);
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        return a.body().isEmpty() ? null : a.json();
    }

    UUID company(Role role, String name, String uscc) {
        UUID id = members.registerCompany(MemberFixtures.company(role, name, uscc, MemberFixtures.idNumber(), null),
                Map.of()).id();
        members.approve(id, null);
        return id;
    }

    void logged(String action, UUID subject) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from supervision_entry where action = ? and subject = ?")
                .params(action, subject.toString()).query(Integer.class).single() >= 1);
    }

    @Test
    void anExpertKeepsItsOwnConflictsAndLeaveAndReadsItsEntryByName() throws Exception {
        String employerUscc = MemberFixtures.uscc();
        String employer = "西湖路桥设计院" + UUID.randomUUID().toString().substring(0, 4);
        company(Role.BIDDER, employer, employerUscc);
        ExpertFixtures.Expert me = ExpertFixtures.admitted(members, library, "330106", "B0201", employerUscc, "SENIOR", 15);
        String token = Api.login(mvc, me.username(), MemberFixtures.PASSWORD);

        JsonNode profile = expect(200, token, get("/api/experts/me/profile"), null);
        assertThat(profile.get("employerName").asText()).isEqualTo(employer);
        assertThat(profile.get("regionName").asText()).isEqualTo("浙江省杭州市西湖区");
        assertThat(profile.get("title").asText()).isEqualTo("SENIOR");
        assertThat(profile.get("qualified").asBoolean()).isTrue();
        assertThat(profile.get("specialties").get(0).get("nameZh").asText()).isEqualTo("道路工程");
        assertThat(profile.get("specialties").get(0).get("parentZh").asText()).isEqualTo("市政公用工程");

        // conflicts: bad input names its field and saves nothing; a good one shows the company by name; withdrawn
        assertThat(expect(400, token, post("/api/experts/me/conflicts"), Map.of("uscc", "12345", "reason", "曾任职"))
                .get("field").asText()).isEqualTo("uscc");
        assertThat(expect(400, token, post("/api/experts/me/conflicts"), Map.of("uscc", employerUscc, "reason", " "))
                .get("field").asText()).isEqualTo("reason");
        assertThat(expect(200, token, get("/api/experts/me/conflicts"), null)).isEmpty();
        JsonNode declared = expect(201, token, post("/api/experts/me/conflicts"),
                Map.of("uscc", employerUscc, "reason", "本人工作单位"));
        JsonNode conflicts = expect(200, token, get("/api/experts/me/conflicts"), null);
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("companyName").asText()).isEqualTo(employer);
        expect(204, token, delete("/api/experts/me/conflicts/{id}", declared.get("id").asText()), null);
        assertThat(expect(200, token, get("/api/experts/me/conflicts"), null)).isEmpty();

        // leave: the order of the dates is checked; a period is withdrawn once, by its own expert only
        var start = clock.instant().plus(Duration.ofDays(3));
        assertThat(expect(400, token, post("/api/experts/me/leave"), Map.of("startsAt", start.toString(),
                "endsAt", start.minus(Duration.ofHours(1)).toString())).get("field").asText()).isEqualTo("endsAt");
        JsonNode leave = expect(201, token, post("/api/experts/me/leave"), Map.of("startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofDays(2)).toString(), "reason", "出差"));
        String leaveId = leave.get("id").asText();
        ExpertFixtures.Expert other = ExpertFixtures.admitted(members, library, "330106", "B0201", null, "SENIOR", 12);
        expect(404, Api.login(mvc, other.username(), MemberFixtures.PASSWORD), delete("/api/experts/me/leave/{id}", leaveId), null);
        assertThat(expect(200, token, get("/api/experts/me/leave"), null)).hasSize(1);
        assertThat(library.leaves(new org.sunbid.platform.id.MemberId(me.id()))).hasSize(1);
        expect(204, token, delete("/api/experts/me/leave/{id}", leaveId), null);
        expect(404, token, delete("/api/experts/me/leave/{id}", leaveId), null);
        assertThat(expect(200, token, get("/api/experts/me/leave"), null)).isEmpty();
        assertThat(jdbc.sql("select count(*) from expert_leave where id = ? and withdrawn_at is not null")
                .param(UUID.fromString(leaveId)).query(Integer.class).single()).as("kept on record").isEqualTo(1);

        // every change by the expert is in the supervision log, under the expert
        logged("expert.conflict-declared", me.id());
        logged("expert.conflict-withdrawn", me.id());
        logged("expert.leave-declared", me.id());
        logged("expert.leave-withdrawn", me.id());

        // an expert member not (yet) in the library gets a 404, not an empty entry
        String outsider = Api.login(mvc, MemberFixtures.approved(members, Role.EXPERT).username(), MemberFixtures.PASSWORD);
        expect(404, outsider, get("/api/experts/me/profile"), null);
        expect(404, outsider, get("/api/experts/me/history"), null);
    }

    @Test
    void afterARealDrawHistoryCapPreviewAndStatisticsTellCountsAndStatesAndNoRoleSeesADrawnName() throws Exception {
        String region = ExpertFixtures.freshRegion();
        List<ExpertFixtures.Expert> experts = ExpertFixtures.admitted(members, library, region, "B0201", 7);
        ExpertFixtures.admittedYesterday(jdbc, experts);
        var tenderee = MemberFixtures.approved(members, Role.TENDEREE);
        List<UUID> bidders = List.of(company(Role.BIDDER, "投标甲" + region, MemberFixtures.uscc()),
                company(Role.BIDDER, "投标乙" + region, MemberFixtures.uscc()),
                company(Role.BIDDER, "投标丙" + region, MemberFixtures.uscc()));
        UUID[] ids = OpenedLotRows.insert(jdbc, tenderee.memberId(), bidders, MemberFixtures.uscc(),
                clock.instant().minus(Duration.ofHours(2)), "B0201", region, 5, 1);
        String base = "/api/projects/" + ids[0] + "/lots/" + ids[1];
        Map<Role, String> tokens = roleTokens.oneAccountPerRole();
        expect(200, tokens.get(Role.STAFF), post(base + "/expert-draw"), null);

        List<String> names = new ArrayList<>();
        experts.forEach(e -> names.add(members.details(e.id()).name()));
        ExpertFixtures.Expert invited = experts.stream().filter(e -> jdbc.sql(
                "select count(*) from expert_seat where expert_id = ? and state = 'INVITED'").param(e.id())
                .query(Integer.class).single() == 1).findFirst().orElse(null);
        assertThat(invited).isNotNull();

        // the drawn expert's own history: the draw with the project by name, and the cap counting it
        String mine = Api.login(mvc, invited.username(), MemberFixtures.PASSWORD);
        String seat = expect(200, mine, get("/api/experts/me/invitations"), null).get(0).get("seatId").asText();
        expect(200, mine, post("/api/experts/me/invitations/{s}/decline", seat), Map.of("reason", "当天另有评标任务"));
        JsonNode history = expect(200, mine, get("/api/experts/me/history"), null);
        assertThat(history.get("totals").get("draws").asInt()).isEqualTo(1);
        assertThat(history.get("totals").get("declines").asInt()).isEqualTo(1);
        assertThat(history.get("cap").get("limit").asInt()).isEqualTo(3);
        assertThat(history.get("cap").get("used").asInt()).isEqualTo(1);
        assertThat(history.get("cap").get("remaining").asInt()).isEqualTo(2);
        assertThat(history.get("entries").get(0).get("projectName").asText()).isEqualTo("抽取测试道路工程");
        assertThat(history.get("entries").get(0).get("state").asText()).isEqualTo("DECLINED");

        // the live plan count: counts per group, composition rules in words, malformed groups naming the field
        String tendereeToken = Api.login(mvc, tenderee.username(), MemberFixtures.PASSWORD);
        Map<String, Object> group = new LinkedHashMap<>(Map.of("specialty", "B0201", "region", region, "experts", 5,
                "reserves", 1));
        JsonNode preview = expect(200, tendereeToken, post(base + "/committee-plan/preview"),
                Map.of("groups", List.of(group), "representatives", List.of()));
        assertThat(preview.get("groups").get(0).get("eligibleNow").asInt()).isEqualTo(7);
        assertThat(preview.get("groups").get(0).get("enough").asBoolean()).isTrue();
        assertThat(preview.get("members").asInt()).isEqualTo(5);
        assertThat(preview.get("refusal").isNull()).isTrue();
        JsonNode even = expect(200, tokens.get(Role.STAFF), post(base + "/committee-plan/preview"),
                Map.of("groups", List.of(group), "representatives", List.of("王代表")));
        assertThat(even.get("refusal").get("rule").asText()).isEqualTo("committee-odd-members");
        assertThat(even.get("refusal").get("detail").asText()).contains("须为单数");
        group.put("experts", 4);
        JsonNode third = expect(200, tokens.get(Role.STAFF), post(base + "/committee-plan/preview"),
                Map.of("groups", List.of(group), "representatives", List.of("王代表", "李代表", "张代表")));
        assertThat(third.get("refusal").get("detail").asText()).contains("三分之二");
        group.put("experts", 9);
        assertThat(expect(200, tokens.get(Role.STAFF), post(base + "/committee-plan/preview"),
                Map.of("groups", List.of(group))).get("groups").get(0).get("enough").asBoolean()).isFalse();
        group.put("specialty", "Z9999");
        assertThat(expect(400, tokens.get(Role.STAFF), post(base + "/committee-plan/preview"), Map.of("groups",
                List.of(group))).get("field").asText()).isEqualTo("groups[0].specialty");
        group.put("specialty", "B0201");
        group.put("region", "0x");
        assertThat(expect(400, tokens.get(Role.STAFF), post(base + "/committee-plan/preview"), Map.of("groups",
                List.of(group))).get("field").asText()).isEqualTo("groups[0].region");

        // statistics from the real seats: the decline is counted under the group's specialty
        JsonNode stats = expect(200, tokens.get(Role.REGULATOR), get("/api/experts/statistics?days=30"), null);
        assertThat(stats.get("asked").asInt()).isGreaterThanOrEqualTo(6);
        JsonNode roads = null;
        for (JsonNode row : stats.get("bySpecialty")) {
            roads = row.get("key").asText().equals("B0201") ? row : roads;
        }
        assertThat(roads).isNotNull();
        assertThat(roads.get("name").asText()).isEqualTo("道路工程");
        assertThat(roads.get("declined").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("drawsPerExpert")).anySatisfy(b -> assertThat(b.get("draws").asInt()).isEqualTo(1));
        assertThat(expect(400, tokens.get(Role.REGULATOR), get("/api/experts/statistics?days=0"), null)
                .get("field").asText()).isEqualTo("days");

        // sealed names: every role, on every endpoint these pages use, before the evaluation starts
        Map<String, String> everyone = new LinkedHashMap<>();
        tokens.forEach((role, token) -> everyone.put(role.name(), token));
        everyone.put("OWNING_TENDEREE", tendereeToken);
        everyone.put("DRAWN_EXPERT", mine);
        String ownName = members.details(invited.id()).name();
        List<String> reads = List.of(base + "/committee-plan", base + "/committee", "/api/experts/statistics",
                "/api/experts/me/profile", "/api/experts/me/history", "/api/experts/me/conflicts",
                "/api/experts/me/invitations");
        for (Map.Entry<String, String> who : everyone.entrySet()) {
            List<Answer> answers = new ArrayList<>();
            for (String read : reads) {
                answers.add(call(who.getValue(), get(read), null));
            }
            answers.add(call(who.getValue(), post(base + "/committee-plan/preview"),
                    Map.of("groups", List.of(Map.of("specialty", "B0201", "region", region, "experts", 5, "reserves", 1)))));
            for (Answer a : answers) {
                assertThat(a.status()).as(who.getKey() + ": " + a.body()).isLessThan(500);
                for (String name : names) {
                    boolean own = who.getKey().equals("DRAWN_EXPERT") && name.equals(ownName);
                    if (!own) {
                        assertThat(a.body()).as(who.getKey() + " must not see a drawn name").doesNotContain(name);
                    }
                }
            }
        }
        // the committee view tells states and counts, with every name sealed, to staff and to the tenderee
        for (String token : List.of(tokens.get(Role.STAFF), tendereeToken)) {
            JsonNode committee = expect(200, token, get(base + "/committee"), null);
            assertThat(committee.get("namesSealed").asBoolean()).isTrue();
            assertThat(committee.get("seats")).allSatisfy(s -> assertThat(s.get("name").isNull()).isTrue());
        }
    }
}
