package org.sunbid.opening;

import org.springframework.http.HttpStatus;
import org.sunbid.platform.ProblemException;

/**
 * A transition the opening's rules refuse, named by a stable problem type, the field concerned and a message key: a
 * 409 when the session is past that step, a 422 when a rule of the moment refuses it. It reaches the client as the
 * same RFC 9457 problem as any other refusal.
 */
public class OpeningRefused extends ProblemException {

    private OpeningRefused(HttpStatus status, String type, String field, String messageKey, Object... args) {
        super(status, type, field, messageKey, args);
    }

    static OpeningRefused ruleBroken(String type, String field, String messageKey, Object... args) {
        return new OpeningRefused(HttpStatus.UNPROCESSABLE_CONTENT, type, field, messageKey, args);
    }

    static OpeningRefused pastStep(String type, String field, String messageKey, Object... args) {
        return new OpeningRefused(HttpStatus.CONFLICT, type, field, messageKey, args);
    }

    /** The session is already past the step asked for. */
    public boolean conflict() {
        return status() == HttpStatus.CONFLICT;
    }
}
