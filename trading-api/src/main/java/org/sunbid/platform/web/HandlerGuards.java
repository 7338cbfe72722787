package org.sunbid.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.WebUtils;
import org.sunbid.platform.ProblemException;

/**
 * Checks every API handler call before its arguments are read, so that the same rules hold for every controller,
 * including those added later: (1) the role named by {@code @PreAuthorize} first, so a refused role gets 403 and
 * never learns which fields a body needs; (2) query parameters the handler does not declare are a 400 naming them
 * ({@code /api/archives?projectId=} must not silently list everything); (3) uploaded file names carrying control or
 * bidi-override characters are a 400 naming the part.
 */
@Configuration(proxyBeanMethods = false)
class HandlerGuards implements WebMvcConfigurer, HandlerInterceptor {

    private final RoleCheck roles;
    private final ObjectProvider<RequestMappingHandlerMapping> mapping;
    private final InjectedParameters injected;
    private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

    HandlerGuards(RoleCheck roles,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping,
            InjectedParameters injected) {
        this.roles = roles;
        this.mapping = mapping;
        this.injected = injected;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (!roles.admits(method)) {
            throw new AccessDeniedException("role refused before validation");
        }
        Set<String> allowed = declared.computeIfAbsent(method, m -> declaredParameters(m, injected::injected));
        if (!allowed.contains("*")) {
            Set<String> unknown = new TreeSet<>();
            for (QueryStrings.Parameter parameter : QueryStrings.parse(request.getQueryString())) {
                if (!allowed.contains(parameter.name())) {
                    unknown.add(parameter.name());
                }
            }
            if (!unknown.isEmpty()) {
                String names = String.join(", ", unknown);
                throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "unknown-parameter",
                        unknown.iterator().next(), "problem.unknown-parameter",
                        Map.of("unknown", List.copyOf(unknown),
                                "allowed", List.copyOf(new TreeSet<>(allowed))),
                        names);
            }
        }
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            for (var entry : multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : entry.getValue()) {
                    TextRules.Violation violation = TextRules.checkLine(file.getOriginalFilename());
                    if (violation != null) {
                        throw ProblemException.invalid(entry.getKey(), "problem.unsafe-text.file-name",
                                entry.getKey(), violation.codePointLabel());
                    }
                }
            }
        }
        return true;
    }

    /**
     * True when every handler at this request's path and method would refuse the caller's role: an unsupported
     * content type must then be a 403, not a 415 that tells a refused caller what the endpoint accepts.
     */
    boolean everyHandlerRefuses(HttpServletRequest request) {
        RequestMappingHandlerMapping handlers = mapping.getIfAvailable();
        if (handlers == null) {
            return false;
        }
        boolean any = false;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            boolean pathMatches = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getMatchingCondition(request) != null
                    : info.getPatternsCondition() != null
                            && info.getPatternsCondition().getMatchingCondition(request) != null;
            if (!pathMatches || info.getMethodsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            any = true;
            if (roles.admits(entry.getValue())) {
                return false;
            }
        }
        return any;
    }

    /** The query parameter names a handler reads; {@code *} when it takes them all as a map. */
    static Set<String> declaredParameters(HandlerMethod handler, Predicate<MethodParameter> injected) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                if (Map.class.isAssignableFrom(type)) {
                    names.add("*");
                } else {
                    String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                    names.add(name);
                }
                continue;
            }
            if (parameter.hasParameterAnnotation(PathVariable.class) || parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)) {
                continue;
            }
            ModelAttribute model = parameter.getParameterAnnotation(ModelAttribute.class);
            if (BeanUtils.isSimpleProperty(type)) {
                names.add(parameter.getParameterName());
            } else if (model != null || type.getName().startsWith("org.sunbid.") && !type.isInterface()
                    && (type.isRecord() || hasDefaultConstructor(type)) && !injected.test(parameter)) {
                if (type.isRecord()) {
                    for (var component : type.getRecordComponents()) {
                        names.add(component.getName());
                    }
                } else {
                    for (var property : BeanUtils.getPropertyDescriptors(type)) {
                        if (property.getWriteMethod() != null) {
                            names.add(property.getName());
                        }
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    private static boolean hasDefaultConstructor(Class<?> type) {
        try {
            type.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
