package org.sunbid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;
import org.sunbid.identity.Role;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.RoleTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads /v3/api-docs and sends every operation mutated paths, query parameters and bodies, anonymously and as each
 * role, seeded and bounded in time: no answer may be a 5xx, every error must be problem+json with a platform type.
 * Operations added by later features are fuzzed too, since the list comes from the document.
 * Reproduce a run with {@code -Dsunbid.fuzz.seed=<seed>}; {@code -Dsunbid.fuzz.seconds} bounds it (default 30).
 */
@PlatformTest
class ApiFuzzIntegrationTests {

    static final long SEED = Long.getLong("sunbid.fuzz.seed", 19L);
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("sunbid.fuzz.seconds", 30L));
    static final int MAX_ROUNDS = 18;
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    static final String[] STRINGS = { "", "x", "-1", "0", "1e309", "true", "null", "2026-13-45", "2026-12-03T00:00:00Z",
            "中文名称", "' OR 1=1--", "<script>alert(1)</script>", "../../etc/passwd", "\u0000", "a\u202egpj.exe",
            "\uD800", "%FF", "9".repeat(40), "a".repeat(5000) };
    static final String[] PATH_VALUES = { "0", "-1", "abc", "99999999999999999999", "中文", "null", "a".repeat(300),
            "2026", "..", "%" };

    @Autowired
    MockMvc mvc;

    @Autowired
    RoleTokens roleTokens;

    JsonNode components;

    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyOperationAnswersMutatedInputWithoutServerErrorsAndWithProblemJson() throws Exception {
        JsonNode doc = Api.body(mvc.perform(get("/v3/api-docs")).andReturn());
        components = doc.path("components");
        List<Operation> operations = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        Map<Role, String> tokens = roleTokens.oneAccountPerRole();
        List<String> callers = new ArrayList<>();
        callers.add(null);
        callers.addAll(tokens.values());
        List<String> roles = new ArrayList<>(List.of("anonymous"));
        tokens.keySet().forEach(r -> roles.add(r.name()));

        long deadline = System.nanoTime() + BUDGET.toNanos();
        Set<String> exercised = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS && (round == 0 || System.nanoTime() < deadline); round++) {
            for (int i = 0; i < operations.size(); i++) {
                if (round > 0 && System.nanoTime() > deadline) {
                    break;
                }
                Operation op = operations.get(i);
                int caller = (i + round) % callers.size();
                Random random = new Random(SEED * 31 + op.toString().hashCode() * 17L + round);
                String mutation = "seed=" + SEED + " round=" + round + " as " + roles.get(caller);
                MvcResult result;
                try {
                    result = mvc.perform(mutate(op, random, callers.get(caller))).andReturn();
                } catch (Exception e) {
                    failures.add(op + " " + mutation + " threw " + e);
                    continue;
                }
                sent++;
                exercised.add(op.toString());
                String failure = judge(result);
                if (failure != null && failures.size() < 40) {
                    failures.add(op + " " + mutation + " " + result.getRequest().getRequestURI() + " -> " + failure);
                }
            }
        }
        System.out.printf("fuzz: %d operations, %d requests, seed %d%n", operations.size(), sent, SEED);
        assertThat(operations).hasSizeGreaterThan(50);
        assertThat(exercised).hasSameSizeAs(operations);
        assertThat(failures).isEmpty();
    }

    /** Null when the answer is acceptable; otherwise what is wrong with it. */
    static String judge(MvcResult result) throws Exception {
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String snippet = body.length() > 300 ? body.substring(0, 300) : body;
        if (status >= 500) {
            return status + " " + snippet;
        }
        if (status >= 400) {
            String type = String.valueOf(result.getResponse().getContentType());
            if (!type.startsWith("application/problem+json")) {
                return status + " with " + type + ": " + snippet;
            }
            JsonNode problem = Api.JSON.readTree(body);
            if (!problem.path("type").asText().startsWith("https://sunbid.org/problems/")
                    || problem.path("status").asInt() != status) {
                return status + " without a platform problem type: " + snippet;
            }
            if (problem.path("detail").asText().matches("(?s).*\\b[A-Z]\\w*Exception\\b.*")) {
                return status + " names an exception class: " + snippet;
            }
        }
        return null;
    }

    AbstractMockHttpServletRequestBuilder<?> mutate(Operation op, Random random, String token) {
        StringBuilder uri = new StringBuilder();
        Matcher m = PATH_VARIABLE.matcher(op.path());
        while (m.find()) {
            String value = random.nextInt(3) == 0 ? pick(random, PATH_VALUES) : UUID.randomUUID().toString();
            m.appendReplacement(uri, Matcher.quoteReplacement(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(uri);
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : op.spec().path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextInt(10) < 7) {
                JsonNode sampled = sample(parameter.path("schema"), random, 0);
                String value = random.nextBoolean() ? pick(random, STRINGS)
                        : sampled.isValueNode() ? sampled.asText() : sampled.toString();
                query.add(UriUtils.encodeQueryParam(parameter.path("name").asText(), StandardCharsets.UTF_8) + "="
                        + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
            }
        }
        if (random.nextInt(8) == 0) {
            query.add("fuzz" + random.nextInt(100) + "=1");
        }
        if (!query.isEmpty()) {
            uri.append('?').append(String.join("&", query));
        }
        JsonNode content = op.spec().path("requestBody").path("content");
        AbstractMockHttpServletRequestBuilder<?> request;
        if (content.has("multipart/form-data")) {
            var builder = multipart(HttpMethod.valueOf(op.method().toUpperCase()), URI.create(uri.toString()));
            for (var part : content.path("multipart/form-data").path("schema").path("properties").properties()) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                JsonNode schema = resolve(part.getValue());
                byte[] bytes = "binary".equals(schema.path("format").asText()) || schema.path("type").isMissingNode()
                        ? randomFile(random)
                        : body(schema, random).getBytes(StandardCharsets.UTF_8);
                String name = random.nextInt(6) == 0 ? "wrong" : part.getKey();
                builder.file(new MockMultipartFile(name, random.nextInt(5) == 0 ? pick(random, STRINGS) : "f.pdf",
                        random.nextBoolean() ? "application/json" : "application/pdf", bytes));
            }
            request = builder;
        } else {
            MockHttpServletRequestBuilder plain = request(HttpMethod.valueOf(op.method().toUpperCase()),
                    URI.create(uri.toString()));
            JsonNode json = content.path("application/json").path("schema");
            if (!json.isMissingNode() || random.nextInt(6) == 0) {
                plain.contentType(random.nextInt(12) == 0 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
                        .content(body(json, random));
            }
            request = plain;
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(250));
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    /** A body built from the schema, then mutated in one of several ways (some leave it valid). */
    String body(JsonNode schema, Random random) {
        JsonNode sample = sample(schema, random, 0);
        return switch (random.nextInt(12)) {
            case 0 -> "{";
            case 1 -> "[]";
            case 2 -> "";
            case 3 -> "null";
            case 4 -> "[".repeat(3000) + "]".repeat(3000);
            case 5 -> "{\"" + pick(random, STRINGS) + "\": " + pick(random, new String[] { "1", "\"x\"", "{}", "[]" })
                    + "}";
            default -> {
                mutateTree(sample, random);
                yield Api.JSON.writeValueAsString(sample);
            }
        };
    }

    void mutateTree(JsonNode node, Random random) {
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(object.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> object.remove(name);
            case 1 -> object.put(name, pick(random, STRINGS));
            case 2 -> object.put(name, random.nextInt());
            case 3 -> object.set(name, NODES.arrayNode().add(NODES.objectNode()));
            case 4 -> object.putNull(name);
            default -> mutateTree(object.get(name), random);
        }
    }

    JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asText();
            schema = components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return resolve(schema.path(combinator).get(0));
            }
        }
        return schema;
    }

    JsonNode sample(JsonNode raw, Random random, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (var property : schema.path("properties").properties()) {
                        object.set(property.getKey(), sample(property.getValue(), random, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(schema.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(random.nextInt(3) == 0 ? -1 : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.stringNode(switch (schema.path("format").asText()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> "2026-12-03T08:00:00Z";
                    case "date" -> "2026-12-03";
                    case "email" -> "fuzz@example.cn";
                    default -> random.nextInt(4) == 0 ? pick(random, STRINGS) : "测试" + random.nextInt(1000);
                });
            }
        }
    }

    static byte[] randomFile(Random random) {
        byte[] bytes = new byte[64 + random.nextInt(512)];
        random.nextBytes(bytes);
        byte[] header = random.nextBoolean() ? "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)
                : new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

}
