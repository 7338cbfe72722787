package org.sunbid.opening;

import java.util.Arrays;

/**
 * A transition the opening's rules refuse, named by a stable problem type, the field concerned and a message key; the
 * services turn it into an RFC 9457 problem ({@code conflict} 409 when the session is past that step, 422 otherwise).
 */
public class OpeningRefused extends RuntimeException {

    private final boolean conflict;
    private final String type;
    private final String field;
    private final String messageKey;
    private final Object[] args;

    OpeningRefused(boolean conflict, String type, String field, String messageKey, Object... args) {
        super(type + " [" + field + "]: " + messageKey + " " + Arrays.toString(args));
        this.conflict = conflict;
        this.type = type;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    static OpeningRefused rule(String type, String field, String messageKey, Object... args) {
        return new OpeningRefused(false, type, field, messageKey, args);
    }

    static OpeningRefused conflict(String type, String field, String messageKey, Object... args) {
        return new OpeningRefused(true, type, field, messageKey, args);
    }

    public boolean conflict() {
        return conflict;
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
}
