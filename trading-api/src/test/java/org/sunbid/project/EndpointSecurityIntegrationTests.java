package org.sunbid.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunbid.support.PlatformTest;

/** Every non-public endpoint of projects, notices and search carries @PreAuthorize; anonymous callers get 401. */
@PlatformTest
class EndpointSecurityIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;

    @Test
    void everyNonPublicEndpointOfTheseFeaturesDeclaresWhoMayCallIt() {
        List<String> unguarded = new ArrayList<>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            String type = entry.getValue().getBeanType().getName();
            if (!type.startsWith("org.sunbid.project.") && !type.startsWith("org.sunbid.notice.")
                    && !type.startsWith("org.sunbid.search.")) {
                continue;
            }
            for (String path : entry.getKey().getPatternValues()) {
                checked++;
                if (!path.startsWith("/api/public/") && !entry.getValue().hasMethodAnnotation(PreAuthorize.class)) {
                    unguarded.add(path + " " + entry.getValue().getMethod().getName());
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(unguarded).isEmpty();
    }

    @Test
    void anonymousCallersGetUnauthorizedOutsideThePublicApi() throws Exception {
        mvc.perform(get("/api/projects")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/projects/{id}/publish", java.util.UUID.randomUUID())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/public/notices")).andExpect(status().isOk());
        mvc.perform(get("/api/public/classification-codes")).andExpect(status().isOk());
    }
}
