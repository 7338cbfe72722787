package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

@PlatformTest
@RecordApplicationEvents
class MemberReviewIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberManagement members;

    @Autowired
    MemberRegistration registration;

    @Autowired
    MemberReview review;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    String staffToken;
    UUID staffId;

    @BeforeEach
    void staff() throws Exception {
        String username = MemberFixtures.username("staff");
        staffId = accounts.createPlatformAccount(username, MemberFixtures.PASSWORD, Role.STAFF, "审核员", null).value();
        staffToken = Api.login(mvc, username, MemberFixtures.PASSWORD);
    }

    private MemberViews.Registered pendingBidder(MemberForms.CompanyRegistration form) {
        return registration.registerCompany(form, Map.of());
    }

    @Test
    void staffApprovalRecordsWhoAndWhenAndIsPublishedAndKept() throws Exception {
        var form = MemberFixtures.company(Role.BIDDER, "审核通过建设有限公司");
        var r = pendingBidder(form);
        assertThatThrownBy(() -> members.requireApproved(MemberId.of(r.id()))).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo("member-not-approved"));

        mvc.perform(post("/api/members/" + r.id() + "/approval").header("Authorization", bearer(staffToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvedBy").value(staffId.toString()))
                .andExpect(jsonPath("$.approvedAt").isNotEmpty());
        members.requireApproved(MemberId.of(r.id()));
        assertThat(events.stream(MemberEvents.MemberApproved.class))
                .anyMatch(e -> e.member().equals(r.id()) && staffId.equals(e.actor()));
        assertThat(events.stream(MemberEvents.MemberRegistered.class)).anyMatch(e -> e.member().equals(r.id()));

        mvc.perform(get("/api/members/" + r.id() + "/history").header("Authorization", bearer(staffToken)))
                .andExpect(jsonPath("$[0].action").value("REGISTERED"))
                .andExpect(jsonPath("$[1].action").value("APPROVED"))
                .andExpect(jsonPath("$[1].actor").value(staffId.toString()));

        // the member downloads its signed approval certificate
        String memberToken = Api.login(mvc, form.username(), MemberFixtures.PASSWORD);
        String mine = mvc.perform(get("/api/documents/mine").header("Authorization", bearer(memberToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("MEMBER_APPROVAL_CERTIFICATE"))
                .andReturn().getResponse().getContentAsString();
        String id = Api.JSON.readTree(mine).get(0).get("id").asText();
        byte[] pdf = mvc.perform(get("/api/documents/" + id + "/pdf").header("Authorization", bearer(memberToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aPendingMembersSessionSurvivesItsApproval() throws Exception {
        var form = MemberFixtures.company(Role.TENDEREE, "会话保持有限公司");
        var r = pendingBidder(form);
        String token = Api.login(mvc, form.username(), MemberFixtures.PASSWORD);
        mvc.perform(get("/api/members/me").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.status").value("PENDING"));
        review.approve(MemberId.of(r.id()), AccountId.of(staffId));
        mvc.perform(get("/api/members/me").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void illegalTransitionsAreRefusedWith409NamingTheState() throws Exception {
        var r = pendingBidder(MemberFixtures.company(Role.BIDDER, "状态机有限公司"));
        mvc.perform(post("/api/members/" + r.id() + "/suspension").header("Authorization", bearer(staffToken))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("reason", "违规"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/illegal-member-state"))
                .andExpect(jsonPath("$.field").value("status"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.detail").value("会员当前状态为待审核，不能暂停"));
        mvc.perform(post("/api/members/" + r.id() + "/return").header("Authorization", bearer(staffToken))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/members/" + r.id() + "/return").header("Authorization", bearer(staffToken))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("reason", "营业执照扫描件不清晰"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.statusReason").value("营业执照扫描件不清晰"));
        mvc.perform(post("/api/members/" + r.id() + "/approval").header("Authorization", bearer(staffToken)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("RETURNED"));
        mvc.perform(post("/api/members/" + UUID.randomUUID() + "/approval").header("Authorization", bearer(staffToken)))
                .andExpect(status().isNotFound());
    }

    @Test
    void suspensionDisablesLoginsAndReinstatementRestoresThem() throws Exception {
        var form = MemberFixtures.company(Role.BIDDER, "暂停有限公司");
        var r = pendingBidder(form);
        review.approve(MemberId.of(r.id()), AccountId.of(staffId));
        String memberToken = Api.login(mvc, form.username(), MemberFixtures.PASSWORD);

        mvc.perform(post("/api/members/" + r.id() + "/suspension").header("Authorization", bearer(staffToken))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("reason", "围标串标嫌疑"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(get("/api/members/me").header("Authorization", bearer(memberToken)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", form.username(), "password", MemberFixtures.PASSWORD))))
                .andExpect(status().isUnauthorized());
        assertThat(events.stream(MemberEvents.MemberSuspended.class))
                .anyMatch(e -> e.member().equals(r.id()) && e.reason().equals("围标串标嫌疑"));

        mvc.perform(post("/api/members/" + r.id() + "/reinstatement").header("Authorization", bearer(staffToken)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        Api.login(mvc, form.username(), MemberFixtures.PASSWORD);
    }

    @Test
    void editingAVerifiedFieldSendsAnApprovedMemberBackToReviewButAContactDoesNot() throws Exception {
        var form = MemberFixtures.company(Role.BIDDER, "资料变更有限公司");
        var r = pendingBidder(form);
        review.approve(MemberId.of(r.id()), AccountId.of(staffId));
        String token = Api.login(mvc, form.username(), MemberFixtures.PASSWORD);
        Map<String, Object> profile = new java.util.LinkedHashMap<>(Map.of("name", form.name(), "uscc", form.uscc(),
                "legalRepresentative", form.legalRepresentative(), "contacts",
                List.of(Map.of("name", "新联系人", "phone", "13900139000")), "address", "北京市海淀区新地址8号",
                "regionCode", "110108", "businessScope", form.businessScope(), "bankAccount", form.bankAccount()));
        mvc.perform(put("/api/members/me/profile").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(profile)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.company.contacts[0].name").value("新联系人"));

        profile.put("bankAccount", Map.of("bankName", "中国建设银行北京分行", "accountNumber", "11001234567890123"));
        mvc.perform(put("/api/members/me/profile").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(profile)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        assertThat(events.stream(MemberEvents.ProfileChanged.class))
                .anyMatch(e -> e.member().equals(r.id()) && e.backToReview() && e.fields().contains("bankAccount"));
        assertThat(members.isApproved(MemberId.of(r.id()))).isFalse();

        profile.put("uscc", MemberFixtures.company(Role.BIDDER, "x").uscc());
        var taken = pendingBidder(MemberFixtures.company(Role.BIDDER, "占用代码有限公司"));
        profile.put("uscc", members.details(MemberId.of(taken.id())).company().uscc());
        mvc.perform(put("/api/members/me/profile").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(profile)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("uscc"));
    }

    @Test
    void aMemberSeesQualificationsAboutToExpireAndExpiredOnesFlagged() throws Exception {
        var form = MemberFixtures.company(Role.AGENT, "资质到期招标代理有限公司");
        var r = pendingBidder(form);
        String token = Api.login(mvc, form.username(), MemberFixtures.PASSWORD);
        LocalDate today = LocalDate.now(MemberManagement.ZONE);
        for (var entry : Map.of("A-EXPIRED", today.minusDays(3), "B-SOON", today.plusDays(10), "C-LATER",
                today.plusDays(100)).entrySet()) {
            byte[] qualification = json(Map.of("kind", "工程招标代理机构资格证书", "number", entry.getKey(), "issuer",
                    "住房和城乡建设部", "expiresOn", entry.getValue().toString())).getBytes(StandardCharsets.UTF_8);
            mvc.perform(multipart("/api/members/me/qualifications").header("Authorization", bearer(token))
                    .file(new MockMultipartFile("qualification", "", "application/json", qualification))
                    .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf",
                            "%PDF-1.7\n%scan".getBytes(StandardCharsets.US_ASCII))))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/members/me/qualifications/expiring").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].number").value("A-EXPIRED"))
                .andExpect(jsonPath("$[0].expired").value(true))
                .andExpect(jsonPath("$[1].number").value("B-SOON"))
                .andExpect(jsonPath("$[1].expired").value(false))
                .andExpect(jsonPath("$[1].daysLeft").value(10));
        mvc.perform(get("/api/members/me/qualifications/expiring?days=365").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/members/" + r.id() + "/qualifications").header("Authorization", bearer(staffToken)))
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void companiesWithTheSameLegalRepresentativeOrControlAreRelated() throws Exception {
        String sharedRep = MemberFixtures.idNumber();
        String parentUscc = MemberFixtures.uscc();
        var parent = pendingBidder(MemberFixtures.company(Role.BIDDER, "母公司有限公司", parentUscc, sharedRep, null));
        var sibling = pendingBidder(MemberFixtures.company(Role.BIDDER, "同一法人有限公司", MemberFixtures.uscc(), sharedRep, null));
        var child = pendingBidder(MemberFixtures.company(Role.BIDDER, "子公司有限公司", MemberFixtures.uscc(),
                MemberFixtures.idNumber(), parentUscc));
        var stranger = pendingBidder(MemberFixtures.company(Role.BIDDER, "无关有限公司"));

        var related = members.relatedMembers(MemberId.of(parent.id()));
        assertThat(related).extracting(MemberViews.RelatedMember::id, MemberViews.RelatedMember::relation)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(sibling.id(), MemberViews.Relation.SAME_LEGAL_REPRESENTATIVE),
                        org.assertj.core.groups.Tuple.tuple(child.id(), MemberViews.Relation.CONTROLS));
        assertThat(members.relatedMembers(MemberId.of(child.id()))).extracting(MemberViews.RelatedMember::id,
                MemberViews.RelatedMember::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parent.id(), MemberViews.Relation.CONTROLLED_BY));
        assertThat(members.relatedMembers(MemberId.of(stranger.id()))).isEmpty();

        var template = MemberFixtures.expert("SENIOR", 10);
        var employee = registration.registerExpert(new MemberForms.ExpertRegistration(template.username(),
                template.password(), "赵工", template.idNumber(), parentUscc, template.specialties(), template.title(),
                template.yearsInField(), template.phone()));
        assertThat(members.relatedMembers(MemberId.of(employee.id()))).extracting(MemberViews.RelatedMember::id,
                MemberViews.RelatedMember::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parent.id(), MemberViews.Relation.EMPLOYER));
        assertThat(members.relatedMembers(MemberId.of(parent.id()))).extracting(MemberViews.RelatedMember::relation)
                .contains(MemberViews.Relation.EMPLOYEE);

        mvc.perform(get("/api/members/" + parent.id() + "/related").header("Authorization", bearer(staffToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.id == '" + employee.id() + "')].relation").value("EMPLOYEE"));
    }

    @Test
    void staffSearchByNameCodeRoleStatusAndRegionWithPaging() throws Exception {
        String tag = "检索" + UUID.randomUUID().toString().substring(0, 6);
        var a = pendingBidder(MemberFixtures.company(Role.BIDDER, tag + "甲建设有限公司"));
        pendingBidder(MemberFixtures.company(Role.BIDDER, tag + "乙建设有限公司"));
        var c = pendingBidder(MemberFixtures.company(Role.AGENT, tag + "丙招标代理有限公司"));
        review.approve(MemberId.of(c.id()), AccountId.of(staffId));

        mvc.perform(get("/api/members").param("name", tag).param("size", "2").header("Authorization", bearer(staffToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(get("/api/members").param("name", tag).param("page", "1").param("size", "2")
                .header("Authorization", bearer(staffToken)))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/members").param("name", tag).param("role", "AGENT").param("status", "APPROVED")
                .param("region", "1101").header("Authorization", bearer(staffToken)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(c.id().toString()));
        String usccA = members.details(MemberId.of(a.id())).company().uscc();
        mvc.perform(get("/api/members").param("uscc", usccA).header("Authorization", bearer(staffToken)))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/members").param("name", "%").param("size", "1").header("Authorization", bearer(staffToken)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/members").param("role", "KING").header("Authorization", bearer(staffToken)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("role"));
        mvc.perform(get("/api/members").param("size", "100000").header("Authorization", bearer(staffToken)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));

        mvc.perform(get("/api/public/agencies"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + c.id() + "')].name").value(tag + "丙招标代理有限公司"))
                .andExpect(jsonPath("$[?(@.id == '" + a.id() + "')]").isEmpty());
    }

    @Test
    void thePoolHoldsOnlyApprovedSeniorExpertsWithEightYearsInTheAskedSpecialty() {
        var eligible = registration.registerExpert(MemberFixtures.expert("SENIOR", 8));
        review.approve(MemberId.of(eligible.id()), AccountId.of(staffId));
        var tooJunior = registration.registerExpert(MemberFixtures.expert("INTERMEDIATE", 25));
        review.approve(MemberId.of(tooJunior.id()), AccountId.of(staffId));
        var tooNew = registration.registerExpert(MemberFixtures.expert("ASSOCIATE_SENIOR", 7));
        review.approve(MemberId.of(tooNew.id()), AccountId.of(staffId));
        var pending = registration.registerExpert(MemberFixtures.expert("SENIOR", 20));

        var pool = members.poolExperts("A01").stream().map(MemberManagement.PoolExpert::id).toList();
        assertThat(pool).contains(eligible.id()).doesNotContain(tooJunior.id(), tooNew.id(), pending.id());
        assertThat(members.poolExperts("Z9").stream().map(MemberManagement.PoolExpert::id)).doesNotContain(eligible.id());
    }

    @Test
    void theHistoryTableRefusesUpdateAndDelete() {
        var r = pendingBidder(MemberFixtures.company(Role.TENDEREE, "历史不可改有限公司"));
        assertThatThrownBy(() -> jdbc.sql("update member_history set reason = 'x' where member_id = ?").param(r.id())
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from member_history where member_id = ?").param(r.id()).update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from member_history where member_id = ?").param(r.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
