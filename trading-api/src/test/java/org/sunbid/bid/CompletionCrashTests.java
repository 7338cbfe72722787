package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.support.Api;
import org.sunbid.support.ForkedPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Completion is crash-safe: the platform runs in a JVM of its own ({@link CompletionCrashNode}) against a real
 * PostgreSQL, and is killed with SIGKILL at a random instant during a bid's completion; after each restart the client
 * retries the completion and must get a valid receipt with its signed PDF, and at the end no upload is stuck and no
 * file is orphaned. CI kills at {@code -Dsunbid.crash.instants} instants (default 1, about a minute);
 * {@code scripts/completion-crash-trial.sh} runs the full 20-instant trial (see docs/reliability.md).
 */
class CompletionCrashTests {

    final ForkedPlatform platform = new ForkedPlatform();

    @TempDir
    Path dataDir;

    @Test
    void everyCompletionInterruptedByAKillAtARandomInstantEndsWithItsReceiptAndPdfAfterTheRetry() throws Exception {
        int instants = Integer.getInteger("sunbid.crash.instants", 1);
        long seed = Long.getLong("sunbid.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        SigningKey key = org.sunbid.support.TestCa.issue("CN=断电测试建设有限公司,O=断电测试", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        Files.writeString(dataDir.resolve("bidder.pem"), Certificates.toPem(key.certificate()));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            try {
                start(url);
                Properties fixture = new Properties();
                try (var in = Files.newBufferedReader(dataDir.resolve("fixture.properties"))) {
                    fixture.load(in);
                }
                UUID project = UUID.fromString(fixture.getProperty("project"));
                UUID lot = UUID.fromString(fixture.getProperty("lot"));
                X509Certificate opening = Certificates.parse(platform.get("/api/public/projects/" + project + "/lots/" + lot
                        + "/opening-certificate", null).body());
                List<String> outcomes = new ArrayList<>();
                for (int i = 0; i < instants; i++) {
                    String token = login(fixture);
                    byte[] sealed = tender(key, lot, opening, (700_000 + i) + ".00");
                    String upload = json(send("POST", "/api/bids/uploads", token, Api.json(Map.of("projectId", project,
                            "lotId", lot, "size", sealed.length, "sha256", BidScenario.sha256(sealed)))), 201)
                            .get("uploadId").asText();
                    HttpResponse<byte[]> put = platform.http().send(HttpRequest.newBuilder(platform.uri("/api/bids/uploads/"
                            + upload + "?offset=0")).header("Authorization", Api.bearer(token))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(sealed)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(put.statusCode()).isEqualTo(200);
                    String manifest = Api.json(Map.of("manifest", manifest(key, lot, sealed)));

                    // the completion is under way when the platform dies
                    long killAfter = random.nextInt(700);
                    CompletableFuture<HttpResponse<byte[]>> first = platform.http().sendAsync(platform.request("POST",
                            "/api/bids/uploads/" + upload + "/complete", token, manifest), HttpResponse.BodyHandlers.ofByteArray());
                    Thread.sleep(killAfter); // deliberate: schedules the kill -9 at a random instant, not a wait for a result
                    platform.kill();
                    String firstOutcome = first.handle((r, e) -> r == null ? "no answer" : "HTTP " + r.statusCode()).get();
                    String leftBehind = stateAfterKill(jdbc, UUID.fromString(upload));
                    start(url);

                    // the client retries with the same request until it has its receipt
                    String retryToken = login(fixture);
                    JsonNode receipt = json(send("POST", "/api/bids/uploads/" + upload + "/complete", retryToken, manifest), 201);
                    // its signed PDF is issued after the answer: 202 with Retry-After until it is there
                    HttpResponse<byte[]> pdf = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(250)).until(() -> platform.get("/api/bids/"
                                    + receipt.get("bidId").asText() + "/receipt.pdf", retryToken), r -> r.statusCode() != 202);
                    assertThat(pdf.statusCode()).as("receipt PDF issued").isEqualTo(200);
                    assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
                    assertThat(receipt.get("sha256").asText()).isEqualTo(BidScenario.sha256(sealed));
                    outcomes.add("kill at +" + killAfter + " ms: first answer " + firstOutcome + "; left behind: "
                            + leftBehind + "; retry 201 with receipt and PDF");
                }
                System.out.println("completion crash trial, seed " + seed + ":\n  " + String.join("\n  ", outcomes));

                // nothing stuck, nothing orphaned, every accepted bid whole
                assertThat(jdbc.sql("select count(*) from bid_upload where completed_bid is null").query(Integer.class)
                        .single()).isZero();
                assertThat(jdbc.sql("select count(*) from bid where not file_placed or receipt_document is null")
                        .query(Integer.class).single()).isZero();
                Set<String> files = Set.copyOf(jdbc.sql("select file from bid").query(String.class).list());
                assertThat(files).hasSize(instants);
                try (Stream<Path> onDisk = Files.walk(dataDir.resolve("bids"))) {
                    assertThat(onDisk.filter(Files::isRegularFile)
                            .map(p -> dataDir.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> p.endsWith(".sealed") || p.endsWith(".part")).toList())
                            .containsExactlyInAnyOrderElementsOf(files);
                }
                for (String file : files) {
                    String sha = jdbc.sql("select sha256 from bid where file = ?").param(file).query(String.class).single();
                    assertThat(BidSubmissions.sha256(dataDir.resolve(file))).isEqualTo(sha);
                }
                assertThat(jdbc.sql("select status from bid order by received_at").query(String.class).list())
                        .last().isEqualTo("RECEIVED");
            } finally {
                platform.kill();
            }
        }
    }

    /** What the kill left in the database, before any restart could finish it. */
    static String stateAfterKill(JdbcClient jdbc, UUID upload) {
        return jdbc.sql("""
                select case when u.completed_bid is null then 'nothing committed'
                            when not b.file_placed then 'bid committed, file not placed'
                            when b.receipt_document is null then 'file placed, no receipt PDF'
                            else 'completion finished' end
                from bid_upload u left join bid b on b.id = u.completed_bid where u.id = ?""")
                .param(upload).query(String.class).single();
    }

    void start(String url) throws Exception {
        platform.start(CompletionCrashNode.class, url, dataDir, "--sunbid.scheduler.name=crash-trial",
                "--sunbid.keys.trusted-cas=" + org.sunbid.support.TestCa.pemFile());
    }

    String login(Properties fixture) throws Exception {
        return platform.login(fixture.getProperty("username"), fixture.getProperty("password"));
    }

    HttpResponse<byte[]> send(String method, String path, String token, String body) throws Exception {
        return platform.send(method, path, token, body);
    }

    static JsonNode json(HttpResponse<byte[]> response, int status) {
        return ForkedPlatform.json(response, status);
    }

    static byte[] tender(SigningKey key, UUID lot, X509Certificate opening, String price) throws Exception {
        byte[] form = ("{\"lot\":\"" + lot + "\",\"price\":" + price + "}").getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[200_000 + form.length];
        System.arraycopy(form, 0, padded, 0, form.length);
        byte[] signed = new CmsSigner(key).sign(padded, false);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signed), sealed, List.of(opening, key.certificate()),
                ContentCipher.AES_256_GCM);
        return sealed.toByteArray();
    }

    static String manifest(SigningKey key, UUID lot, byte[] sealed) throws Exception {
        String json = "{\"lot\":\"" + lot + "\",\"sha256\":\"" + BidScenario.sha256(sealed) + "\",\"size\":" + sealed.length
                + ",\"clientTime\":\"" + java.time.Instant.now() + "\",\"fingerprint\":{\"mac\":\"00:16:3e:aa:bb:cc\"}}";
        return Base64.getEncoder().encodeToString(new CmsSigner(key).sign(json.getBytes(StandardCharsets.UTF_8), false));
    }
}
