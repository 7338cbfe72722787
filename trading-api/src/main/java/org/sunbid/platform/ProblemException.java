package org.sunbid.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that reaches the client as RFC 9457 problem+json. The {@code type} is a stable slug turned into the
 * URI {@code https://sunbid.org/problems/<type>}; {@code messageKey} names a zh-CN/English message in the bundles.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, Object> extra;

    public ProblemException(HttpStatus status, String type, String field, String messageKey, Object... args) {
        this(status, type, field, messageKey, Map.of(), args);
    }

    public ProblemException(HttpStatus status, String type, String field, String messageKey, Map<String, Object> extra,
            Object... args) {
        super(type + (field != null ? " [" + field + "]" : "") + ": " + messageKey);
        this.status = status;
        this.type = type;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.extra = Map.copyOf(extra);
    }

    /** 400: the request itself is wrong in {@code field}. */
    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", field, messageKey, args);
    }

    /** 404: nothing there, or nothing the caller may know exists. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", null, "problem.not-found", what, id);
    }

    /** 409: the request contradicts what is stored (a duplicate, a state that forbids it). */
    public static ProblemException conflict(String type, String field, String messageKey, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, type, field, messageKey, args);
    }

    /** 422: well-formed, but a business rule refuses it; {@code type} names the rule. */
    public static ProblemException rule(String type, String field, String messageKey, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, field, messageKey, args);
    }

    /** 403: authenticated, but this act is not allowed to the caller. */
    public static ProblemException forbidden(String messageKey, Object... args) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, messageKey, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
