package org.sunbid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunbid.support.PlatformTest;

/**
 * Deny by default, enforced: every handler of a path under {@code /api/} outside {@code /api/public/**} and
 * {@code /api/auth/**} must carry {@code @PreAuthorize} on its method or class. Guards every future feature.
 */
@PlatformTest
class EveryApiHandlerIsGuardedIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** The paths of handlers that need a guard and lack one. */
    static List<String> unguarded(Map<RequestMappingInfo, HandlerMethod> handlers) {
        var missing = new TreeSet<String>();
        handlers.forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                if (needsGuard(path) && !guarded(handler)) {
                    missing.add(info.getMethodsCondition() + " " + path + " -> " + handler.getShortLogMessage());
                }
            }
        });
        return List.copyOf(missing);
    }

    static boolean needsGuard(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/public/") && !path.equals("/api/public")
                && !path.startsWith("/api/auth/") && !path.equals("/api/auth");
    }

    static boolean guarded(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
    }

    @Test
    void everyProtectedApiHandlerDeclaresWhoMayCallIt() {
        Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
        List<String> protectedPaths = handlers.keySet().stream().flatMap(i -> i.getPatternValues().stream())
                .filter(EveryApiHandlerIsGuardedIntegrationTests::needsGuard).toList();
        assertThat(protectedPaths).contains("/api/members/me", "/api/members/{id}/approval", "/api/admin/accounts");
        assertThat(unguarded(handlers)).isEmpty();
    }

    @Test
    void theCheckFindsAnUnguardedHandlerAndIgnoresPublicOnes() throws Exception {
        var open = new HandlerMethod(new Unguarded(), Unguarded.class.getDeclaredMethod("open"));
        var guarded = new HandlerMethod(new Unguarded(), Unguarded.class.getDeclaredMethod("guarded"));
        Map<RequestMappingInfo, HandlerMethod> handlers = Map.of(
                RequestMappingInfo.paths("/api/things").build(), open,
                RequestMappingInfo.paths("/api/public/things").build(), open,
                RequestMappingInfo.paths("/api/auth/things").build(), open,
                RequestMappingInfo.paths("/api/guarded").build(), guarded);
        assertThat(unguarded(handlers)).singleElement().asString().contains("/api/things");
    }

    /** Not a controller (never scanned): only material for the check above. */
    static class Unguarded {
        void open() {
        }

        @PreAuthorize("hasRole('STAFF')")
        void guarded() {
        }
    }
}
