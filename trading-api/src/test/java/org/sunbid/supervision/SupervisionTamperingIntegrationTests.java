package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.support.PlatformTest;

/**
 * Edits and deletes log rows behind the application's back (as the database owner, with the append-only trigger
 * disabled for the session) and checks that verification names the first bad sequence number. Each test restores
 * the rows it touched, so the shared database stays intact for other tests.
 */
@PlatformTest
class SupervisionTamperingIntegrationTests {

    @Autowired
    SupervisionLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    record SomethingHappened(UUID thing, String note) {
    }

    private long appendSome(int n) {
        for (int i = 0; i < n; i++) {
            events.publishEvent(new SomethingHappened(UUID.randomUUID(), "note " + i));
        }
        log.flush();
        log.issueTreeHeadNow(null);
        return jdbc.sql("select max(seq) from supervision_entry").query(Long.class).single();
    }

    /** Runs SQL with the append-only triggers off for this transaction only (superuser: replica role). */
    private void behindTheBack(String sql, Object... params) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).params(params).update();
        });
    }

    @Test
    void anIntactLogVerifies() {
        appendSome(5);
        VerificationReport report = log.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.headsChecked()).isPositive();
        assertThat(log.firstHeadNotMatchingStoredLeaves()).isEmpty();
    }

    @Test
    void anEditedDetailNamesItsSequenceNumber() {
        long last = appendSome(5);
        long victim = last - 2;
        Map<String, Object> original = jdbc.sql("select details from supervision_entry where seq = ?").param(victim)
                .query().singleRow();
        try {
            behindTheBack("update supervision_entry set details = replace(details, 'note', 'NOTE') where seq = ?",
                    victim);
            VerificationReport report = log.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBadSeq()).isEqualTo(victim);
            assertThat(report.reason()).isEqualTo("details-hash-mismatch");
        } finally {
            behindTheBack("update supervision_entry set details = ? where seq = ?", original.get("details"), victim);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anActionRewrittenWithFreshHashesIsStillCaught() {
        long last = appendSome(4);
        long victim = last - 1;
        String action = jdbc.sql("select action from supervision_entry where seq = ?").param(victim)
                .query(String.class).single();
        try {
            behindTheBack("update supervision_entry set action = 'supervision.nothing' where seq = ?", victim);
            VerificationReport report = log.verify();
            assertThat(report.firstBadSeq()).isEqualTo(victim);
            assertThat(report.reason()).isEqualTo("entry-altered");
        } finally {
            behindTheBack("update supervision_entry set action = ? where seq = ?", action, victim);
        }
    }

    @Test
    void aReplacedLeafHashIsCaughtByTheQuickCheckAgainstSignedHeads() {
        long last = appendSome(3);
        long victim = last - 1;
        byte[] original = jdbc.sql("select leaf_hash from supervision_entry where seq = ?").param(victim)
                .query(byte[].class).single();
        try {
            behindTheBack("update supervision_entry set leaf_hash = ? where seq = ?", new byte[32], victim);
            assertThat(log.firstHeadNotMatchingStoredLeaves()).isPresent();
            VerificationReport report = log.verify();
            assertThat(report.firstBadSeq()).isEqualTo(victim);
            assertThat(report.reason()).isEqualTo("entry-altered");
        } finally {
            behindTheBack("update supervision_entry set leaf_hash = ? where seq = ?", original, victim);
        }
        assertThat(log.firstHeadNotMatchingStoredLeaves()).isEmpty();
    }

    @Test
    void aDeletedRowNamesTheMissingSequenceNumber() {
        long last = appendSome(5);
        long victim = last - 3;
        Map<String, Object> row = jdbc.sql("select * from supervision_entry where seq = ?").param(victim).query()
                .singleRow();
        try {
            behindTheBack("delete from supervision_entry where seq = ?", victim);
            VerificationReport report = log.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBadSeq()).isEqualTo(victim);
            assertThat(report.reason()).isEqualTo("missing-entry");
        } finally {
            jdbc.sql("""
                    insert into supervision_entry (seq, at, actor, actor_role, action, subject, details, details_sha256,
                      client_ip, device_fingerprint, leaf_hash) values (:seq, :at, :actor, :actor_role, :action,
                      :subject, :details, :details_sha256, :client_ip, :device_fingerprint, :leaf_hash)""")
                    .params(row).update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aTruncatedTailIsCaughtByTheSignedHead() {
        long last = appendSome(3);
        Map<String, Object> row = jdbc.sql("select * from supervision_entry where seq = ?").param(last).query()
                .singleRow();
        try {
            behindTheBack("delete from supervision_entry where seq = ?", last);
            VerificationReport report = log.verify();
            assertThat(report.firstBadSeq()).isEqualTo(last);
            assertThat(report.reason()).isEqualTo("missing-entry");
            long signedSize = jdbc.sql("select max(tree_size) from supervision_tree_head").query(Long.class).single();
            assertThat(log.firstHeadNotMatchingStoredLeaves()).isPresent().get().isEqualTo(signedSize);
        } finally {
            jdbc.sql("""
                    insert into supervision_entry (seq, at, actor, actor_role, action, subject, details, details_sha256,
                      client_ip, device_fingerprint, leaf_hash) values (:seq, :at, :actor, :actor_role, :action,
                      :subject, :details, :details_sha256, :client_ip, :device_fingerprint, :leaf_hash)""")
                    .params(row).update();
        }
    }
}
