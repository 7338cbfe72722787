package org.sunbid.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/** The bidder portal's list of projects open for bidding: published, deadline ahead, soonest first. */
@PlatformTest
class OpenForBiddingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void listsPublishedProjectsWhoseDeadlineIsAheadSoonestFirstToBiddersOnly() throws Exception {
        ProjectFixtures.Member tenderee = ProjectFixtures.memberAccount(accounts, Role.TENDEREE);
        String tendereeToken = Api.login(mvc, tenderee.username(), ProjectFixtures.PASSWORD);
        String staff = Api.login(mvc, ProjectFixtures.platformAccount(accounts, Role.STAFF), ProjectFixtures.PASSWORD);
        String regulator = Api.login(mvc, ProjectFixtures.platformAccount(accounts, Role.REGULATOR), ProjectFixtures.PASSWORD);
        String bidder = Api.login(mvc, ProjectFixtures.memberAccount(accounts, Role.BIDDER).username(),
                ProjectFixtures.PASSWORD);

        UUID later = publish(tendereeToken, staff, regulator, ProjectFixtures.openTender("晚截止工程"));
        Map<String, Object> soonerForm = ProjectFixtures.openTender("早截止工程");
        soonerForm.put("bidDeadline", java.time.Instant.now().plus(Duration.ofDays(21)).toString());
        soonerForm.put("openingAt", java.time.Instant.now().plus(Duration.ofDays(21)).plusSeconds(1800).toString());
        UUID sooner = publish(tendereeToken, staff, regulator, soonerForm);
        UUID draft = UUID.fromString(call(as(tendereeToken, post("/api/projects"))
                .content(Api.json(ProjectFixtures.openTender("草稿工程"))), 201).get("id").asText());

        List<String> open = ids(call(as(bidder, get("/api/projects/open-for-bidding")), 200));
        assertThat(open).contains(sooner.toString(), later.toString()).doesNotContain(draft.toString());
        assertThat(open.indexOf(sooner.toString())).isLessThan(open.indexOf(later.toString()));
        JsonNode listed = call(as(bidder, get("/api/projects/open-for-bidding")), 200);
        assertThat(listed.toString()).doesNotContain("9500000");

        // past the sooner deadline only the later project is still open
        clock.advance(Duration.ofDays(22));
        List<String> after = ids(call(as(bidder, get("/api/projects/open-for-bidding")), 200));
        assertThat(after).contains(later.toString()).doesNotContain(sooner.toString());

        assertThat(call(as(tendereeToken, get("/api/projects/open-for-bidding")), 403).get("status").asInt()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/projects/open-for-bidding")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private UUID publish(String tenderee, String staff, String regulator, Map<String, Object> form) throws Exception {
        UUID id = UUID.fromString(call(as(tenderee, post("/api/projects")).content(Api.json(form)), 201).get("id").asText());
        call(as(tenderee, post("/api/projects/{id}/submit", id)), 200);
        call(as(staff, post("/api/projects/{id}/accept", id)), 200);
        call(multipart("/api/projects/{id}/documents", id)
                .file(new MockMultipartFile("file", "招标文件.pdf", "application/pdf", "招标文件".getBytes()))
                .header("Authorization", Api.bearer(tenderee)), 201);
        for (String token : List.of(staff, regulator)) {
            for (String item : List.of("ANNOUNCEMENT", "TENDER_DOCUMENTS")) {
                call(as(token, post("/api/projects/{id}/review", id))
                        .content(Api.json(Map.of("item", item, "version", 1, "decision", "APPROVE"))), 200);
            }
        }
        call(as(tenderee, post("/api/projects/{id}/publish", id)), 200);
        return id;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    private MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON);
    }

    private JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        String body = r.getResponse().getContentAsString();
        return body.isEmpty() ? null : Api.body(r);
    }
}
