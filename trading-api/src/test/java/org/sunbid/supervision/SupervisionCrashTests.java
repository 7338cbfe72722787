package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.support.Api;
import org.sunbid.support.ForkedPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost under kill -9: the platform runs in a JVM of its own ({@link SupervisionCrashNode}) against a real
 * PostgreSQL while concurrent requests commit acts (project registrations, each a {@code project.project-registered}
 * entry); it is killed with SIGKILL part-way, restarted, and the rest of the acts are sent. Afterwards every committed
 * act has exactly one entry, the log verifies and counts as complete, and the counts match the domain table. CI sends
 * {@code -Dsunbid.txlog.acts} acts (default 300); {@code scripts/supervision-crash-trial.sh} runs 10,000 (figures in
 * docs/reliability.md), and with {@code -Dsunbid.txlog.delivery=memory} shows what the former in-memory queue lost.
 */
class SupervisionCrashTests {

    static final String ACTION = "project.project-registered";

    final ForkedPlatform platform = new ForkedPlatform();

    @TempDir
    Path dataDir;

    @Test
    void everyActCommittedAroundAKillHasExactlyOneEntryAfterTheRestartAndTheLogVerifiesComplete() throws Exception {
        int acts = Integer.getInteger("sunbid.txlog.acts", 300);
        int concurrency = Integer.getInteger("sunbid.txlog.concurrency", 8);
        String delivery = System.getProperty("sunbid.txlog.delivery", "outbox");
        long seed = Long.getLong("sunbid.txlog.seed", System.nanoTime());
        int killAfter = acts / 4 + new Random(seed).nextInt(Math.max(1, acts / 2));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            try {
                start(url, delivery);
                Properties fixture = new Properties();
                try (var in = Files.newBufferedReader(dataDir.resolve("fixture.properties"))) {
                    fixture.load(in);
                }
                List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger unanswered = new AtomicInteger();

                long t0 = System.nanoTime();
                String token = login(fixture.getProperty("tenderee"));
                int sentBeforeKill = send(token, acts, concurrency, killAfter, acknowledged, unanswered, platform::kill);
                long rowsAtKill = count(jdbc, "select count(*) from project");
                long entriesAtKill = count(jdbc, "select count(*) from supervision_entry where action = '" + ACTION + "'");
                long waitingAtKill = delivery.equals("outbox") ? count(jdbc, "select count(*) from supervision_outbox") : 0;
                int acknowledgedAtKill = acknowledged.size();

                long r0 = System.nanoTime();
                start(url, delivery);
                double restartSeconds = (System.nanoTime() - r0) / 1e9;
                token = login(fixture.getProperty("tenderee"));
                send(token, acts - sentBeforeKill, concurrency, Integer.MAX_VALUE, acknowledged, unanswered, () -> {
                });
                String regulator = login(fixture.getProperty("regulator"));
                JsonNode report = ForkedPlatform.json(platform.send("POST", "/api/supervision/verification", regulator, ""),
                        200);
                double seconds = (System.nanoTime() - t0) / 1e9;

                long rows = count(jdbc, "select count(*) from project");
                long entries = count(jdbc, "select count(*) from supervision_entry where action = '" + ACTION + "'");
                long notExactlyOnce = count(jdbc, """
                        select count(*) from project p where (select count(*) from supervision_entry e
                        where e.action = '%s' and e.subject = p.id::text) <> 1""".formatted(ACTION));
                long entriesWithoutAct = count(jdbc, """
                        select count(*) from supervision_entry e where e.action = '%s'
                        and not exists (select 1 from project p where p.id::text = e.subject)""".formatted(ACTION));
                System.out.printf("""
                        supervision crash trial (delivery %s, seed %d): %d acts sent by %d concurrent clients, kill -9 \
                        after %d acknowledged (%d sent); at the kill: %d acts committed, %d of their entries appended, \
                        %d waiting in the outbox; restart %.1f s; after: %d acknowledged, %d unanswered, %d acts committed, \
                        %d entries, %d acts without exactly one entry, %d entries without an act; verification intact %s, \
                        complete %s (missing %s); %.1f s in all%n""", delivery, seed, acts, concurrency, acknowledgedAtKill,
                        sentBeforeKill, rowsAtKill, entriesAtKill, waitingAtKill, restartSeconds, acknowledged.size(),
                        unanswered.get(), rows, entries, notExactlyOnce, entriesWithoutAct, report.get("intact"),
                        report.at("/completeness/complete"), report.at("/completeness/missingCount"), seconds);

                assertThat(acknowledged.size() + unanswered.get()).isEqualTo(acts);
                assertThat(rows).as("every acknowledged act committed").isGreaterThanOrEqualTo(acknowledged.size());
                assertThat(jdbc.sql("""
                        select count(*) from unnest(string_to_array(?, ',')) a(id) where (select count(*) from supervision_entry e
                        where e.action = ? and e.subject = a.id) <> 1""").params(String.join(",", acknowledged), ACTION)
                        .query(Long.class).single()).as("acknowledged acts without exactly one entry").isZero();
                assertThat(notExactlyOnce).as("acts without exactly one entry").isZero();
                assertThat(entriesWithoutAct).as("entries of acts that never committed").isZero();
                assertThat(entries).as("entries match the domain table").isEqualTo(rows);
                assertThat(count(jdbc, "select count(*) - coalesce(max(seq) + 1, 0) from supervision_entry")).isZero();
                assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
                assertThat(report.at("/completeness/complete").asBoolean()).as(report.toString()).isTrue();
                assertThat(report.at("/completeness/actsChecked").asLong()).isGreaterThanOrEqualTo(rows);
                assertThat(count(jdbc, "select count(*) from supervision_outbox")).isZero();
            } finally {
                platform.kill();
            }
        }
    }

    /**
     * Sends {@code n} project registrations with {@code concurrency} in flight; once {@code killAfter} are acknowledged
     * runs {@code kill} (while others are in flight) and stops sending. Returns how many were sent.
     */
    int send(String token, int n, int concurrency, int killAfter, List<String> acknowledged, AtomicInteger unanswered,
            Kill kill) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        int sent = 0;
        int before = acknowledged.size();
        for (; sent < n; sent++) {
            inFlight.acquire();
            if (acknowledged.size() - before >= killAfter) {
                inFlight.release();
                kill.run();
                break;
            }
            Map<String, Object> form = ProjectFixtures.openTender("断电测试工程 " + (before + sent));
            platform.http().sendAsync(platform.request("POST", "/api/projects", token, Api.json(form)),
                    HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (response != null && response.statusCode() == 201) {
                            acknowledged.add(Api.JSON.readTree(response.body()).get("id").asText());
                        } else {
                            unanswered.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        if (!inFlight.tryAcquire(concurrency, 120, TimeUnit.SECONDS)) {
            throw new AssertionError("requests still in flight after two minutes");
        }
        return sent;
    }

    @FunctionalInterface
    interface Kill {
        void run() throws InterruptedException;
    }

    static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    void start(String url, String delivery) throws Exception {
        platform.start(SupervisionCrashNode.class, url, dataDir, "--sunbid.scheduler.name=supervision-crash-trial",
                "--sunbid.supervision.delivery=" + delivery);
    }

    String login(String username) throws Exception {
        return platform.login(username, SupervisionCrashNode.PASSWORD);
    }
}
