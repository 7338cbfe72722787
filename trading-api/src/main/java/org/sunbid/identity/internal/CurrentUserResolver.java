package org.sunbid.identity.internal;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;

/** Lets controllers take a {@link CurrentUser} parameter; a request without a token gets 401. */
@Configuration(proxyBeanMethods = false)
class CurrentUserResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return CurrentUser.current().orElseThrow(() -> new ProblemException(
                org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthorized", null, "problem.unauthorized"));
    }
}
