package org.sunbid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.sunbid.support.Api.bearer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunbid.identity.Role;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.RoleTokens;

/**
 * Every GET handler under /api/, present and future, refuses a query parameter it does not read with a 400 naming
 * it, whichever role may call it: {@code /api/archives?projectId=} must not silently return every project.
 */
@PlatformTest
class EveryApiHandlerRefusesUnknownParametersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RoleTokens roleTokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyGetEndpointNamesAnUnknownQueryParameter() throws Exception {
        Map<Role, String> tokens = roleTokens.oneAccountPerRole();
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            if (!info.getMethodsCondition().getMethods().contains(
                    org.springframework.web.bind.annotation.RequestMethod.GET)) {
                continue;
            }
            boolean takesAll = java.util.Arrays.stream(entry.getValue().getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestParam.class)
                            && Map.class.isAssignableFrom(p.getParameterType()));
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || takesAll) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                MvcResult result = null;
                List<String> callers = new ArrayList<>(List.of(""));
                tokens.values().forEach(callers::add);
                for (String token : callers) {
                    var request = get(path + "?zzUnknown=1");
                    if (!token.isEmpty()) {
                        request.header("Authorization", bearer(token));
                    }
                    result = mvc.perform(request).andReturn();
                    int status = result.getResponse().getStatus();
                    if (status != 401 && status != 403) {
                        break;
                    }
                }
                checked.add(pattern);
                String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                if (result.getResponse().getStatus() != 400 || !body.contains("unknown-parameter")
                        || !Api.body(result).path("field").asText().equals("zzUnknown")) {
                    wrong.add(HttpMethod.GET + " " + pattern + " -> " + result.getResponse().getStatus() + " " + body);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(30).contains("/api/archives", "/api/members/me");
        assertThat(wrong).isEmpty();
    }
}
