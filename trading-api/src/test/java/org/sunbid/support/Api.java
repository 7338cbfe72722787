package org.sunbid.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers for calling the API in tests: JSON bodies and logins. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Admin@Sunbid2026";

    private Api() {
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonNode body(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Logs in with a password and returns the access token; fails the test if login fails. */
    public static String login(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", username, "password", password)))).andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("login of " + username + " failed: " + result.getResponse().getContentAsString());
        }
        return body(result).get("accessToken").asText();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
