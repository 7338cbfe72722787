package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.identity.Role;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.RoleTokens;
import tools.jackson.databind.JsonNode;

/**
 * The log is written with its transaction: an act's entry commits with it or not at all, events published outside a
 * transaction, in a read-only one or after a commit are logged once, a row a crash left in the outbox is appended once,
 * and the completeness check names an act that has no entry.
 */
@PlatformTest
class SupervisionOutboxIntegrationTests {

    /** A stand-in act (its action is {@code supervision.outbox-probe-recorded}); {@code id} becomes the subject. */
    record OutboxProbeRecorded(UUID id, String when) {
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SupervisionLog log;

    @Autowired
    MockMvc mvc;

    @Autowired
    RoleTokens roles;

    long entriesAbout(UUID id) {
        assertThat(log.flush()).isTrue();
        return jdbc.sql("select count(*) from supervision_entry where subject = ?").param(id.toString())
                .query(Long.class).single();
    }

    @Test
    void anEntryCommitsWithItsTransactionOrNotAtAll() {
        UUID committed = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            events.publishEvent(new OutboxProbeRecorded(committed, "in a transaction"));
            // not visible to the writer (another connection) before the commit
            assertThat(log.flush()).isTrue();
            assertThat(jdbc.sql("select count(*) from supervision_entry where subject = ?").param(committed.toString())
                    .query(Long.class).single()).isZero();
        });
        tx.executeWithoutResult(status -> {
            events.publishEvent(new OutboxProbeRecorded(rolledBack, "in a transaction rolled back"));
            status.setRollbackOnly();
        });
        assertThat(entriesAbout(committed)).isEqualTo(1);
        assertThat(entriesAbout(rolledBack)).isZero();
        assertThat(jdbc.sql("select count(*) from supervision_outbox where subject in (?, ?)")
                .params(committed.toString(), rolledBack.toString()).query(Long.class).single()).isZero();
    }

    @Test
    void eventsOutsideATransactionInAReadOnlyOneAndAfterACommitAreEachLoggedOnce() {
        UUID alone = UUID.randomUUID();
        UUID readOnly = UUID.randomUUID();
        UUID afterCommit = UUID.randomUUID();
        UUID afterCompletion = UUID.randomUUID();
        UUID inner = UUID.randomUUID();
        events.publishEvent(new OutboxProbeRecorded(alone, "without a transaction"));

        TransactionTemplate reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        reading.executeWithoutResult(status -> events.publishEvent(new OutboxProbeRecorded(readOnly, "read-only")));

        TransactionTemplate tx = new TransactionTemplate(transactions);
        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(new OutboxProbeRecorded(afterCommit, "published by a commit listener"));
                }

                @Override
                public void afterCompletion(int completion) {
                    events.publishEvent(new OutboxProbeRecorded(afterCompletion, "published at completion"));
                }
            });
            // an inner transaction that commits on its own while the outer one rolls back
            requiresNew.executeWithoutResult(s -> events.publishEvent(new OutboxProbeRecorded(inner, "inner")));
        });
        UUID outerRolledBack = UUID.randomUUID();
        UUID innerCommitted = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            events.publishEvent(new OutboxProbeRecorded(outerRolledBack, "outer, rolled back"));
            requiresNew.executeWithoutResult(s -> events.publishEvent(new OutboxProbeRecorded(innerCommitted, "inner")));
            status.setRollbackOnly();
        });

        assertThat(entriesAbout(alone)).isEqualTo(1);
        assertThat(entriesAbout(readOnly)).isEqualTo(1);
        assertThat(entriesAbout(afterCommit)).isEqualTo(1);
        assertThat(entriesAbout(afterCompletion)).isEqualTo(1);
        assertThat(entriesAbout(inner)).isEqualTo(1);
        assertThat(entriesAbout(innerCommitted)).isEqualTo(1);
        assertThat(entriesAbout(outerRolledBack)).isZero();
    }

    @Test
    void aRowACrashLeftInTheOutboxIsAppendedExactlyOnceWithDenseSequenceNumbers() {
        UUID left = UUID.randomUUID();
        String details = "{\"id\":\"" + left + "\"}";
        jdbc.sql("""
                insert into supervision_outbox (at, actor, action, subject, details, details_sha256)
                values (?, 'system', 'supervision.outbox-probe-recorded', ?, ?, sha256(convert_to(?, 'UTF8')))""")
                .params(java.sql.Timestamp.from(Instant.now()), left.toString(), details, details).update();
        assertThat(entriesAbout(left)).isEqualTo(1);
        assertThat(log.flush()).isTrue();
        assertThat(entriesAbout(left)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) - (max(seq) + 1) from supervision_entry").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select outbox_id is not null from supervision_entry where subject = ?")
                .param(left.toString()).query(Boolean.class).single()).isTrue();
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void completenessNamesAnActWithNoEntryAndNotOneThatWasLogged() throws Exception {
        Map<Role, String> tokens = roles.oneAccountPerRole();
        String registered = Api.body(mvc.perform(post("/api/projects").header("Authorization",
                Api.bearer(tokens.get(Role.TENDEREE))).contentType("application/json")
                .content(Api.json(ProjectFixtures.openTender("完整性核对工程")))).andReturn()).get("id").asText();

        // an insider adds a project row behind the platform's back (rolled back afterwards: the context is shared)
        UUID ghost = UUID.randomUUID();
        CompletenessReport report = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("""
                    insert into project (id, transaction_code, name, type, procedure, estimated_value, funding_source,
                      approval_reference, region_code, classification_codes, tenderee_member_id, tenderee_name,
                      registered_by, evaluation_method, documents_on_sale_from, documents_on_sale_until, bid_deadline,
                      opening_at, opening_place, status, created_at, updated_at)
                    select ?, 'GHOST-' || ?, name, type, procedure, estimated_value, funding_source, approval_reference,
                      region_code, classification_codes, tenderee_member_id, tenderee_name, registered_by,
                      evaluation_method, documents_on_sale_from, documents_on_sale_until, bid_deadline, opening_at,
                      opening_place, status, created_at, updated_at from project where id = ?::uuid""")
                    .params(ghost, ghost.toString().substring(0, 8), registered).update();
            CompletenessReport r = log.completeness(null);
            status.setRollbackOnly();
            return r;
        });
        assertThat(report.complete()).isFalse();
        assertThat(report.missing()).contains(
                new CompletenessReport.Missing("project", "project.project-registered", ghost.toString(), 1, 0));
        assertThat(report.missing()).noneMatch(m -> m.subject().equals(registered));

        JsonNode viaApi = Api.body(mvc.perform(get("/api/supervision/completeness")
                .header("Authorization", Api.bearer(tokens.get(Role.REGULATOR)))).andReturn());
        assertThat(viaApi.get("actsChecked").asLong()).isPositive();
        assertThat(viaApi.toString()).doesNotContain(ghost.toString()).doesNotContain(registered);
        JsonNode verification = Api.body(mvc.perform(post("/api/supervision/verification")
                .header("Authorization", Api.bearer(tokens.get(Role.REGULATOR)))).andReturn());
        assertThat(verification.at("/completeness/actsChecked").asLong()).isPositive();
        assertThat(mvc.perform(get("/api/supervision/completeness").header("Authorization",
                Api.bearer(tokens.get(Role.BIDDER)))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/supervision/completeness")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }
}
