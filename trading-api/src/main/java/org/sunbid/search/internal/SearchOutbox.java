package org.sunbid.search.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeId;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.notice.NoticePublished;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchIndex;

/**
 * The durable outbox between publishing and the index. A row is written inside the publishing transaction (so a
 * published notice is never forgotten, and a search outage never blocks publishing); the poller indexes pending rows
 * and retries failures with back-off.
 */
@Component
public class SearchOutbox {

    private static final Logger log = LoggerFactory.getLogger(SearchOutbox.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final NoticeManagement notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AttachmentTexts attachments;

    SearchOutbox(JdbcClient jdbc, NoticeManagement notices, TransactionTemplate tx, Clock clock,
            AttachmentTexts attachments) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
        this.attachments = attachments;
    }

    /** Runs synchronously inside the publisher's transaction: the row commits or rolls back with the notice. */
    @EventListener
    void on(NoticePublished event) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into search_outbox (notice_id, enqueued_at, next_attempt_at) values (:n, :t, :t)")
                .param("n", event.noticeId()).param("t", now).update();
    }

    record Pending(long id, UUID noticeId, int attempts) {
    }

    /** Indexes one batch after another until nothing is due; a failing engine leaves the rows for later. */
    public int drain(SearchIndex index) {
        int done = 0;
        while (true) {
            Integer n = tx.execute(status -> drainBatch(index));
            if (n == null || n <= 0) {
                return done;
            }
            done += n;
        }
    }

    private int drainBatch(SearchIndex index) {
        Instant now = clock.instant();
        List<Pending> due = jdbc.sql("""
                select id, notice_id, attempts from search_outbox
                where processed_at is null and next_attempt_at <= :now
                order by id limit :l for update skip locked
                """).param("now", Timestamp.from(now)).param("l", BATCH)
                .query((rs, i) -> new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3))).list();
        if (due.isEmpty()) {
            return 0;
        }
        List<SearchDocument> docs = new ArrayList<>();
        for (Pending p : due) {
            notices.find(NoticeId.of(p.noticeId())).map(n -> SearchDocument.of(n, attachments.of(n))).ifPresent(docs::add);
        }
        List<Long> ids = due.stream().map(Pending::id).toList();
        try {
            index.index(docs);
        } catch (RuntimeException e) {
            int attempts = due.get(0).attempts() + 1;
            Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
            log.warn("Search index {} unavailable, {} notices wait for retry in {}: {}", index.engine(), ids.size(),
                    backoff, e.toString());
            jdbc.sql("""
                    update search_outbox set attempts = attempts + 1, last_error = :e, next_attempt_at = :next
                    where id in (:ids)
                    """).param("e", String.valueOf(e.getMessage()).substring(0, Math.min(900,
                    String.valueOf(e.getMessage()).length())))
                    .param("next", Timestamp.from(now.plus(backoff))).param("ids", ids).update();
            return -1;
        }
        // stamped after the engine took the documents: a rebuild started before this instant requeues them
        jdbc.sql("update search_outbox set processed_at = :done where id in (:ids)")
                .param("done", Timestamp.from(clock.instant())).param("ids", ids).update();
        return due.size();
    }

    /**
     * Puts back in the queue every notice indexed since {@code since} (a rebuild's start): a notice the poller indexed
     * while a rebuild ran may have gone into the content the rebuild then replaced (Elasticsearch swaps its alias to
     * the fresh index), so it is indexed again. Rows a drain holds at this moment are waited for (they are locked and
     * match {@code processed_at is null}), then seen with their new stamp. Pending rows become due now. The rows stay
     * in the table, so a crash after the swap still leaves them to the poller. Returns how many rows were requeued.
     */
    public int requeueSince(Instant since) {
        Integer requeued = tx.execute(status -> jdbc.sql("""
                update search_outbox set processed_at = null, next_attempt_at = :now
                where processed_at is null or processed_at >= :since
                """).param("now", Timestamp.from(clock.instant())).param("since", Timestamp.from(since)).update());
        return requeued == null ? 0 : requeued;
    }

    /** Notices waiting to be indexed. */
    public long pending() {
        return jdbc.sql("select count(*) from search_outbox where processed_at is null").query(Long.class).single();
    }
}
