package org.sunbid.expert.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Publishes an event about a drawn expert's seat without the caller's identity: the supervision log records the acting
 * account, address and device of the request, which would name the expert to every reader of the log before the
 * evaluation starts. The seat id in the event still lets a regulator join it to the sealed seat later.
 */
public final class Sealed {

    private Sealed() {
    }

    public static void publish(ApplicationEventPublisher events, Object event) {
        SecurityContext security = SecurityContextHolder.getContext();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
        try {
            events.publishEvent(event);
        } finally {
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
        }
    }
}
