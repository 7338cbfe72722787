package org.sunbid.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.support.Api;
import org.sunbid.support.Browser;
import tools.jackson.databind.JsonNode;

/** The application's API over HTTP, as a client would call it, for browser tests that prepare data. */
final class PortalApi {

    static final String PASSWORD = "Sunbid@Test2026";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PortalApi() {
    }

    static JsonNode call(Browser browser, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Api.json(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body().isEmpty() ? null : Api.JSON.readTree(response.body());
    }

    /** The bytes of an authenticated GET (a PDF, say). */
    static byte[] bytes(Browser browser, String path, String token) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(browser.base() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    /** POSTs a PDF and expects success. */
    static void upload(Browser browser, String path, String token, byte[] pdf) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(browser.base() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isEqualTo(200);
    }

    static String login(Browser browser, String username) throws Exception {
        return call(browser, "POST", "/api/auth/login", null, Map.of("username", username, "password", PASSWORD))
                .get("accessToken").asText();
    }

    /** A tenderee registers and submits an open tender; returns the project's id, its tenderee's token and username. */
    static String[] submittedProject(Browser browser, AccountManagement accounts, String name) throws Exception {
        String tenderee = "tenderee-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createMemberAccount(tenderee, PASSWORD, Role.TENDEREE, MemberId.of(UUID.randomUUID()), "西湖区城建中心");
        String token = login(browser, tenderee);
        String id = call(browser, "POST", "/api/projects", token, ProjectFixtures.openTender(name)).get("id").asText();
        call(browser, "POST", "/api/projects/" + id + "/submit", token, null);
        return new String[] { id, token, tenderee };
    }
}
