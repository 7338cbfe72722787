package org.sunbid.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.identity.Role;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** Bad input and refused draws: each a 4xx problem naming its field or rule, and nothing drawn in part. */
class ExpertDrawRefusalIntegrationTests extends OpenedLotScenario {

    @Autowired
    ExpertLibrary library;

    @Autowired
    List<ScheduledTask> tasks;

    static Map<String, Object> plan(String specialty, int experts, List<String> reps) {
        return Map.of("groups", List.of(Map.of("specialty", specialty, "experts", experts, "reserves", 0)),
                "representatives", reps);
    }

    void refused(String token, UUID project, UUID lot, Map<String, Object> plan, int status, String type, String field)
            throws Exception {
        JsonNode problem = expect(with(token, put("/api/projects/{p}/lots/{l}/committee-plan", project, lot))
                .content(Api.json(plan)), status);
        assertThat(problem.get("type").asText()).endsWith(type);
        assertThat(problem.get("field").asText()).isEqualTo(field);
    }

    @Test
    void plansBreakingTheRulesADrawBeforeTheOpeningAndAPoolTooSmallAreRefusedAndNothingIsDrawn() throws Exception {
        String region = ExpertFixtures.freshRegion();
        ExpertFixtures.admitted(members(), library, region, "A0201", 3);
        String staff = platformToken(Role.STAFF);
        JsonNode twice = expect(with(staff, post("/api/experts")).content(Api.json(Map.of("memberId",
                ExpertFixtures.admitted(members(), library, ExpertFixtures.freshRegion(), "A0202", null, "SENIOR", 10).id(),
                "specialties", List.of("Z9999")))), 409);
        assertThat(twice.get("type").asText()).endsWith("expert-already-admitted");

        OpenedLot opened = openedLot(Map.of("groups", List.of(Map.of("specialty", "A0201", "region", region,
                "experts", 5, "reserves", 0)), "representatives", List.of()), 3, List.of(), null, new Steps() {
                    @Override
                    public void beforePlan(String tenderee, UUID project, UUID lot) throws Exception {
                        refused(tenderee, project, lot, plan("Z9999", 5, List.of()), 400, "validation", "groups[0].specialty");
                        refused(tenderee, project, lot, plan("A0201", 4, List.of()), 422, "committee-minimum-members", "groups");
                        refused(tenderee, project, lot, plan("A0201", 6, List.of()), 422, "committee-odd-members", "groups");
                        refused(tenderee, project, lot, plan("A0201", 3, List.of("代表甲", "代表乙")), 422,
                                "committee-experts-two-thirds", "representatives");
                        refused(tenderee, project, lot, plan("A0201", 5, List.of("代表甲", "代表乙", "代表丙", "代表丁")), 422,
                                "committee-experts-two-thirds", "representatives");
                        // a representative's account must be a person of the tenderee's organisation, not anyone
                        Map<String, Object> outsider = new java.util.HashMap<>(plan("A0201", 4, List.of("代表甲")));
                        outsider.put("representativeMembers", List.of(ExpertFixtures.admitted(members(), library,
                                ExpertFixtures.freshRegion(), "A0202", null, "SENIOR", 10).id()));
                        refused(tenderee, project, lot, outsider, 422, "representative-not-of-tenderee",
                                "representativeMembers[0]");
                        UUID someone = UUID.randomUUID();
                        Map<String, Object> twice = new java.util.HashMap<>(plan("A0201", 5, List.of("代表甲", "代表乙")));
                        twice.put("representativeMembers", List.of(someone, someone));
                        refused(tenderee, project, lot, twice, 400, "validation", "representativeMembers[1]");
                        refused(tenderee, project, lot, Map.of("groups", List.of(Map.of("specialty", "A0201",
                                "experts", 5, "reserves", 11))), 400, "validation", "groups[0].reserves");
                        refused(tenderee, project, lot, Map.of("groups", List.of(Map.of("specialty", "A0201",
                                "preferredRegion", "5300x", "experts", 5, "reserves", 1))), 400, "validation",
                                "groups[0].preferredRegion");
                    }

                    @Override
                    public void afterPublication(UUID project, UUID lot) throws Exception {
                        JsonNode draw = expect(with(staff, post("/api/projects/{p}/lots/{l}/expert-draw", project, lot)), 409);
                        assertThat(draw.get("type").asText()).endsWith("lot-not-opened");
                        refused(staff, project, lot, plan("A0201", 5, List.of()), 409, "committee-plan-frozen", "lotId");
                    }
                });

        ScheduledTask job = tasks.stream().filter(t -> t.kind().equals("expert-draw")).findFirst().orElseThrow();
        job.run(new Firing("expert-draw", opened.lot().toString(), clock().instant(), clock().instant(), 1, "test"));
        JsonNode small = expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/expert-draw", opened.project(),
                opened.lot())), 409);
        assertThat(small.get("type").asText()).endsWith("pool-too-small");
        assertThat(small.get("field").asText()).isEqualTo("groups[0]");
        assertThat(small.get("eligible").asInt()).isEqualTo(3);
        assertThat(small.get("needed").asInt()).isEqualTo(5);
        assertThat(jdbc().sql("select count(*) from expert_draw where lot_id = ?").param(opened.lot()).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc().sql("select count(*) from expert_seat where lot_id = ?").param(opened.lot()).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void theLibraryRefusesUnknownSpecialtiesAndMembersThatAreNotApprovedExperts() throws Exception {
        String staff = platformToken(Role.STAFF);
        var form = new org.sunbid.member.MemberForms.ExpertRegistration(org.sunbid.member.MemberFixtures.username("x"),
                org.sunbid.member.MemberFixtures.PASSWORD, "待审专家", org.sunbid.member.MemberFixtures.idNumber(),
                org.sunbid.member.MemberFixtures.uscc(), List.of("B02"), "SENIOR", 15, "13800138000");
        UUID pending = members().registerExpert(form).id();
        JsonNode notApproved = expect(with(staff, post("/api/experts")).content(Api.json(Map.of("memberId", pending,
                "specialties", List.of("B0201")))), 422);
        assertThat(notApproved.get("type").asText()).endsWith("expert-not-approved");
        members().approve(pending, null);
        JsonNode unknown = expect(with(staff, post("/api/experts")).content(Api.json(Map.of("memberId", pending,
                "specialties", List.of("B0201", "Z9999")))), 400);
        assertThat(unknown.get("field").asText()).isEqualTo("specialties[1]");
        JsonNode admitted = expect(with(staff, post("/api/experts")).content(Api.json(Map.of("memberId", pending,
                "specialties", List.of("B0201")))), 201);
        assertThat(admitted.get("region").asText()).isEqualTo("110108");
        assertThat(admitted.get("status").asText()).isEqualTo("ACTIVE");
        String bidder = memberToken(Role.BIDDER, "投标人");
        expect(with(bidder, post("/api/experts")).content(Api.json(Map.of("memberId", pending))), 403);
    }
}
