package org.sunbid.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Evaluates a handler's {@code @PreAuthorize} expression before its arguments exist. Expressions that read method
 * arguments ({@code #name}) cannot be judged yet and are left to method security, which still runs afterwards.
 */
@Component
class RoleCheck {

    private final MethodSecurityExpressionHandler expressions;
    private final Map<HandlerMethod, java.util.Optional<Expression>> parsed = new ConcurrentHashMap<>();

    RoleCheck(ObjectProvider<MethodSecurityExpressionHandler> handler) {
        this.expressions = handler.getIfAvailable(DefaultMethodSecurityExpressionHandler::new);
    }

    boolean admits(HandlerMethod handler) {
        java.util.Optional<Expression> expression = parsed.computeIfAbsent(handler, this::parse);
        if (expression.isEmpty()) {
            return true;
        }
        var invocation = new SimpleMethodInvocation(null, handler.getMethod(),
                new Object[handler.getMethod().getParameterCount()]);
        var context = expressions.createEvaluationContext(SecurityContextHolder.getContext()::getAuthentication,
                invocation);
        return ExpressionUtils.evaluateAsBoolean(expression.get(), context);
    }

    private java.util.Optional<Expression> parse(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(expressions.getExpressionParser().parseExpression(rule.value()));
    }
}
