package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/** The log page names its actors: account ids become people and organisations, and the picker finds them by name. */
@PlatformTest
class LogActorsIntegrationTests {

    static final String PASSWORD = "Regul@tor2026x";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MemberSetup members;

    String signedIn(Role role) throws Exception {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, role, "监管员" + username.substring(username.length() - 8), null);
        return Api.bearer(Api.login(mvc, username, PASSWORD));
    }

    JsonNode call(MockHttpServletRequestBuilder request, String token, int expected) throws Exception {
        return Api.body(mvc.perform(request.header("Authorization", token)).andExpect(status().is(expected)).andReturn());
    }

    @Test
    void namesAMembersLoginByPersonAndOrganisationAndFindsItByEitherName() throws Exception {
        String company = "日志姓名测试" + UUID.randomUUID().toString().substring(0, 6) + "建设有限公司";
        var form = MemberFixtures.company(Role.BIDDER, company);
        var registered = members.registerCompany(form, Map.of());
        String account = registered.accountId().toString();
        String token = signedIn(Role.REGULATOR);

        JsonNode named = call(get("/api/supervision/actors").param("id", account, "system", "not-an-id",
                UUID.randomUUID().toString()), token, 200);
        assertThat(named).hasSize(1);
        assertThat(named.get(0).get("id").asText()).isEqualTo(account);
        assertThat(named.get(0).get("organisation").asText()).isEqualTo(company);
        assertThat(named.get(0).get("role").asText()).isEqualTo("BIDDER");
        assertThat(named.get(0).get("username").asText()).isEqualTo(form.username());

        // the organisation's name finds its login; so does the user name; wildcards are taken literally
        assertThat(call(get("/api/supervision/actors").param("q", company.substring(0, 12)), token, 200))
                .anySatisfy(a -> assertThat(a.get("id").asText()).isEqualTo(account));
        assertThat(call(get("/api/supervision/actors").param("q", form.username()), token, 200))
                .anySatisfy(a -> assertThat(a.get("id").asText()).isEqualTo(account));
        assertThat(call(get("/api/supervision/actors").param("q", "%"), token, 200)).isEmpty();
    }

    @Test
    void refusesTooManyIdsAndAnyoneButRegulatorsAndAdministrators() throws Exception {
        String token = signedIn(Role.REGULATOR);
        var request = get("/api/supervision/actors");
        for (int i = 0; i <= LogActors.MAX_IDS; i++) {
            request.param("id", UUID.randomUUID().toString());
        }
        JsonNode problem = call(request, token, 400);
        assertThat(problem.toString()).contains("id");
        call(get("/api/supervision/actors").param("q", "监管"), signedIn(Role.STAFF), 403);
        assertThat(mvc.perform(get("/api/supervision/actors").param("q", "监管")).andReturn().getResponse().getStatus())
                .isIn(401, 403);
    }
}
