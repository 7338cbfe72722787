package org.sunbid.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json response from code that runs outside Spring MVC's exception handling (servlet filters, the
 * security filter chain), in the same shape and language as {@link ProblemHandling}.
 */
@Component
public class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Problems problems;
    private final LocaleResolver locales;

    ProblemResponses(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String field, String messageKey, Object... args) throws IOException {
        ProblemDetail body = problems.build(status, type, field, messageKey, args, locales.resolveLocale(request));
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", body.getType().toString());
        map.put("title", body.getTitle());
        map.put("status", body.getStatus());
        map.put("detail", body.getDetail());
        map.put("instance", request.getRequestURI());
        if (body.getProperties() != null) {
            map.putAll(body.getProperties());
        }
        response.getWriter().write(JSON.writeValueAsString(map));
        response.flushBuffer();
    }
}
