package org.sunbid.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first gate of every request, before security and MVC: a path or query string that is not valid
 * percent-encoded UTF-8 ({@code ?q=%FF}) is a 400 {@code malformed-encoding}; a query parameter carrying a control or
 * bidi-override character is a 400 {@code unsafe-text} naming the parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestHygieneFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    RequestHygieneFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path;
        try {
            path = QueryStrings.decode(String.valueOf(request.getRequestURI()), false);
        } catch (QueryStrings.MalformedException e) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-encoding", null,
                    "problem.malformed-encoding.path");
            return;
        }
        TextRules.Violation inPath = TextRules.checkLine(path);
        if (inPath != null) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "unsafe-text", null,
                    "problem.unsafe-text.path", inPath.codePointLabel());
            return;
        }
        try {
            for (QueryStrings.Parameter parameter : QueryStrings.parse(request.getQueryString())) {
                TextRules.Violation violation = TextRules.checkLine(parameter.name());
                if (violation == null) {
                    violation = TextRules.checkLine(parameter.value());
                }
                if (violation != null) {
                    problems.write(request, response, HttpStatus.BAD_REQUEST, "unsafe-text", parameter.name(),
                            "problem.unsafe-text", parameter.name(), violation.codePointLabel());
                    return;
                }
            }
        } catch (QueryStrings.MalformedException e) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-encoding", e.name(),
                    e.name() != null ? "problem.malformed-encoding" : "problem.malformed-encoding.name",
                    e.name());
            return;
        }
        chain.doFilter(request, response);
    }
}
