package org.sunbid.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.SpecVersion;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Makes /v3/api-docs exact for every controller, including those added later, in one place: parameters the
 * platform injects (the caller) are not shown as query parameters or bodies; each operation states its security
 * (a bearer token and the roles admitted, or none) and the problem+json errors it can answer with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final Pattern ROLES = Pattern.compile("'([A-Z_]+)'");

    @Bean
    OpenAPI sunbidOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Sunbid API").version("1").description("""
                        电子招投标平台 API。错误均为 RFC 9457 application/problem+json：`type` 为稳定的 URI \
                        (https://sunbid.org/problems/<slug>)，`detail` 按 Accept-Language 本地化，`field` 指出出错的字段或参数。\
                        见 docs/api.md。 Electronic bidding platform API. Every error is RFC 9457 \
                        application/problem+json with a stable `type`, a localised `detail` and the `field` at fault; \
                        see docs/api.md."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("POST /api/auth/login 或证书挑战登录得到的 accessToken "
                                        + "(15 分钟) / the accessToken from password or certificate login"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    /**
     * Types that an application argument resolver supplies (the caller) are no request part at all: springdoc must
     * not show them as a query parameter or make them the multipart body. Collected from the handlers once they
     * exist, before the document is first generated.
     */
    @Bean
    SmartInitializingSingleton ignoreInjectedTypes(InjectedParameters injected,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
        return () -> mapping.getObject().getHandlerMethods().values().stream()
                .flatMap(handler -> Arrays.stream(handler.getMethodParameters()))
                .filter(injected::injected)
                .map(MethodParameter::getParameterType).distinct()
                .forEach(type -> SpringDocUtils.getConfig().addRequestWrapperToIgnore(type));
    }

    /**
     * Jackson writes absent values as {@code null}: every property a schema does not require may be null, and the
     * document says so (OpenAPI 3.1: {@code "type": ["string", "null"]}), so that real responses validate.
     */
    @Bean
    @SuppressWarnings("rawtypes")
    GlobalOpenApiCustomizer nullableOptionalProperties() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            for (Map.Entry<String, Schema> entry : openApi.getComponents().getSchemas().entrySet()) {
                Schema<?> schema = entry.getValue();
                if (entry.getKey().equals(PROBLEM) || schema.getProperties() == null) {
                    continue;
                }
                List<String> required = schema.getRequired() != null ? schema.getRequired() : List.of();
                Map<String, Schema> properties = schema.getProperties();
                properties.replaceAll((property, value) -> required.contains(property) ? value : nullable(value));
            }
        };
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema either = new Schema<>(SpecVersion.V31);
            either.addAnyOfItem(new Schema<>(SpecVersion.V31).$ref(property.get$ref()));
            either.addAnyOfItem(new Schema<>(SpecVersion.V31).types(new java.util.LinkedHashSet<>(List.of("null"))));
            return either;
        }
        java.util.Set<String> types = property.getTypes() != null ? new java.util.LinkedHashSet<>(property.getTypes())
                : new java.util.LinkedHashSet<>();
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty()) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }

    @Bean
    GlobalOperationCustomizer exactOperations(InjectedParameters injected) {
        return (operation, handler) -> {
            removeInjected(operation, handler, injected);
            secure(operation, handler);
            describeErrors(operation, handler);
            return operation;
        };
    }

    private static void removeInjected(Operation operation, HandlerMethod handler, InjectedParameters injected) {
        List<String> names = new ArrayList<>();
        boolean hasBody = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            if (injected.injected(parameter)) {
                names.add(parameter.getParameterName());
            }
            hasBody |= parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)
                    || MultipartFile.class.isAssignableFrom(parameter.getParameterType());
        }
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(p -> names.contains(p.getName()));
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
        if (!hasBody) {
            operation.setRequestBody(null);
        }
    }

    private static void secure(Operation operation, HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            operation.setSecurity(List.of());
            return;
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        List<String> roles = new ArrayList<>();
        Matcher m = ROLES.matcher(rule.value());
        while (m.find()) {
            roles.add(m.group(1));
        }
        operation.addExtension("x-roles", roles.isEmpty() ? List.of("any authenticated caller") : roles);
        String who = roles.isEmpty() ? "任何已登录用户 any logged-in account" : "角色 roles: " + String.join(", ", roles);
        operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                + "权限 Access: " + who);
    }

    private static void describeErrors(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        boolean guarded = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean hasPath = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean changes = changes(handler);
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "validation, malformed-body, unsafe-text, malformed-encoding, unknown-parameter");
        if (guarded) {
            errors.put("401", "unauthorized");
            errors.put("403", "forbidden");
        }
        if (hasPath || changes) {
            errors.put("404", "not-found");
        }
        if (changes) {
            errors.put("409", "a conflict with stored state; the type names it");
            errors.put("413", "too-large");
            errors.put("415", "unsupported-media-type");
            errors.put("422", "a business rule; the type names the rule");
        }
        errors.forEach((status, types) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse()
                        .description("problem+json; type: " + types)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
        operation.setResponses(responses);
    }

    private static boolean changes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method())
                .anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS);
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema problemSchema() {
        Schema problem = new ObjectSchema().description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri")
                .example("https://sunbid.org/problems/validation").description("稳定的错误类型 stable error type"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("本地化说明 localised detail (Accept-Language)"));
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("field", new StringSchema().description("出错的字段或参数 the field or parameter at fault"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
