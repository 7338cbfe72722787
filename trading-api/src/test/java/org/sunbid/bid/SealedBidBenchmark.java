package org.sunbid.bid;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.sunbid.SunbidApplication;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: the deadline rush and the opening, measured on a running platform (real HTTP on loopback, an embedded
 * PostgreSQL in a temporary folder), each next to a baseline run over the same bytes in the same run.
 *
 * <ol>
 * <li>Deadline rush: N bidders, each with its own signed (CMS, attached) and sealed (AES-256-GCM to the lot's opening
 * certificate and its own) package of S MiB, start together and upload through the resumable-upload API (start, PUT at
 * offset 0, complete with a signed manifest); MB/s over the wall time and receipt latency p50/p99, against
 * {@code sha256sum} and {@code dd conv=fsync} over the same files. Every receipt is counted and verified (platform
 * CMS signature, RFC 3161 token over the file's SHA-256, hash and size in the statement).</li>
 * <li>Opening: the custodians release 2 of 3 shares over HTTP; the release that reaches the threshold opens every bid
 * (decrypt, verify the inner signature against the registered certificate, compare the hash with the receipt, read the
 * bid form): seconds, against {@code openssl cms -decrypt} + {@code openssl cms -verify} of the same files with the
 * same (rebuilt) opening key.</li>
 * </ol>
 *
 * Run with {@code trading-api/bench/sealed-bids-bench.sh [bidders] [MiB]} (defaults 20 × 20 MiB; the issue's full
 * size is {@code 200 20}).
 */
public final class SealedBidBenchmark extends BidScenario {

    private static final int CHUNK = 1 << 20;

    public static void main(String[] args) throws Exception {
        int bidders = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dataDir = Files.createTempDirectory("sunbid-bidbench-");
        Path work = Files.createTempDirectory("sunbid-bidbench-files-");
        // command-line arguments: they outrank application.yml (whose server.port would otherwise be 8080)
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(SunbidApplication.class)
                    .run("--sunbid.data-dir=" + dataDir, "--sunbid.database.ephemeral=true", "--server.port=0",
                        "--sunbid.keys.passphrase=benchmark-only-passphrase",
                        "--sunbid.keys.trusted-cas=" + org.sunbid.support.TestCa.pemFile(),
                            "--logging.level.root=WARN", "--sunbid.scheduler.name=sunbid-bidbench",
                            "--sunbid.supervision.tree-head-interval=PT24H");
            SealedBidBenchmark bench = new SealedBidBenchmark(app);
            bench.run(bidders, mib, work);
        } finally {
            if (app != null) {
                app.close();
            }
            deleteTree(work);
            deleteTree(dataDir);
        }
    }

    private final int port;
    private final ConfigurableApplicationContext app;

    SealedBidBenchmark(ConfigurableApplicationContext app) {
        this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        this.accounts = app.getBean(AccountManagement.class);
        this.members = app.getBean(MemberSetup.class);
        this.clock = app.getBean(MutableClock.class);
        this.trust = app.getBean(PlatformTrust.class);
        this.properties = app.getBean(PlatformProperties.class);
        this.jdbc = app.getBean(JdbcClient.class);
        this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        this.app = app;
    }

    record Tender(Person bidder, Path file, String sha256, long size, String manifest) {
    }

    record Upload(int status, String error, long startNanos, long completeNanos, long endNanos, JsonNode receipt) {
    }

    void run(int n, int mib, Path work) throws Exception {
        System.out.printf("Sealed bids benchmark: %d bidders x %d MiB, %s, %d cores, load %s%n", n, mib,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load());
        // ---- setup (in-process MockMvc: not measured)
        String staff = platform(Role.STAFF);
        List<Person> custodians = custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        UUID project = ids[0];
        UUID lot = ids[1];
        X509Certificate opening = openingCertificate(project, lot);
        // the setup on a few threads (a shared machine gives CPU per runnable thread), bidders in index order
        ExecutorService setup = Executors.newFixedThreadPool(SETUP_THREADS);
        long t0 = System.nanoTime();
        List<Future<Person>> registering = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            registering.add(setup.submit(() -> {
                Person b = bidder("压测投标" + k + "有限公司");
                call(as(platformStaff(), post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", project, lot, b.member())),
                        204);
                return b;
            }));
        }
        List<Person> people = new ArrayList<>();
        for (Future<Person> f : registering) {
            people.add(f.get());
        }
        System.out.printf("setup: %d bidders registered and cleared in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        long t = System.nanoTime();
        List<Future<Tender>> sealing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            sealing.add(setup.submit(() -> tender(people.get(k), lot, opening, mib, k, work)));
        }
        List<Tender> tenders = new ArrayList<>();
        for (Future<Tender> f : sealing) {
            tenders.add(f.get());
        }
        setup.shutdown();
        long total = tenders.stream().mapToLong(Tender::size).sum();
        System.out.printf("setup: %d sealed files, %.1f MiB in all, made in %.1f s%n", n, total / 1048576.0,
                (System.nanoTime() - t) / 1e9);

        // the setup may overlap other work; -Dbench.startAfter=<file> holds the measured part until that file exists
        String startAfter = System.getProperty("bench.startAfter");
        if (startAfter != null) {
            System.out.println("setup done; the measured part starts once " + startAfter + " exists");
            org.awaitility.Awaitility.await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Files.exists(Path.of(startAfter)));
            System.out.printf("starting, load %s%n", load());
        }
        // fresh access tokens (they live 15 minutes; the setup and the wait may take longer): not measured
        List<Tender> signedIn = new ArrayList<>();
        for (Tender x : tenders) {
            signedIn.add(new Tender(signIn(x.bidder()), x.file(), x.sha256(), x.size(), x.manifest()));
        }
        tenders = signedIn;
        String freshStaff = platform(Role.STAFF);

        // ---- warm-up (not measured): a few small bids on another lot, through the same HTTP path
        warmUp(freshStaff, work);

        // ---- baseline: the machine's limit over the same bytes
        List<String> names = tenders.stream().map(x -> x.file().getFileName().toString()).toList();
        run(work, List.of("bash", "-c", "cat " + String.join(" ", names) + " > /dev/null")); // warm the page cache
        double sha = timed(work, List.of("bash", "-c", "sha256sum " + String.join(" ", names) + " > /dev/null"));
        StringBuilder dd = new StringBuilder();
        for (String name : names) {
            dd.append("dd if=").append(name).append(" of=dd.out bs=1M conv=fsync status=none && ");
        }
        dd.append("rm -f dd.out");
        double ddSeconds = timed(work, List.of("bash", "-c", dd.toString()));
        double shaMBs = total / 1e6 / sha;
        double ddMBs = total / 1e6 / ddSeconds;
        double limit = Math.min(shaMBs, ddMBs);

        // ---- the rush: every bidder starts at once
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Upload>> futures = new ArrayList<>();
        for (Tender tender : tenders) {
            futures.add(pool.submit(() -> {
                go.await();
                return upload(http, project, lot, tender);
            }));
        }
        long rushStart = System.nanoTime();
        go.countDown();
        List<Upload> uploads = new ArrayList<>();
        for (Future<Upload> f : futures) {
            uploads.add(f.get(30, TimeUnit.MINUTES));
        }
        long rushEnd = uploads.stream().mapToLong(Upload::endNanos).max().orElse(rushStart);
        pool.shutdown();
        double rushSeconds = (rushEnd - rushStart) / 1e9;
        double rushMBs = total / 1e6 / rushSeconds;
        long errors = uploads.stream().filter(u -> u.receipt() == null).count();
        uploads.stream().filter(u -> u.receipt() == null).limit(5)
                .forEach(u -> System.out.println("  error: HTTP " + u.status() + " " + u.error()));

        // every receipt: counted and verified
        int verified = 0;
        for (int i = 0; i < n; i++) {
            JsonNode r = uploads.get(i).receipt();
            if (r != null && receiptHolds(r, tenders.get(i))) {
                verified++;
            }
        }
        int stored = jdbc.sql("select count(*) from bid where lot_id = ? and status = 'RECEIVED'").param(lot)
                .query(Integer.class).single();
        double[] receiptMs = uploads.stream().filter(u -> u.receipt() != null)
                .mapToDouble(u -> (u.endNanos() - u.completeNanos()) / 1e6).sorted().toArray();
        double[] wholeMs = uploads.stream().filter(u -> u.receipt() != null)
                .mapToDouble(u -> (u.endNanos() - u.startNanos()) / 1e6).sorted().toArray();

        System.out.println();
        System.out.println("| deadline rush | figure |");
        System.out.println("|---|---|");
        System.out.printf("| bidders x size | %d x %d MiB = %.0f MB |%n", n, mib, total / 1e6);
        System.out.printf("| wall time, first request to last receipt | %.2f s |%n", rushSeconds);
        System.out.printf("| throughput over HTTP | %.0f MB/s |%n", rushMBs);
        System.out.printf("| receipt latency (complete with manifest -> receipt) p50 / p99 | %.0f / %.0f ms |%n",
                pct(receiptMs, 50), pct(receiptMs, 99));
        System.out.printf("| whole upload per bidder (start -> receipt) p50 / p99 | %.0f / %.0f ms |%n", pct(wholeMs, 50),
                pct(wholeMs, 99));
        System.out.printf("| errors | %d |%n", errors);
        System.out.printf("| receipts received / verified / bids stored | %d / %d / %d |%n", receiptMs.length, verified, stored);
        System.out.printf("| baseline `sha256sum` same files | %.0f MB/s (%.2f s) |%n", shaMBs, sha);
        System.out.printf("| baseline `dd bs=1M conv=fsync` per file | %.0f MB/s (%.2f s) |%n", ddMBs, ddSeconds);
        System.out.printf("| ratio to the machine's limit (slower baseline) | **%.0f%%** (target >= 70%%) |%n",
                100 * rushMBs / limit);

        // the receipts' signed PDFs are issued after the answers, one at a time: when the last one is there
        java.util.function.Supplier<Integer> due = () -> jdbc.sql(
                "select count(*) from bid where lot_id = ? and receipt_document is null").param(lot).query(Integer.class).single();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> due.get() == 0);
            System.out.printf("| every receipt's signed PDF issued (after the answers), from the last receipt | %.1f s |%n",
                    (System.nanoTime() - rushEnd) / 1e9);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // an attempt that failed stays due until the next pass (start-up, deadline, opening, the bidder's request)
            int left = due.get();
            app.getBean(org.sunbid.bid.internal.Completions.class).finishAll(lot);
            System.out.printf("| receipt PDFs still due 10 min after the last receipt (a failed attempt waits for the next "
                    + "pass) | %d, issued by the deadline's pass: %d left |%n", left, due.get());
        }

        // what one receipt's signed PDF costs (render + PAdES B-T + store), one at a time, to explain the latency
        var documents = app.getBean(org.sunbid.document.DocumentManagement.class);
        int pdfs = 10;
        long d0 = System.nanoTime();
        for (int i = 0; i < pdfs; i++) {
            documents.issue(new org.sunbid.document.DocumentManagement.IssueRequest(org.sunbid.document.DocumentKind.BID_RECEIPT,
                    UUID.randomUUID(), people.get(0).member(), org.sunbid.document.Visibility.OWNER,
                    org.sunbid.document.PlatformDocuments.bidReceipt(new org.sunbid.document.PlatformDocuments.BidReceipt(
                            "T-BENCH", "压测项目", "第一标段", "压测投标有限公司", "", UUID.randomUUID(), tenders.get(0).sha256(),
                            tenders.get(0).size(), java.time.Instant.now(), java.time.Instant.now(), "1"))));
        }
        System.out.printf("| one signed receipt PDF alone (render + PAdES + store), mean of %d in a row | %.0f ms |%n", pdfs,
                (System.nanoTime() - d0) / 1e6 / pdfs);

        if (!Boolean.parseBoolean(System.getProperty("bench.opening", "true"))) {
            System.out.println("(opening not measured: -Dbench.opening=false)");
            return;
        }
        // ---- the opening: two custodians release their shares; the second release opens every bid
        clock.advance(Duration.ofDays(25).plusMinutes(31));
        JsonNode session = call(as(freshStaff, post("/api/openings/{p}/{l}/start", project, lot)), 200);
        int threshold = session.get("threshold").asInt();
        List<Share> shares = new ArrayList<>();
        List<Person> releasing = new ArrayList<>();
        for (Person custodian : custodians) {
            for (JsonNode item : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                if (item.get("lotId").asText().equals(lot.toString()) && shares.size() < threshold) {
                    shares.add(ThresholdKeys.open(Base64.getDecoder().decode(item.get("sealedBase64").asText()),
                            custodian.key()));
                    releasing.add(custodian);
                }
            }
        }
        for (int i = 0; i < shares.size() - 1; i++) {
            release(http, releasing.get(i), project, lot, shares.get(i));
        }
        long o0 = System.nanoTime();
        HttpResponse<String> last = release(http, releasing.get(shares.size() - 1), project, lot,
                shares.get(shares.size() - 1));
        // The k-th release schedules the decrypt-bids job; the opening is over when the hall leaves OPENING.
        JsonNode released = Api.JSON.readTree(last.body());
        JsonNode opened = "OPENING".equals(released.get("status").asText())
                ? org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(100))
                        .atMost(java.time.Duration.ofHours(2))
                        .until(() -> call(as(freshStaff, get("/api/openings/{p}/{l}", project, lot)), 200),
                                hall -> !"OPENING".equals(hall.get("status").asText()))
                : released;
        double openSeconds = (System.nanoTime() - o0) / 1e9;
        int valid = 0;
        for (JsonNode r : opened.get("results")) {
            if (r.get("decryption").asText().equals("DECRYPTED") && r.get("signature").asText().equals("VALID")
                    && r.get("hashCheck").asText().equals("MATCHES") && !r.get("price").isNull()) {
                valid++;
            }
        }

        // openssl over the same files with the same key (rebuilt here from the same two shares)
        byte[] pkcs8 = ThresholdKeys.combine(shares);
        Files.writeString(work.resolve("opening.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        Arrays.fill(pkcs8, (byte) 0);
        Files.writeString(work.resolve("opening.pem"), Certificates.toPem(opening));
        // only the files that became bids (all of them unless the rush lost some)
        List<String> openedNames = new ArrayList<>();
        long openedTotal = 0;
        for (int i = 0; i < n; i++) {
            if (uploads.get(i).receipt() != null) {
                openedNames.add(names.get(i));
                openedTotal += tenders.get(i).size();
            }
        }
        StringBuilder ossl = new StringBuilder("set -e; ");
        for (String name : openedNames) {
            ossl.append("openssl cms -decrypt -binary -inform DER -in ").append(name)
                    .append(" -recip opening.pem -inkey opening.key -out o.p7s; ")
                    .append("openssl cms -verify -binary -inform DER -in o.p7s -noverify -out o.zip 2>/dev/null; ");
        }
        ossl.append("rm -f o.p7s o.zip");
        double opensslSeconds = timed(work, List.of("bash", "-c", ossl.toString()));

        System.out.println();
        System.out.println("| opening | figure |");
        System.out.println("|---|---|");
        System.out.printf("| bids opened and verified (decrypted, signature VALID, hash MATCHES, bid form read) | %d of %d |%n",
                valid, openedNames.size());
        System.out.printf("| platform: the threshold release that opens every bid | %.2f s (%.0f MB/s) |%n", openSeconds,
                openedTotal / 1e6 / openSeconds);
        System.out.printf("| baseline `openssl cms -decrypt` + `openssl cms -verify`, the same %d files, one by one | %.2f s (%.0f MB/s) |%n",
                openedNames.size(), opensslSeconds, openedTotal / 1e6 / opensslSeconds);
        System.out.printf("| platform / openssl | **%.2fx** (target <= 1.0x) |%n", openSeconds / opensslSeconds);
        System.out.printf("load average at the end: %s%n", load());
    }

    private static final int SETUP_THREADS = 6;
    private final Map<UUID, String> usernames = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String staffToken;
    private volatile long staffSince;

    /** A bidder as {@link #member} makes one, whose username is kept to sign in again. */
    private Person bidder(String name) throws Exception {
        org.sunbid.member.MemberFixtures.Approved approved = org.sunbid.member.MemberFixtures.approved(members, Role.BIDDER);
        org.sunbid.signing.keys.SigningKey key = org.sunbid.support.TestCa.issue("CN=" + name + ",O=" + name,
                Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
        members.bindCertificate(approved.memberId(), Certificates.toPem(key.certificate()), null);
        usernames.put(approved.memberId(), approved.username());
        return signIn(new Person(null, approved.memberId(), key));
    }

    private Person signIn(Person p) throws Exception {
        return new Person(Api.login(mvc, usernames.get(p.member()), org.sunbid.member.MemberFixtures.PASSWORD), p.member(),
                p.key());
    }

    /** A staff token younger than ten minutes. */
    private synchronized String platformStaff() throws Exception {
        if (staffToken == null || System.nanoTime() - staffSince > TimeUnit.MINUTES.toNanos(10)) {
            staffToken = platform(Role.STAFF);
            staffSince = System.nanoTime();
        }
        return staffToken;
    }

    private void warmUp(String staff, Path work) throws Exception {
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Path dir = Files.createDirectories(work.resolve("warm-up"));
        int ok = 0;
        StringBuilder latencies = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            Person b = member(Role.BIDDER, "预热投标" + i + "有限公司");
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], b.member())), 204);
            Tender t = tender(b, ids[1], opening, 1, 1000 + i, dir);
            Upload u = upload(http, ids[0], ids[1], t);
            ok += u.receipt() != null ? 1 : 0;
            latencies.append(String.format(" %.0f", (u.endNanos() - u.completeNanos()) / 1e6));
        }
        deleteTree(dir);
        System.out.printf("warm-up: %d of 5 receipts, one at a time, 1 MiB; receipt latency ms:%s%n", ok, latencies);
    }

    private Upload upload(HttpClient http, UUID project, UUID lot, Tender tender) {
        long start = System.nanoTime();
        String auth = Api.bearer(tender.bidder().token());
        try {
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(uri("/api/bids/uploads"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("projectId", project, "lotId", lot, "size",
                            tender.size(), "sha256", tender.sha256()))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 201) {
                return new Upload(started.statusCode(), started.body(), start, 0, System.nanoTime(), null);
            }
            String id = Api.JSON.readTree(started.body()).get("uploadId").asText();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri("/api/bids/uploads/" + id + "?offset=0"))
                    .header("Authorization", auth).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(tender.file())).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                return new Upload(put.statusCode(), put.body(), start, 0, System.nanoTime(), null);
            }
            long complete = System.nanoTime();
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(uri("/api/bids/uploads/" + id + "/complete"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("manifest", tender.manifest())))).build(),
                    HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            if (done.statusCode() != 201) {
                return new Upload(done.statusCode(), done.body(), start, complete, end, null);
            }
            return new Upload(201, null, start, complete, end, Api.JSON.readTree(done.body()));
        } catch (Exception e) {
            return new Upload(0, e.toString(), start, 0, System.nanoTime(), null);
        }
    }

    private HttpResponse<String> release(HttpClient http, Person custodian, UUID project, UUID lot, Share share)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/openings/" + project + "/" + lot + "/shares"))
                .header("Authorization", Api.bearer(custodian.token())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sealedRelease(custodian, project, lot, share))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("release failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private boolean receiptHolds(JsonNode receipt, Tender tender) throws Exception {
        String statement = receipt.get("statement").asText();
        JsonNode fields = Api.JSON.readTree(statement);
        boolean signed = CmsVerifier.verify(Base64.getDecoder().decode(receipt.get("signature").asText()),
                statement.getBytes(StandardCharsets.UTF_8), VerifyOptions.trusting(List.of(trust.root())))
                instanceof SignatureCheck.Valid;
        boolean stamped = TimestampVerifier.verify(Base64.getDecoder().decode(receipt.get("timestampToken").asText()),
                HexFormat.of().parseHex(tender.sha256()), List.of(trust.root())) instanceof TimestampCheck.Valid;
        return signed && stamped && fields.get("sha256").asText().equals(tender.sha256())
                && fields.get("size").asLong() == tender.size();
    }

    /** A bidder's package (bid form + an incompressible "PDF" of {@code mib} MiB, stored), signed, sealed to a file. */
    private Tender tender(Person bidder, UUID lot, X509Certificate opening, int mib, int i, Path work) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream(mib * CHUNK + 4096);
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.setLevel(0);
            z.putNextEntry(new ZipEntry("bid-form.json"));
            z.write(("{\"lot\":\"" + lot + "\",\"price\":" + (9_000_000 + i) + ".00,\"duration\":\"300 日历天\"}")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("tender.pdf"));
            byte[] block = new byte[CHUNK];
            Random random = new Random(i);
            int blocks = Math.max(1, mib) - 1;
            for (int b = 0; b < blocks; b++) {
                random.nextBytes(block);
                z.write(block);
            }
            random.nextBytes(block);
            z.write(block, 0, CHUNK - 8192); // leave room for the envelope so the sealed file is about mib MiB
        }
        byte[] signed = new CmsSigner(bidder.key()).sign(zip.toByteArray(), false);
        Path file = work.resolve(String.format("bid-%03d.sealed", i));
        try (OutputStream out = Files.newOutputStream(file)) {
            Sealer.seal(new java.io.ByteArrayInputStream(signed), out, List.of(opening, bidder.key().certificate()),
                    ContentCipher.AES_256_GCM);
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            int r;
            while ((r = in.read(buffer)) > 0) {
                digest.update(buffer, 0, r);
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        long size = Files.size(file);
        String json = "{\"lot\":\"" + lot + "\",\"sha256\":\"" + sha + "\",\"size\":" + size + ",\"clientTime\":\""
                + java.time.Instant.now() + "\",\"fingerprint\":{\"mac\":\"00:16:3e:00:00:" + String.format("%02x", i % 256)
                + "\",\"cpu\":\"BFEBFBFF000906EA\",\"disk\":\"BENCH" + i + "\"}}";
        String manifest = Base64.getEncoder().encodeToString(new CmsSigner(bidder.key()).sign(json.getBytes(StandardCharsets.UTF_8), false));
        return new Tender(bidder, file, sha, size, manifest);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static double timed(Path dir, List<String> command) throws Exception {
        long t0 = System.nanoTime();
        run(dir, command);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
