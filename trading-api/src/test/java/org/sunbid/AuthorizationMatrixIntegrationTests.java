package org.sunbid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.support.Api;
import tools.jackson.databind.node.ObjectNode;

/**
 * For every endpoint group of the member registry and identity (public registration, member self-service, staff
 * review, admin accounts): anonymous gets 401, a wrong role 403, a right role 2xx.
 */
@org.sunbid.support.PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

    static final Set<Role> MEMBERS = EnumSet.of(Role.BIDDER, Role.TENDEREE, Role.AGENT, Role.EXPERT);
    static final Set<Role> COMPANIES = EnumSet.of(Role.BIDDER, Role.TENDEREE, Role.AGENT);
    static final Set<Role> READERS = EnumSet.of(Role.STAFF, Role.REGULATOR, Role.ADMIN);
    static final Set<Role> REVIEWERS = EnumSet.of(Role.STAFF, Role.ADMIN);
    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberSetup members;

    @Autowired
    AccountManagement accounts;

    final Map<Role, String> tokens = new EnumMap<>(Role.class);

    @BeforeAll
    void oneAccountPerRole() throws Exception {
        for (Role role : MEMBERS) {
            tokens.put(role, Api.login(mvc, MemberFixtures.approved(members, role).username(), MemberFixtures.PASSWORD));
        }
        for (Role role : List.of(Role.CUSTODIAN, Role.STAFF, Role.REGULATOR)) {
            String username = MemberFixtures.username(role.name().toLowerCase());
            accounts.createPlatformAccount(username, MemberFixtures.PASSWORD, role, "测试 " + role, null);
            tokens.put(role, Api.login(mvc, username, MemberFixtures.PASSWORD));
        }
        tokens.put(Role.ADMIN, Api.login(mvc, Api.ADMIN, Api.ADMIN_PASSWORD));
    }

    /** One endpoint: how to call it (fresh for each caller), who may, and the success status. */
    record Case(String name, Supplier<MockHttpServletRequestBuilder> call, Set<Role> allowed, int ok) {
    }

    private UUID pending() {
        return members.registerCompany(MemberFixtures.company(Role.BIDDER, "待审核有限公司"), Map.of()).id();
    }

    private static MockHttpServletRequestBuilder call(HttpMethod method, String path, Object body) {
        var builder = request(method, path);
        return body == null ? builder : builder.contentType(MediaType.APPLICATION_JSON).content(json(body));
    }

    private List<Case> cases() {
        UUID someone = pending();
        return List.of(
                // staff review
                new Case("search members", () -> call(HttpMethod.GET, "/api/members", null), READERS, 200),
                new Case("member details", () -> call(HttpMethod.GET, "/api/members/" + someone, null), READERS, 200),
                new Case("related members", () -> call(HttpMethod.GET, "/api/members/" + someone + "/related", null),
                        READERS, 200),
                new Case("member history", () -> call(HttpMethod.GET, "/api/members/" + someone + "/history", null),
                        READERS, 200),
                new Case("approve", () -> call(HttpMethod.POST, "/api/members/" + pending() + "/approval", null),
                        REVIEWERS, 200),
                new Case("return", () -> call(HttpMethod.POST, "/api/members/" + pending() + "/return",
                        Map.of("reason", "资料不全")), REVIEWERS, 200),
                // member self-service
                new Case("own record", () -> call(HttpMethod.GET, "/api/members/me", null), MEMBERS, 200),
                new Case("own qualifications",
                        () -> call(HttpMethod.GET, "/api/members/me/qualifications/expiring", null), MEMBERS, 200),
                new Case("own certificates", () -> call(HttpMethod.GET, "/api/members/me/certificates", null), MEMBERS,
                        200),
                // admin accounts
                new Case("list platform accounts", () -> call(HttpMethod.GET, "/api/admin/accounts", null),
                        EnumSet.of(Role.ADMIN), 200),
                new Case("create platform account", () -> call(HttpMethod.POST, "/api/admin/accounts",
                        Map.of("username", MemberFixtures.username("reg"), "password", MemberFixtures.PASSWORD, "role",
                                "REGULATOR", "displayName", "监管员")), EnumSet.of(Role.ADMIN), 201),
                // any account
                new Case("own account", () -> call(HttpMethod.GET, "/api/accounts/me", null), EVERYONE, 200));
    }

    @Test
    void protectedEndpointsAdmitExactlyTheirRoles() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            int anonymous = mvc.perform(c.call().get()).andReturn().getResponse().getStatus();
            if (anonymous != 401) {
                wrong.add(c.name() + " anonymous -> " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = mvc.perform(c.call().get().header("Authorization", bearer(tokens.get(role)))).andReturn()
                        .getResponse().getStatus();
                int expected = c.allowed().contains(role) ? c.ok() : 403;
                if (status != expected) {
                    wrong.add(c.name() + " as " + role + " -> " + status + " (expected " + expected + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void profileEditsAdmitOnlyTheMatchingKindOfMember() throws Exception {
        for (Role role : Role.values()) {
            String token = tokens.get(role);
            boolean company = COMPANIES.contains(role);
            Object body = Map.of("name", "x");
            if (company) {
                ObjectNode own = (ObjectNode) Api.body(mvc.perform(request(HttpMethod.GET, "/api/members/me")
                        .header("Authorization", bearer(token))).andReturn()).get("company");
                own.remove("regionName");
                body = own;
            }
            int status = mvc.perform(call(HttpMethod.PUT, "/api/members/me/profile", body)
                    .header("Authorization", bearer(token))).andReturn().getResponse().getStatus();
            assertThat(status).as(role.name()).isEqualTo(company ? 200 : 403);
        }
        for (Role role : Role.values()) {
            Object body = Map.of("name", "x");
            if (role == Role.EXPERT) {
                ObjectNode own = (ObjectNode) Api.body(mvc.perform(request(HttpMethod.GET, "/api/members/me")
                        .header("Authorization", bearer(tokens.get(role)))).andReturn()).get("expert");
                own.remove("eligibleForPool");
                body = own;
            }
            int status = mvc.perform(call(HttpMethod.PUT, "/api/members/me/expert-profile", body)
                    .header("Authorization", bearer(tokens.get(role)))).andReturn().getResponse().getStatus();
            assertThat(status).as(role.name()).isEqualTo(role == Role.EXPERT ? 200 : 403);
        }
        assertThat(mvc.perform(call(HttpMethod.PUT, "/api/members/me/profile", Map.of("name", "x"))).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void publicRegistrationAndDirectoryNeedNoToken() throws Exception {
        assertThat(mvc.perform(call(HttpMethod.POST, "/api/public/members/registrations",
                MemberFixtures.companyJson("AGENT", "公开注册招标代理有限公司"))).andReturn().getResponse().getStatus())
                .isEqualTo(201);
        assertThat(mvc.perform(call(HttpMethod.POST, "/api/public/experts/registrations",
                MemberFixtures.expert("SENIOR", 10))).andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(mvc.perform(call(HttpMethod.GET, "/api/public/agencies", null)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(call(HttpMethod.GET, "/api/public/regions", null)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }
}
