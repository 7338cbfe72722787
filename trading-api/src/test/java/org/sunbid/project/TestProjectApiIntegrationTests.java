package org.sunbid.project;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

/** A tenderee registers a test project over the API; its 20-day bid period runs on the accelerated clock. */
@PlatformTest
class TestProjectApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Test
    void aTestProjectMayHaveMinutesWhereARealOneNeedsDays() throws Exception {
        var tenderee = ProjectFixtures.memberAccount(accounts, Role.TENDEREE);
        String token = Api.login(mvc, tenderee.username(), ProjectFixtures.PASSWORD);
        Map<String, Object> r = new HashMap<>(ProjectFixtures.openTender("加速时钟测试项目"));
        Instant now = Instant.now();
        r.put("documentsOnSaleFrom", now.plusSeconds(30).toString());
        r.put("documentsOnSaleUntil", now.plus(Duration.ofMinutes(6)).toString());
        r.put("bidDeadline", now.plus(Duration.ofMinutes(25)).toString());
        r.put("openingAt", now.plus(Duration.ofMinutes(25)).toString());
        mvc.perform(post("/api/projects").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(r)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/bid-period-minimum"));
        mvc.perform(post("/api/test-projects").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json(r)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.testProject").value(true));
        String staff = Api.login(mvc, ProjectFixtures.platformAccount(accounts, Role.STAFF), ProjectFixtures.PASSWORD);
        mvc.perform(post("/api/test-projects").header("Authorization", bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).content(json(r)))
                .andExpect(status().isForbidden());
    }
}
