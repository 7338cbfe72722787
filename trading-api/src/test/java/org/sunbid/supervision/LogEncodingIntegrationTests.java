package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.support.PlatformTest;

/**
 * An entry written by a node still running the encoding of before V145 (its backspace written {@code \b}) joins the
 * log, is covered by the next signed tree head, and the whole log still verifies: each leaf is recomputed by the rule
 * its entry was written with.
 */
@PlatformTest
class LogEncodingIntegrationTests {

    @Autowired
    SupervisionLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    record EncodingChecked(UUID thing) {
    }

    @Test
    void anEntryWrittenWithTheOldEncodingStillVerifiesUnderASignedHead() {
        events.publishEvent(new EncodingChecked(UUID.randomUUID()));
        log.flush();
        String details = "{\"note\":\"written before V145\"}";
        byte[] detailsHash = DigestAlgorithm.SHA256.digest(details.getBytes(StandardCharsets.UTF_8));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long seq = tx.execute(s -> {
            // as the log's writer does on any node: one appender at a time, next seq after the stored ones
            jdbc.sql("select pg_advisory_xact_lock(7301001)").query().singleValue();
            long next = jdbc.sql("select coalesce(max(seq) + 1, 0) from supervision_entry").query(Long.class).single();
            LogEntry old = new LogEntry(next, at, "system", null, "test.old-node", "old\bnode", details, detailsHash,
                    null, null, LogEncoding.V1);
            jdbc.sql("""
                    insert into supervision_entry (seq, at, actor, action, subject, details, details_sha256, leaf_hash,
                    encoding) values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                    .params(next, Timestamp.from(at), "system", "test.old-node", "old\bnode", details, detailsHash,
                            MerkleTree.leafHash(old.leafBytes()))
                    .update();
            return next;
        });
        events.publishEvent(new EncodingChecked(UUID.randomUUID()));
        log.flush();
        log.issueTreeHeadNow(null);

        // served with an inclusion proof checked against the signed head
        LogEntry stored = log.entry(seq, null, null).entry();
        assertThat(stored.encoding()).isEqualTo(LogEncoding.V1);
        assertThat(stored.leafJson()).contains("\"subject\":\"old\\bnode\"");
        // read by today's rule the same row would be a different leaf: the stored version is what keeps it valid
        LogEntry asIfCurrent = new LogEntry(stored.seq(), stored.at(), stored.actor(), stored.actorRole(),
                stored.action(), stored.subject(), stored.details(), stored.detailsSha256(), stored.clientIp(),
                stored.deviceFingerprint(), LogEncoding.CURRENT);
        assertThat(asIfCurrent.leafBytes()).isNotEqualTo(stored.leafBytes());
        VerificationReport report = log.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.entriesChecked()).isGreaterThan(seq);
        assertThat(log.firstHeadNotMatchingStoredLeaves()).isEmpty();
        // entries written now carry the current encoding
        long last = jdbc.sql("select max(seq) from supervision_entry").query(Long.class).single();
        assertThat(log.entry(last, null, null).entry().encoding()).isEqualTo(LogEncoding.CURRENT);
    }
}
