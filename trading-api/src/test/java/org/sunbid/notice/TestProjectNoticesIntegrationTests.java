package org.sunbid.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountManagement;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectSetup;
import org.sunbid.schedule.PublishedLots;
import org.sunbid.search.SearchManagement;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/**
 * A test project's notices say they are tests — title, body, the JSON view, OCDS, Atom — and public lists, the changes
 * feed, Atom and search leave them out unless asked for with {@code includeTests=true}; a real project's notices are
 * unmarked and listed.
 */
@PlatformTest
class TestProjectNoticesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OpeningKeys openingKeys;

    @Autowired
    ProjectSetup projects;

    @Autowired
    NoticeManagement notices;

    @Autowired
    SearchManagement search;

    @Test
    void aTestProjectsNoticesAreMarkedAndLeftOutOfPublicListsFeedsAndSearchUnlessAsked() throws Exception {
        Instant now = Instant.now();
        var test = PublishedLots.publish(accounts, openingKeys, projects, true, now.plusSeconds(60),
                now.plus(Duration.ofMinutes(25)), now.plus(Duration.ofMinutes(26)));
        var real = PublishedLots.publish(accounts, openingKeys, projects, false, now.plusSeconds(60),
                now.plus(Duration.ofDays(25)), now.plus(Duration.ofDays(26)));
        Notice testNotice = notices.ofProject(ProjectId.of(test.project())).get(0);
        Notice realNotice = notices.ofProject(ProjectId.of(real.project())).get(0);

        assertThat(testNotice.test()).isTrue();
        assertThat(testNotice.title()).startsWith("【测试】");
        assertThat(testNotice.body()).startsWith(NoticeDraft.TEST_NOTE);
        assertThat(realNotice.test()).isFalse();
        assertThat(realNotice.title()).doesNotContain("测试】");
        assertThat(realNotice.body()).doesNotContain("test project");

        // the permalink and OCDS still answer, and say so
        JsonNode view = json(get("/api/public/notices/{id}", testNotice.publicId()));
        assertThat(view.get("test").asBoolean()).isTrue();
        assertThat(json(get("/api/public/notices/{id}", realNotice.publicId())).get("test").asBoolean()).isFalse();
        JsonNode ocds = json(get("/api/public/notices/{id}/ocds", testNotice.publicId()));
        assertThat(ocds.get("tender").get("title").asText()).startsWith("【测试】");

        // public list and changes feed
        assertThat(publicIds(json(get("/api/public/notices").param("limit", "100")).get("items")))
                .contains(realNotice.publicId()).doesNotContain(testNotice.publicId());
        assertThat(publicIds(json(get("/api/public/notices").param("limit", "100").param("includeTests", "true"))
                .get("items"))).contains(realNotice.publicId(), testNotice.publicId());
        String cursor = String.valueOf(testNotice.seq() - 1); // the test project's notice came first
        assertThat(publicIds(json(get("/api/public/changes").param("cursor", cursor)).get("items")))
                .contains(realNotice.publicId()).doesNotContain(testNotice.publicId());
        assertThat(publicIds(json(get("/api/public/changes").param("cursor", cursor).param("includeTests", "true"))
                .get("items"))).contains(testNotice.publicId(), realNotice.publicId());

        // Atom
        String atom = text(get("/api/public/feeds/notices.atom"));
        assertThat(atom).contains(realNotice.publicId()).doesNotContain(testNotice.publicId());
        String atomWithTests = text(get("/api/public/feeds/notices.atom").param("includeTests", "true"));
        assertThat(atomWithTests).contains(testNotice.publicId()).contains("<category term=\"test\"");

        // search
        search.processOutbox();
        assertThat(publicIds(json(get("/api/public/search").param("sort", "date").param("size", "100")).get("hits")))
                .contains(realNotice.publicId()).doesNotContain(testNotice.publicId());
        assertThat(publicIds(json(get("/api/public/search").param("sort", "date").param("size", "100")
                .param("includeTests", "true")).get("hits"))).contains(realNotice.publicId(), testNotice.publicId());
        JsonNode refused = json(get("/api/public/search").param("includeTests", "yes"));
        assertThat(refused.get("field").asText()).isEqualTo("includeTests");
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return Api.body(mvc.perform(request).andReturn());
    }

    private String text(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> publicIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(n -> ids.add(n.get("publicId").asText()));
        return ids;
    }
}
