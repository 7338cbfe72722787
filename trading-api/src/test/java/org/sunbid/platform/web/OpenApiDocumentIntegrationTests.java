package org.sunbid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

/**
 * /v3/api-docs describes what the API really does: no injected parameters, security and problem+json errors on
 * every operation, and real requests and responses validate against the schemas it states.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    JsonNode doc;

    @BeforeAll
    void readDocument() throws Exception {
        String text = mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "api-docs.json"), text);
        doc = JSON.readTree(text);
    }

    private List<String> operations(java.util.function.BiPredicate<String, JsonNode> wrong) {
        List<String> found = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (wrong.test(path.getKey(), op.getValue())) {
                found.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return found;
    }

    @Test
    void noOperationShowsTheInjectedCallerAsAParameterOrBody() {
        assertThat(doc.get("paths").size()).isGreaterThan(50);
        assertThat(operations((path, op) -> op.path("parameters").findValuesAsText("name").contains("user")))
                .isEmpty();
        assertThat(operations((path, op) -> op.path("requestBody").toString().contains("CurrentUser"))).isEmpty();
        assertThat(doc.path("components").path("schemas").has("CurrentUser")).isFalse();
    }

    @Test
    void everyOperationStatesItsSecurityAndItsProblemResponses() {
        assertThat(operations((path, op) -> !op.has("security"))).isEmpty();
        assertThat(operations((path, op) -> path.startsWith("/api/") && !path.startsWith("/api/public/")
                && !path.startsWith("/api/auth/") && op.get("security").isEmpty())).isEmpty();
        assertThat(operations((path, op) -> !op.path("responses").has("400")
                || !op.path("responses").path("400").path("content").has("application/problem+json"))).isEmpty();
        assertThat(operations((path, op) -> !op.get("security").isEmpty()
                && !(op.path("responses").has("401") && op.path("responses").has("403")))).isEmpty();
        assertThat(doc.at("/paths/~1api~1public~1notices/get/security").isEmpty()).isTrue();
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void signedBinaryAndMultipartRequestFormatsAreDescribedAndTheirExamplesMatchTheirSchemas() throws Exception {
        JsonNode formats;
        try (var in = getClass().getResourceAsStream(RequestFormats.RESOURCE)) {
            formats = JSON.readTree(in);
        }
        assertThat(formats.size()).isGreaterThanOrEqualTo(9);
        for (var entry : formats.properties()) {
            String[] key = entry.getKey().split(" ", 2);
            String method = key[0].toLowerCase(java.util.Locale.ROOT);
            JsonNode operation = doc.at(pointer(key[1], method, ""));
            assertThat(operation.isMissingNode()).as("operation " + entry.getKey()).isFalse();
            if (entry.getValue().has("description")) {
                assertThat(operation.path("description").asText()).as(entry.getKey())
                        .contains(entry.getValue().get("description").asText());
            }
            if (entry.getValue().has("example")) {
                JsonNode example = operation.at("/requestBody/content/application~1json/example");
                assertThat(example).as(entry.getKey()).isEqualTo(entry.getValue().get("example"));
                assertValid(pointer(key[1], method, "/requestBody/content/application~1json/schema"),
                        example.toString());
            }
        }
        assertThat(doc.at(pointer("/api/bids/uploads/{id}", "put", "/requestBody/content")).has(
                "application/octet-stream")).isTrue();
        assertThat(doc.at(pointer("/api/public/members/registrations", "post",
                "/requestBody/content/multipart~1form-data/schema/properties")).has("qualifications[0].scan")).isTrue();
        assertThat(doc.at(pointer("/api/bids/uploads/{id}/complete", "post", "/description")).asText())
                .contains("CMS SignedData, content attached").contains("\"sha256\"");
        assertThat(doc.at(pointer("/api/openings/{projectId}/{lotId}/shares", "post", "/description")).asText())
                .contains("detached CMS SignedData");
    }

    private void assertValid(String pointerToSchema, String json) throws Exception {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", doc.get("components"));
        JsonNode target = doc.at(pointerToSchema);
        assertThat(target.isMissingNode()).as("schema at " + pointerToSchema).isFalse();
        target.properties().forEach(e -> schema.set(e.getKey(), e.getValue()));
        var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        assertThat(validator.validate(JSON.readTree(json))).as(pointerToSchema + " against " + json).isEmpty();
    }

    private static String pointer(String path, String method, String rest) {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + rest;
    }

    private String call(MockHttpServletRequestBuilder request, int status, String path, String method)
            throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String type = result.getResponse().getContentType();
        String media = type != null && type.startsWith("application/problem+json") ? "application~1problem+json"
                : "*~1*";
        JsonNode content = doc.at(pointer(path, method, "/responses/" + status + "/content"));
        String chosen = content.has("application/problem+json") && media.startsWith("application~1problem")
                ? "application~1problem+json" : content.fieldNames().hasNext()
                        ? content.fieldNames().next().replace("/", "~1") : media;
        assertValid(pointer(path, method, "/responses/" + status + "/content/" + chosen + "/schema"), body);
        return body;
    }

    @Test
    void realRequestsAndResponsesMatchTheDocument() throws Exception {
        Map<String, String> login = Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD);
        assertValid(pointer("/api/auth/login", "post", "/requestBody/content/application~1json/schema"), json(login));
        String tokens = call(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(json(login)), 200,
                "/api/auth/login", "post");
        String token = JSON.readTree(tokens).get("accessToken").asText();
        call(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "nobody", "password", "x"))), 401, "/api/auth/login", "post");
        call(get("/api/accounts/me").header("Authorization", bearer(token)), 200, "/api/accounts/me", "get");
        call(get("/api/accounts/me"), 401, "/api/accounts/me", "get");
        call(get("/api/public/notices"), 200, "/api/public/notices", "get");
        call(get("/api/projects/" + UUID.randomUUID()).header("Authorization", bearer(token)), 404,
                "/api/projects/{id}", "get");
        call(get("/api/archives?projectId=x").header("Authorization", bearer(token)), 400, "/api/archives", "get");
        Map<String, String> challenge = Map.of("username", "nobody-" + UUID.randomUUID());
        assertValid(pointer("/api/auth/challenges", "post", "/requestBody/content/application~1json/schema"),
                json(challenge));
        call(post("/api/auth/challenges").contentType(MediaType.APPLICATION_JSON).content(json(challenge)), 201,
                "/api/auth/challenges", "post");
    }
}
