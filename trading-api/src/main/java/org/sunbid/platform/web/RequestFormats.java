package org.sunbid.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The request formats a schema cannot say by itself — what is signed and how, binary bodies, multipart parts named by
 * index — added to their operations from {@code openapi/request-formats.json} ("METHOD path" → {@code description},
 * {@code example} of the JSON body, a whole {@code requestBody}, extra {@code multipartParts}). Kept beside the
 * document rather than in each controller, so the formats read as one reference; {@code OpenApiDocumentIntegrationTests}
 * checks that every entry still names an operation and that every example matches its schema.
 */
@Component
class RequestFormats implements GlobalOpenApiCustomizer {

    static final String RESOURCE = "/openapi/request-formats.json";

    private final JsonNode formats;

    RequestFormats() {
        try (InputStream in = RequestFormats.class.getResourceAsStream(RESOURCE)) {
            this.formats = Json31.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        formats.properties().forEach(entry -> {
            String[] key = entry.getKey().split(" ", 2);
            PathItem path = openApi.getPaths().get(key[1]);
            Operation operation = path == null ? null
                    : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(key[0]));
            if (operation != null) {
                apply(operation, entry.getValue());
            }
        });
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void apply(Operation operation, JsonNode format) {
        if (format.has("description")) {
            String existing = operation.getDescription();
            String text = format.get("description").asText();
            operation.setDescription(existing == null || existing.isBlank() ? text : text + "\n\n" + existing);
        }
        if (format.has("requestBody")) {
            operation.setRequestBody(Json31.mapper().convertValue(format.get("requestBody"), RequestBody.class));
        }
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        if (format.has("example")) {
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.setExample(Json31.mapper().convertValue(format.get("example"), Object.class));
            }
        }
        if (format.has("multipartParts")) {
            MediaType multipart = operation.getRequestBody().getContent().get("multipart/form-data");
            if (multipart != null && multipart.getSchema() != null) {
                Map<String, Schema> parts = Json31.mapper().convertValue(format.get("multipartParts"),
                        Json31.mapper().getTypeFactory().constructMapType(Map.class, String.class, Schema.class));
                parts.forEach((name, schema) -> multipart.getSchema().addProperty(name, schema));
            }
        }
    }
}
