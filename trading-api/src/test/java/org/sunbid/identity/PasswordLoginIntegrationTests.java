package org.sunbid.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

@PlatformTest
class PasswordLoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Test
    void adminFromConfigurationLogsInAndSeesItsAccount() throws Exception {
        String token = Api.login(mvc, Api.ADMIN, Api.ADMIN_PASSWORD);
        mvc.perform(get("/api/accounts/me").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
    }

    @Test
    void refusesAnonymousCallsToProtectedApiWithProblemJson() throws Exception {
        mvc.perform(get("/api/accounts/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/unauthorized"));
    }

    @Test
    void fiveFailuresSlowDownThatAddressForThatNameButNeverLockTheAccount() throws Exception {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, "Right#Passw0rd", Role.STAFF, "测试员", null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/auth/login").with(from("203.0.113.7")).contentType(MediaType.APPLICATION_JSON)
                    .content(json(Map.of("username", username, "password", "Wrong#Passw0rd"))))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.field").value("password"));
        }
        mvc.perform(post("/api/auth/login").with(from("203.0.113.7")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", username, "password", "Right#Passw0rd"))))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/too-many-attempts"))
                .andExpect(jsonPath("$.retryAfter").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThan(0), org.hamcrest.Matchers.lessThanOrEqualTo(30))));
        // the owner, from their own address, is not locked out by someone failing with their name elsewhere
        mvc.perform(post("/api/auth/login").with(from("198.51.100.20")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", username, "password", "Right#Passw0rd"))))
                .andExpect(status().isOk());
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void passwordChangeRevokesEarlierTokens() throws Exception {
        String username = "reg-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, "First#Passw0rd", Role.REGULATOR, "监管员", null);
        String token = Api.login(mvc, username, "First#Passw0rd");
        mvc.perform(post("/api/accounts/me/password").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("currentPassword", "First#Passw0rd", "newPassword", "Second#Passw0rd"))))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/accounts/me").header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized());
        assertThat(Api.login(mvc, username, "Second#Passw0rd")).isNotBlank();
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesTheAccountsTokens() throws Exception {
        var login = Api.body(mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD)))).andReturn());
        String refresh = login.get("refreshToken").asText();
        var rotated = Api.body(mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("refreshToken", refresh)))).andExpect(status().isOk()).andReturn());
        assertThat(rotated.get("refreshToken").asText()).isNotEqualTo(refresh);
        mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("refreshToken", refresh))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.field").value("refreshToken"));
        mvc.perform(get("/api/accounts/me").header("Authorization", bearer(rotated.get("accessToken").asText())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void malformedJsonGetsProblemInEnglishWhenAsked() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .content("{\"username\": 1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/malformed-body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid JSON")));
    }

    @Test
    void onlyAdminsCreatePlatformAccounts() throws Exception {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, "Staff#Passw0rd", Role.STAFF, "窗口人员", null);
        String staff = Api.login(mvc, username, "Staff#Passw0rd");
        mvc.perform(post("/api/admin/accounts").header("Authorization", bearer(staff))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "x-" + username, "password", "Staff#Passw0rd", "role", "STAFF",
                        "displayName", "x"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/forbidden"));
        String admin = Api.login(mvc, Api.ADMIN, Api.ADMIN_PASSWORD);
        mvc.perform(post("/api/admin/accounts").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "x-" + username, "password", "Staff#Passw0rd", "role", "SUPERUSER",
                        "displayName", "x"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("role"));
    }
}
