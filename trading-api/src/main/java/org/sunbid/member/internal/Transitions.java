package org.sunbid.member.internal;

import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.sunbid.member.IllegalTransitionException;
import org.sunbid.platform.ProblemException;

/** Runs a transition of the member aggregate and answers a refused one as 409 (type illegal-member-state). */
public final class Transitions {

    private Transitions() {
    }

    /** Runs {@code transition}; the aggregate's refusal becomes the problem naming the status and the act. */
    public static void act(Runnable transition) {
        try {
            transition.run();
        } catch (IllegalTransitionException e) {
            throw illegalState(e);
        }
    }

    public static ProblemException illegalState(IllegalTransitionException e) {
        return new ProblemException(HttpStatus.CONFLICT, "illegal-member-state", "status", "member.status.illegal",
                Map.of("status", e.status().name()),
                new DefaultMessageSourceResolvable(new String[] { "member.status." + e.status().name() }, e.status().name()),
                new DefaultMessageSourceResolvable(new String[] { "member.action." + e.action() }, e.action()));
    }
}
