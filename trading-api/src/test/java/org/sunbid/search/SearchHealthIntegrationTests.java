package org.sunbid.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/** The search engine reports its health on the actuator (details for administrators). */
@PlatformTest
class SearchHealthIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theHealthEndpointShowsTheSearchEngineAndItsDocumentCount() throws Exception {
        String admin = Api.login(mvc, Api.ADMIN, Api.ADMIN_PASSWORD);
        JsonNode health = Api.body(mvc.perform(get("/actuator/health").header("Authorization", Api.bearer(admin))).andReturn());
        JsonNode search = health.get("components").get("search");
        assertThat(search.get("status").asText()).isEqualTo("UP");
        assertThat(search.get("details").get("engine").asText()).isEqualTo("lucene");
        assertThat(search.get("details").get("documents").asLong()).isNotNegative();
    }
}
