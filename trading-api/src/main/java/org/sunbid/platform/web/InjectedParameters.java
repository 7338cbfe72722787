package org.sunbid.platform.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Handler parameters that the application supplies itself through an argument resolver (the caller,
 * {@code CurrentUser}), as opposed to ones bound from the request: neither a query parameter nor a body.
 */
@Component
class InjectedParameters {

    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

    InjectedParameters(
            @Qualifier("requestMappingHandlerAdapter") ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.adapter = adapter;
    }

    boolean injected(MethodParameter parameter) {
        RequestMappingHandlerAdapter handlers = adapter.getIfAvailable();
        List<HandlerMethodArgumentResolver> custom = handlers != null ? handlers.getCustomArgumentResolvers() : null;
        return custom != null && custom.stream().anyMatch(r -> r.supportsParameter(parameter));
    }
}
