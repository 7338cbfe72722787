package org.sunbid.schedule;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.sunbid.support.Api;

/** Accounts and rooms for schedule tests. */
final class ScheduleFixtures {

    static final String PASSWORD = "Staff@Sunbid2026";

    private ScheduleFixtures() {
    }

    /** Creates a platform account with the role and returns its access token. */
    static String platformUser(MockMvc mvc, String role) throws Exception {
        String admin = Api.login(mvc, Api.ADMIN, Api.ADMIN_PASSWORD);
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        MvcResult created = mvc.perform(post("/api/admin/accounts").header(HttpHeaders.AUTHORIZATION, Api.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("username", username, "password",
                        PASSWORD, "role", role, "displayName", role + " 测试"))))
                .andReturn();
        if (created.getResponse().getStatus() != 201) {
            throw new AssertionError("account not created: " + created.getResponse().getContentAsString());
        }
        return Api.login(mvc, username, PASSWORD);
    }

    static UUID accountIdOf(MockMvc mvc, String token) throws Exception {
        MvcResult me = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/accounts/me").header(HttpHeaders.AUTHORIZATION, Api.bearer(token))).andReturn();
        return UUID.fromString(Api.body(me).get("id").asText());
    }

    /** Creates a room and returns its id. */
    static UUID room(MockMvc mvc, String token, String name, String kind) throws Exception {
        MvcResult created = mvc.perform(post("/api/schedule/rooms").header(HttpHeaders.AUTHORIZATION, Api.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", name, "kind", kind,
                        "capacity", 40, "equipment", java.util.List.of("投影仪", "录音录像"), "isolatedNetwork",
                        kind.equals("EVALUATION_ROOM"), "location", "交易中心三楼"))))
                .andReturn();
        if (created.getResponse().getStatus() != 201) {
            throw new AssertionError("room not created: " + created.getResponse().getContentAsString());
        }
        return UUID.fromString(Api.body(created).get("id").asText());
    }

    /** Books a room for a lot (as {@code token}); {@code host} may be null. */
    static MvcResult book(MockMvc mvc, String token, UUID room, UUID lot, String purpose, String title,
            java.time.Instant start, java.time.Instant end, UUID host) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("roomId", room.toString());
        body.put("lotId", lot.toString());
        body.put("purpose", purpose);
        body.put("title", title);
        body.put("startsAt", start.toString());
        body.put("endsAt", end.toString());
        if (host != null) {
            body.put("staffId", host.toString());
        }
        return mvc.perform(post("/api/schedule/bookings").header(HttpHeaders.AUTHORIZATION, Api.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(Api.json(body))).andReturn();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
