package org.sunbid.platform.web;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds problem+json bodies with stable type URIs and localised details. */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://sunbid.org/problems/";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail build(HttpStatusCode status, String type, String field, String messageKey, Object[] args,
            Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(message("problem." + type + ".title", new Object[0], locale, type));
        problem.setDetail(withoutClassNames(message(messageKey, args, locale, messageKey)));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /**
     * Details quote messages of libraries (a certificate parser, a PDF reader); their exception class names
     * ({@code org.bouncycastle...ExCertificateException: }) tell an attacker our internals and a user nothing.
     */
    static String withoutClassNames(String detail) {
        if (detail == null) {
            return null;
        }
        return CLASS_NAME.matcher(detail).replaceAll("").replaceAll("\\s{2,}", " ").trim();
    }

    private static final Pattern CLASS_NAME = Pattern.compile(
            "(?:\\b[a-z_$][\\w$]*\\.)*\\b[A-Z][\\w$]*(?:Exception|Error)\\b(?:\\s*:\\s*)?");

    public String message(String key, Object[] args, Locale locale, String fallback) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }
}
