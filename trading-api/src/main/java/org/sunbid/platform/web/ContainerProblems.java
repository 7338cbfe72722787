package org.sunbid.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that Tomcat answers itself, before any servlet runs (a request line over 8 KB, a 100 KB header, a broken
 * request), leave as problem+json too, instead of Tomcat's HTML error page. Replaces the host's error report valve.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Problems problems;

    ContainerProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            pipeline.addValve(new ProblemReportValve(problems));
        });
    }

    /** After Spring Boot's own customizer, which adds a plain error report valve that this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, as RFC 9457 problem+json with the platform's stable types and localised details. */
    static class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final Problems problems;

        ProblemReportValve(Problems problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable error) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String type = typeOf(status, error);
            Locale locale = request.getLocale() != null && request.getLocale().getLanguage().equals("en")
                    ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            ProblemDetail body = problems.build(HttpStatus.valueOf(status), type, null, "problem." + type,
                    new Object[] { "-" }, locale);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", String.valueOf(body.getType()));
            map.put("title", body.getTitle());
            map.put("status", status);
            map.put("detail", body.getDetail());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(map));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone; nothing more can be said
            }
        }

        private static String typeOf(int status, Throwable error) {
            String message = error != null ? String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT) : "";
            if (status == 413 || status == 414 || status == 431 || message.contains("too large")) {
                return "too-large";
            }
            return switch (status) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 400 -> "bad-request";
                default -> status < 500 ? "bad-request" : "internal";
            };
        }
    }
}
