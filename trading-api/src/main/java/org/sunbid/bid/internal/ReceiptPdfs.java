package org.sunbid.bid.internal;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Issues receipts' signed PDFs after the completion has answered, one at a time on one worker thread, so that a
 * deadline rush spends its CPU on accepting bids first. The queue that survives a crash is the bid row itself (its
 * {@code receipt_document} is null from the bid's own transaction until the PDF is issued): what this in-memory queue
 * loses in a crash or a stop, {@link Completions} issues at the next start-up, the deadline or the opening, or when the
 * bidder asks for the PDF.
 */
@Component
public class ReceiptPdfs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPdfs.class);

    private final Completions completions;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "receipt-pdf");
        t.setDaemon(true);
        return t;
    });

    ReceiptPdfs(Completions completions) {
        this.completions = completions;
    }

    /** Queues the bid's receipt PDF (once while it waits); a PDF already issued is left alone. */
    public void issueLater(UUID bid) {
        if (!queued.add(bid)) {
            return;
        }
        try {
            worker.execute(() -> {
                try {
                    completions.issueReceiptIfDue(bid);
                } finally {
                    queued.remove(bid);
                }
            });
        } catch (RejectedExecutionException stopping) {
            queued.remove(bid);
            log.info("receipt PDF of bid {} stays due: the node is stopping; the next start-up issues it", bid);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
