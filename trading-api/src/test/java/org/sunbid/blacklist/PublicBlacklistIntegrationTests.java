package org.sunbid.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.credit.CreditFixtures;
import org.sunbid.credit.CreditManagement;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

@PlatformTest
class PublicBlacklistIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MemberSetup members;

    @Test
    void anyoneSeesBansAndBadRecordsWithTheCompanysNameButNotAnExpertsName() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount("blreg-" + suffix, "Regulator#2026", Role.REGULATOR, "监管员", null);
        String regulator = Api.login(mvc, "blreg-" + suffix, "Regulator#2026");
        UUID company = MemberFixtures.approved(members, Role.BIDDER).memberId();
        String companyName = members.find(company).orElseThrow().name();
        UUID expert = MemberFixtures.approved(members, Role.EXPERT).memberId();
        LocalDate today = LocalDate.now(CreditManagement.ZONE);

        JsonNode ban = post(regulator, "/api/credit/bans", CreditFixtures.ban(company, "FRAUD", "CONSTRUCTION", today, today.plusYears(1)));
        JsonNode companyRecord = post(regulator, "/api/credit/records", CreditFixtures.badRecord(company, today));
        JsonNode expertRecord = post(regulator, "/api/credit/records", CreditFixtures.badRecord(expert, today));

        JsonNode bans = Api.body(mvc.perform(get("/api/public/blacklist/bans")).andExpect(status().isOk()).andReturn());
        JsonNode listed = find(bans, "ban", ban.get("id").asText());
        assertThat(listed.get("partyName").asText()).isEqualTo(companyName);
        assertThat(listed.get("ban").get("memberId").asText()).isEqualTo(company.toString());

        JsonNode records = Api.body(mvc.perform(get("/api/public/blacklist/bad-records")).andExpect(status().isOk())
                .andReturn());
        assertThat(find(records, "record", companyRecord.get("id").asText()).get("partyName").asText())
                .isEqualTo(companyName);
        assertThat(find(records, "record", expertRecord.get("id").asText()).get("partyName").isNull()).isTrue();
    }

    private static JsonNode find(JsonNode list, String field, String id) {
        for (JsonNode item : list) {
            if (item.get(field).get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not listed in " + list);
    }

    private JsonNode post(String token, String url, Map<String, Object> body) throws Exception {
        return Api.body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON).content(Api.json(body)))
                .andExpect(status().isCreated()).andReturn());
    }
}
