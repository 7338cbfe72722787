package org.sunbid.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

@PlatformTest
class CreditIntegrationTests {

    static final String PASSWORD = "Credit#Check2026";
    static final byte[] DECISION = CreditFixtures.DECISION;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    CreditCheck check;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SupervisionLog log;

    String regulator;
    UUID member;
    String bidder;
    String bidderName;
    LocalDate today;

    @BeforeEach
    void people() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount("creg-" + suffix, PASSWORD, Role.REGULATOR, "监管员", null);
        regulator = Api.login(mvc, "creg-" + suffix, PASSWORD);
        member = UUID.randomUUID();
        accounts.createMemberAccount("bidder-" + suffix, PASSWORD, Role.BIDDER, MemberId.of(member), "某建设有限公司");
        bidderName = "bidder-" + suffix;
        bidder = Api.login(mvc, bidderName, PASSWORD);
        today = LocalDate.now(CreditManagement.ZONE);
    }

    Map<String, Object> badRecord(UUID who, LocalDate effectiveFrom) {
        return CreditFixtures.badRecord(who, effectiveFrom);
    }

    Map<String, Object> ban(UUID who, String kind, String scope, LocalDate start, LocalDate end) {
        return CreditFixtures.ban(who, kind, scope, start, end);
    }

    ResultActions postAs(String token, String url, Object body) throws Exception {
        return mvc.perform(post(url).header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(json(body)));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aBadRecordIsPublishedForSixMonthsThenKeptButNotListed() throws Exception {
        JsonNode fresh = Api.body(postAs(regulator, "/api/credit/records", badRecord(member, today.minusDays(3)))
                .andExpect(status().isCreated()).andReturn());
        JsonNode old = Api.body(postAs(regulator, "/api/credit/records", badRecord(member, today.minusMonths(7)))
                .andExpect(status().isCreated()).andReturn());
        assertThat(fresh.get("publishedUntil").asText()).isEqualTo(today.minusDays(3).plusMonths(6).toString());
        String expectedSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DECISION));
        assertThat(fresh.get("decisionSha256").asText()).isEqualTo(expectedSha);

        String listed = mvc.perform(get("/api/public/credit/bad-records")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains(fresh.get("id").asText()).doesNotContain(old.get("id").asText());

        JsonNode mine = Api.body(mvc.perform(get("/api/credit/me/records").header("Authorization", bearer(bidder)))
                .andExpect(status().isOk()).andReturn());
        assertThat(mine).hasSize(2);

        byte[] stored = mvc.perform(get("/api/credit/documents/" + expectedSha).header("Authorization",
                bearer(regulator))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(stored).isEqualTo(DECISION);
        assertThat(check.standing(new MemberId(member), BanScope.ALL, Instant.now())).isInstanceOf(Standing.Warned.class);
    }

    @Test
    void aRecordWithSeveralBadFieldsIsRefusedNamingEachAndWritesNothing() throws Exception {
        long records = count("credit_record");
        Map<String, Object> body = badRecord(member, today);
        body.remove("description");
        body.put("legalBasis", " ");
        body.put("authority", "x".repeat(CreditManagement.AUTHORITY_MAX + 1));
        JsonNode problem = Api.body(postAs(regulator, "/api/credit/records", body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("authority")).andReturn());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("authority", "description",
                "legalBasis");
        assertThat(count("credit_record")).isEqualTo(records);
    }

    @Test
    void theDecidingAuthorityIsASingleLine() throws Exception {
        long bans = count("credit_ban");
        Map<String, Object> body = ban(member, "FRAUD", "ALL", today, today.plusYears(1));
        body.put("authority", "某区公共资源交易监督管理局\n（伪造的第二行）");
        postAs(regulator, "/api/credit/bans", body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("authority"));
        assertThat(count("credit_ban")).isEqualTo(bans);
    }

    @Test
    void aCorrectionIsANewRecordReferringToTheOldOne() throws Exception {
        JsonNode original = Api.body(postAs(regulator, "/api/credit/records", badRecord(member, today))
                .andExpect(status().isCreated()).andReturn());
        Map<String, Object> fixed = badRecord(member, today);
        fixed.put("severity", "MINOR");
        JsonNode correction = Api.body(postAs(regulator, "/api/credit/records/" + original.get("id").asText()
                + "/corrections", fixed).andExpect(status().isCreated()).andReturn());
        assertThat(correction.get("corrects").asText()).isEqualTo(original.get("id").asText());
        JsonNode all = Api.body(mvc.perform(get("/api/credit/members/" + member + "/records")
                .header("Authorization", bearer(regulator))).andExpect(status().isOk()).andReturn());
        assertThat(all).hasSize(2);
        for (JsonNode r : all) {
            if (r.get("id").asText().equals(original.get("id").asText())) {
                assertThat(r.get("supersededBy").asText()).isEqualTo(correction.get("id").asText());
            }
        }
        postAs(regulator, "/api/credit/records/" + original.get("id").asText() + "/corrections", fixed)
                .andExpect(status().isConflict());
    }

    @Test
    void refusesACorrectionOfARecordThatDoesNotExistAndWritesNothing() throws Exception {
        long records = count("credit_record");
        long documents = count("credit_document");
        postAs(regulator, "/api/credit/records/" + UUID.randomUUID() + "/corrections", badRecord(member, today))
                .andExpect(status().isNotFound());
        assertThat(count("credit_record")).isEqualTo(records);
        assertThat(count("credit_document")).isEqualTo(documents);
    }

    @Test
    void aRevokedRecordNoLongerWarns() throws Exception {
        JsonNode record = Api.body(postAs(regulator, "/api/credit/records", badRecord(member, today))
                .andExpect(status().isCreated()).andReturn());
        postAs(regulator, "/api/credit/records/" + record.get("id").asText() + "/revocation",
                Map.of("reason", "复议撤销")).andExpect(status().isOk())
                .andExpect(jsonPath("$.revokeReason").value("复议撤销"));
        assertThat(check.standing(new MemberId(member), BanScope.ALL, Instant.now())).isInstanceOf(Standing.Clear.class);
        postAs(regulator, "/api/credit/records/" + record.get("id").asText() + "/revocation",
                Map.of("reason", "again")).andExpect(status().isConflict());
    }

    @Test
    void aMemberAsksForACorrectionOfItsOwnRecordOnly() throws Exception {
        JsonNode record = Api.body(postAs(regulator, "/api/credit/records", badRecord(member, today))
                .andExpect(status().isCreated()).andReturn());
        postAs(bidder, "/api/credit/me/records/" + record.get("id").asText() + "/correction-requests",
                Map.of("reason", "该业绩真实，附合同原件")).andExpect(status().isCreated());
        JsonNode foreign = Api.body(postAs(regulator, "/api/credit/records", badRecord(UUID.randomUUID(), today))
                .andExpect(status().isCreated()).andReturn());
        long before = count("credit_correction_request");
        postAs(bidder, "/api/credit/me/records/" + foreign.get("id").asText() + "/correction-requests",
                Map.of("reason", "x")).andExpect(status().isNotFound());
        postAs(bidder, "/api/credit/me/records/" + record.get("id").asText() + "/correction-requests",
                Map.of("reason", " ")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        assertThat(count("credit_correction_request")).isEqualTo(before);
        postAs(bidder, "/api/credit/records", badRecord(member, today)).andExpect(status().isForbidden());
    }

    @Test
    void refusesBansWithBadDatesWrongLengthsOrOverlapsAndWritesNothing() throws Exception {
        long before = count("credit_ban");
        postAs(regulator, "/api/credit/bans", ban(member, "FRAUD", "ALL", today, today.minusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("endsOn"));
        postAs(regulator, "/api/credit/bans", ban(member, "BID_RIGGING_OR_BRIBERY", "ALL", today, today.plusYears(3)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/ban-length"));
        postAs(regulator, "/api/credit/bans", ban(member, "ESPECIALLY_SERIOUS", "ALL", today, today.plusYears(1)))
                .andExpect(status().isUnprocessableContent());
        assertThat(count("credit_ban")).isEqualTo(before);

        postAs(regulator, "/api/credit/bans", ban(member, "FRAUD", "CONSTRUCTION", today, today.plusYears(2)))
                .andExpect(status().isCreated());
        postAs(regulator, "/api/credit/bans", ban(member, "FRAUD", "ALL", today.plusYears(1), today.plusYears(3)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/ban-overlap"));
        postAs(regulator, "/api/credit/bans", ban(member, "FRAUD", "PROCUREMENT", today, today.plusYears(1)))
                .andExpect(status().isCreated());
        assertThat(count("credit_ban")).isEqualTo(before + 2);
    }

    @Test
    void theCreditCheckRefusesBannedMembersAtEveryGateOfTheBannedScope() throws Exception {
        JsonNode banned = Api.body(postAs(regulator, "/api/credit/bans",
                ban(member, "BID_RIGGING_OR_BRIBERY", "CONSTRUCTION", today, today.plusYears(2)))
                .andExpect(status().isCreated()).andReturn());
        Instant now = Instant.now();
        assertThat(check.standing(new MemberId(member), BanScope.CONSTRUCTION, now)).isInstanceOf(Standing.Banned.class);
        assertThat(check.standing(new MemberId(member), BanScope.PROCUREMENT, now)).isInstanceOf(Standing.Warned.class);
        assertThat(check.standing(new MemberId(member), BanScope.ALL, now)).isInstanceOf(Standing.Warned.class);
        assertThat(check.standing(new MemberId(member), BanScope.CONSTRUCTION, now.plusSeconds(3L * 365 * 86400)))
                .isInstanceOf(Standing.Clear.class);
        assertThatThrownBy(() -> check.refuseIfBanned(new MemberId(member), BanScope.CONSTRUCTION, now, "bidder"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo("member-banned");
                    assertThat(e.field()).isEqualTo("bidder");
                });
        MemberId next = new MemberId(UUID.randomUUID());
        assertThat(check.firstEligible(List.of(new MemberId(member), next), BanScope.CONSTRUCTION, now)).contains(next);
        assertThat(check.eligible(new MemberId(member), BanScope.PROCUREMENT, now)).isTrue();

        String publicBans = mvc.perform(get("/api/public/credit/bans")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(publicBans).contains(banned.get("id").asText());

        mvc.perform(get("/api/credit/me/standing").header("Authorization", bearer(bidder)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("WARNED"));

        postAs(regulator, "/api/credit/bans/" + banned.get("id").asText() + "/revocation", Map.of("reason", "复议"))
                .andExpect(status().isOk());
        assertThat(check.standing(new MemberId(member), BanScope.CONSTRUCTION, now)).isInstanceOf(Standing.Clear.class);
    }

    @Test
    void aBanByCreditCodeRefusesRegistrationBeforeAMemberIdExists() throws Exception {
        String code = ("91110000" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toUpperCase();
        Map<String, Object> byCode = ban(member, "FRAUD", "ALL", today, today.plusYears(2));
        byCode.remove("memberId");
        byCode.put("partyCode", code.toLowerCase());
        JsonNode created = Api.body(postAs(regulator, "/api/credit/bans", byCode).andExpect(status().isCreated())
                .andReturn());
        assertThat(created.get("partyCode").asText()).isEqualTo(code);
        Instant now = Instant.now();
        assertThat(check.standingOfCode(code, BanScope.CONSTRUCTION, now)).isInstanceOf(Standing.Banned.class);
        assertThatThrownBy(() -> check.refuseIfCodeBanned(code, BanScope.ALL, now, "uscc"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("uscc"));
        assertThat(check.standingOfCode("91110000MA00000000", BanScope.ALL, now)).isInstanceOf(Standing.Clear.class);

        Map<String, Object> sameCodeWithMember = ban(UUID.randomUUID(), "FRAUD", "CONSTRUCTION", today.plusYears(1),
                today.plusYears(3));
        sameCodeWithMember.put("partyCode", code);
        postAs(regulator, "/api/credit/bans", sameCodeWithMember).andExpect(status().isConflict());

        long before = count("credit_ban");
        Map<String, Object> nobody = ban(member, "FRAUD", "ALL", today, today.plusYears(2));
        nobody.remove("memberId");
        postAs(regulator, "/api/credit/bans", nobody).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("memberId"));
        nobody.put("partyCode", "not-a-code");
        postAs(regulator, "/api/credit/bans", nobody).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("partyCode"));
        assertThat(count("credit_ban")).isEqualTo(before);
    }

    @Test
    void creditDecisionsLandInTheSupervisionLogUnderTheMember() throws Exception {
        postAs(regulator, "/api/credit/bans", ban(member, "FRAUD", "ALL", today, today.plusYears(1)))
                .andExpect(status().isCreated());
        log.flush();
        Long entries = jdbc.sql("select count(*) from supervision_entry where action = 'credit.ban-imposed' "
                + "and subject = ?").param(member.toString()).query(Long.class).single();
        assertThat(entries).isEqualTo(1L);
        assertThat(check.standing(new MemberId(member), BanScope.ALL, Instant.now())).isInstanceOf(Standing.Banned.class);

        // Login stays allowed for a banned member, with a visible notice in the login response.
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", bidderName, "password", PASSWORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accessToken").isNotEmpty())
                .andExpect(jsonPath("$.notices[0]").value(org.hamcrest.Matchers.containsString("禁入期")));
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .content(json(Map.of("username", bidderName, "password", PASSWORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notices[0]").value(org.hamcrest.Matchers.containsString("banned until")));
    }

    @Test
    void aMemberInGoodStandingLogsInWithoutNotices() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", bidderName, "password", PASSWORD))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notices").isEmpty());
    }

    @Test
    void theScoreFallsWithBadRecordsAndIsZeroUnderAGeneralBan() throws Exception {
        mvc.perform(get("/api/credit/members/" + member + "/score").header("Authorization", bearer(regulator)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.score").value(100));
        postAs(regulator, "/api/credit/records", badRecord(member, today)).andExpect(status().isCreated());
        mvc.perform(get("/api/credit/members/" + member + "/score").header("Authorization", bearer(regulator)))
                .andExpect(jsonPath("$.score").value(85)).andExpect(jsonPath("$.badRecords").value(1));
    }
}
