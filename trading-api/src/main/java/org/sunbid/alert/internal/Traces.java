package org.sunbid.alert.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.sunbid.bid.BidEvents;
import org.sunbid.project.ProjectEvents;

/**
 * Keeps the address and device of each tender download and self-decryption (read on the request's own thread once
 * its transaction commits), so the same-machine signals can compare them after the opening.
 */
@Component
class Traces {

    static final String DEVICE_HEADER = "X-Device-Fingerprint";

    private final Alerts alerts;

    Traces(Alerts alerts) {
        this.alerts = alerts;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProjectEvents.TenderDocumentsDownloaded e) {
        record(e.projectId(), null, e.memberId(), Alerts.TraceKind.DOWNLOAD, e.at());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BidEvents.BidSelfDecrypted e) {
        record(null, e.lot(), e.member(), Alerts.TraceKind.DECRYPTION, e.at());
    }

    private void record(UUID project, UUID lot, UUID member, Alerts.TraceKind what, java.time.Instant at) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        alerts.trace(project, lot, member, what, cut(request.getRemoteAddr(), 64), cut(request.getHeader(DEVICE_HEADER), 200),
                at);
    }

    private static String cut(String s, int max) {
        return s == null || s.isBlank() ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
