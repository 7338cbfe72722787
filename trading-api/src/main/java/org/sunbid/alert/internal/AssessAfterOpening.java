package org.sunbid.alert.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunbid.alert.AlertManagement;
import org.sunbid.bid.BidEvents;
import org.sunbid.platform.id.LotId;

/**
 * Every lot is assessed once its opening record is issued (after every bid ended its decryption), on one background
 * thread of its own: reading 200 technical bids must not hold the opening, and one lot at a time bounds the memory.
 */
@Component
class AssessAfterOpening implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AssessAfterOpening.class);

    private final AlertManagement alerts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-assessment");
        t.setDaemon(true);
        return t;
    });

    AssessAfterOpening(AlertManagement alerts) {
        this.alerts = alerts;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BidEvents.LotOpened opened) {
        worker.execute(() -> {
            try {
                alerts.assess(new LotId(opened.lot()))
                        .ifPresent(a -> log.info("Collusion alert on lot {}: score {}", opened.lot(), a.score()));
            } catch (RuntimeException e) {
                log.error("Collusion signals of lot {} failed; a regulator may re-run them", opened.lot(), e);
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
