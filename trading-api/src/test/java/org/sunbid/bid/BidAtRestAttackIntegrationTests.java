package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.Role;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.SignatureScheme;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.SealedFiles;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Attacks at rest and on the signer's certificate: a copy of everything the platform keeps (the database cluster's
 * files, a logical dump of every table, the data directory with the blob store and keystores, the application log)
 * made before the opening opens no bid and holds neither the lot's private key nor a share in the clear; a package
 * signed when the bidder's certificate had expired is named at the opening.
 */
class BidAtRestAttackIntegrationTests extends BidScenario {

    @Autowired
    DataSource dataSource;

    @TempDir
    Path copy;

    @Test
    void aPackageSignedWhenTheBiddersCertificateHadExpiredIsNamedAtTheOpening() throws Exception {
        String staff = platform(Role.STAFF);
        List<Person> custodians = custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        List<Person> bidders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person b = member(Role.BIDDER, "证书过期测试" + i + "有限公司");
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], b.member())), 204);
            bidders.add(b);
        }
        // bidder 2 also holds an old certificate, bound while valid, that expires a day later
        SigningKey old = org.sunbid.support.TestCa.issue("CN=证书过期测试2有限公司 旧证书,O=证书过期测试2", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(1));
        members.bindCertificate(bidders.get(2).member(), Certificates.toPem(old.certificate()), null);

        submit(bidders.get(0), ids[0], ids[1], sealedTender(bidders.get(0), ids[1], opening, "300.00"));
        submit(bidders.get(1), ids[0], ids[1], sealedTender(bidders.get(1), ids[1], opening, "301.00"));
        // two days later bidder 2 signs its package with the expired certificate (its manifest with the valid one)
        clock.advance(Duration.ofDays(2));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("bid-form.json"));
            z.write(("{\"lot\":\"" + ids[1] + "\",\"price\":302.00,\"duration\":\"200 日历天\"}").getBytes(StandardCharsets.UTF_8));
        }
        byte[] signedAfterExpiry = new CmsSigner(old, SignatureScheme.ECDSA_P256_SHA256,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(2))).sign(zip.toByteArray(), false);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signedAfterExpiry), sealed, List.of(opening, bidders.get(2).key().certificate()),
                ContentCipher.AES_256_GCM);
        String expiredBid = submit(bidders.get(2), ids[0], ids[1], sealed.toByteArray()).get("bidId").asText();

        clock.advance(Duration.ofDays(23).plusMinutes(31));
        JsonNode session = open(staff, custodians, ids);
        assertThat(session.get("status").asText()).isEqualTo("OPENED");
        assertThat(session.get("results")).hasSize(3);
        for (JsonNode r : session.get("results")) {
            assertThat(r.get("decryption").asText()).isEqualTo("DECRYPTED");
            if (r.get("bidId").asText().equals(expiredBid)) {
                assertThat(r.get("signature").asText()).isEqualTo("CERTIFICATE_EXPIRED_AT_SIGNING");
                assertThat(r.get("price").isNull()).isTrue();
            } else {
                assertThat(r.get("signature").asText()).isEqualTo("VALID");
            }
        }
    }

    @Test
    void aCopyOfTheDatabaseBlobsKeystoresAndLogsMadeBeforeTheOpeningOpensNoBidAndHoldsNoKeyOrShareInTheClear()
            throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger sunbid = (Logger) LoggerFactory.getLogger("org.sunbid");
        Logger sql = (Logger) LoggerFactory.getLogger("org.springframework.jdbc");
        Level rootLevel = root.getLevel();
        Level level = sunbid.getLevel();
        Level sqlLevel = sql.getLevel();
        logs.start();
        root.addAppender(logs);
        // the most an operator could turn on: everything at DEBUG, ours and the SQL with its parameters at TRACE
        root.setLevel(Level.DEBUG);
        sunbid.setLevel(Level.TRACE);
        sql.setLevel(Level.TRACE);
        String staff;
        List<Person> custodians;
        UUID[] ids;
        List<String> bidIds = new ArrayList<>();
        try {
            staff = platform(Role.STAFF);
            custodians = custodians(3);
            ids = publishedProject(staff, platform(Role.REGULATOR));
            X509Certificate opening = openingCertificate(ids[0], ids[1]);
            for (int i = 0; i < 3; i++) {
                Person b = member(Role.BIDDER, "拷贝攻击测试" + i + "有限公司");
                call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], b.member())), 204);
                bidIds.add(submit(b, ids[0], ids[1], sealedTender(b, ids[1], opening, (400 + i) + ".00")).get("bidId").asText());
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(rootLevel);
            sunbid.setLevel(level);
            sql.setLevel(sqlLevel);
        }

        // ---- the attacker's copy, taken before the opening
        jdbc.sql("checkpoint").update();
        Path cluster = Path.of(jdbc.sql("show data_directory").query(String.class).single());
        copyTree(cluster, copy.resolve("pg-cluster"));
        copyTree(properties.dataDir(), copy.resolve("data-dir"));
        dumpEveryTable(copy.resolve("dump.sql"));
        StringBuilder log = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            log.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                log.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        Files.writeString(copy.resolve("application.log"), log);
        assertThat(log.toString()).as("the log capture saw the lot's life").contains("opening_key_share");
        List<Path> copied = files(copy);
        List<Path> sealedBids = copied.stream().filter(p -> p.toString().contains(ids[1].toString())
                && p.getFileName().toString().endsWith(".sealed")).toList();
        assertThat(sealedBids).hasSize(3);

        // every private key an attacker finds in the copy: PKCS#12 files (with the configured passphrase), PEM blocks,
        // DER PKCS#8 / SEC1 structures anywhere in any file, in the dump's hex bytea too
        List<SigningKey> found = keysIn(copied);
        assertThat(found).as("the platform's own keys are in the copy (keystores)").isNotEmpty();
        List<byte[]> sealedShares = jdbc.sql("select sealed_share from opening_key_share where lot_id = ? order by idx")
                .param(ids[1]).query(byte[].class).list();
        for (SigningKey key : found) {
            for (Path bid : sealedBids) {
                assertThat(Opener.open(bid, key, copy.resolve("attempt.out")).isOpened())
                        .as("%s opens %s", key.certificate().getSubjectX500Principal(), bid.getFileName()).isFalse();
            }
            for (byte[] share : sealedShares) {
                assertThat(opensShare(share, key)).isFalse();
            }
        }

        // shares are stored only sealed, each to one custodian's certificate
        assertThat(sealedShares).hasSize(3);
        int addressed = 0;
        for (byte[] share : sealedShares) {
            Path file = Files.write(copy.resolve("share.bin"), share);
            for (Person c : custodians) {
                SealedFiles.Inspection inspection = SealedFiles.inspect(file, c.key().certificate());
                assertThat(inspection.kind()).isNotEqualTo(SealedFiles.Kind.NOT_SEALED);
                assertThat(inspection.recipients()).isEqualTo(1);
                addressed += inspection.addressedTo() ? 1 : 0;
            }
        }
        assertThat(addressed).isEqualTo(3);

        // now the custodians open their shares (offline, with their own keys); the test rebuilds the key from them and
        // looks for its every form, and for every share's value, in the copy
        List<Share> shares = new ArrayList<>();
        for (Person c : custodians) {
            for (JsonNode item : call(as(c.token(), get("/api/custodians/me/shares")), 200)) {
                if (item.get("lotId").asText().equals(ids[1].toString())) {
                    shares.add(ThresholdKeys.open(Base64.getDecoder().decode(item.get("sealedBase64").asText()), c.key()));
                }
            }
        }
        assertThat(shares).hasSize(3);
        byte[] pkcs8 = ThresholdKeys.combine(shares.subList(0, 2));
        PrivateKey rebuilt = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] scalar = unsigned32(((ECPrivateKey) rebuilt).getS().toByteArray());
        SigningKey openingKey = new SigningKey(rebuilt, List.of(openingCertificate(ids[0], ids[1])));
        assertThat(Opener.open(sealedBids.get(0), openingKey, copy.resolve("control.out")).isOpened())
                .as("the copied sealed files are intact: the real key opens them").isTrue();
        Files.delete(copy.resolve("control.out"));

        Map<String, byte[]> secrets = new LinkedHashMap<>();
        forms(secrets, "opening key PKCS#8", pkcs8);
        forms(secrets, "opening key scalar", scalar);
        for (Share s : shares) {
            forms(secrets, "share #" + s.index(), s.value());
        }
        // control: the scanner and the key finder do find a planted key
        Path planted = Files.write(Files.createTempFile("planted-", ".bin"), concat(new byte[777], pkcs8, new byte[333]));
        try {
            assertThat(occurrences(List.of(planted), secrets)).contains("opening key PKCS#8 (raw) in " + planted.getFileName());
            assertThat(keysIn(List.of(planted)).stream().anyMatch(k -> Opener.open(sealedBids.get(0), k,
                    planted.resolveSibling(planted.getFileName() + ".out")).isOpened())).isTrue();
        } finally {
            Files.deleteIfExists(planted);
            Files.deleteIfExists(planted.resolveSibling(planted.getFileName() + ".out"));
        }
        assertThat(occurrences(copied, secrets)).as("secrets found in the copy").isEmpty();

        // and the real opening, with two custodians, still opens every bid
        clock.advance(Duration.ofDays(25).plusMinutes(31));
        JsonNode session = open(staff, custodians, ids);
        assertThat(session.get("status").asText()).isEqualTo("OPENED");
        for (JsonNode r : session.get("results")) {
            assertThat(bidIds).contains(r.get("bidId").asText());
            assertThat(r.get("signature").asText()).isEqualTo("VALID");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean opensShare(byte[] sealedShare, SigningKey key) {
        try {
            ThresholdKeys.open(sealedShare, key);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** COPY of every table of every schema, as pg_dump's data section would hold it (bytea as hex). */
    private void dumpEveryTable(Path target) throws Exception {
        List<String> tables = jdbc.sql("""
                select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")
                .query(String.class).list();
        assertThat(tables).contains("public.bid", "public.opening_key", "public.opening_key_share");
        StringWriter out = new StringWriter();
        try (var connection = dataSource.getConnection()) {
            var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                out.append("-- ").append(table).append('\n');
                copyApi.copyOut("COPY " + table + " TO STDOUT", out);
            }
        }
        Files.writeString(target, out.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else if (Files.isRegularFile(p)) {
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target);
                    }
                } catch (java.nio.file.NoSuchFileException vanished) {
                    // a live cluster's temporary file went away while copying: nothing to copy
                }
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]*PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final Pattern HEX_BYTEA = Pattern.compile("\\\\\\\\x([0-9a-f]{64,})");
    /** AlgorithmIdentifier of id-ecPublicKey with prime256v1, and with SM2: inside every EC PKCS#8 key. */
    private static final byte[] P256_ALGORITHM = HexFormat.of().parseHex("301306072a8648ce3d020106082a8648ce3d030107");
    private static final byte[] SM2_ALGORITHM = HexFormat.of().parseHex("301306072a8648ce3d020106082a811ccf5501822d");

    /** Every private key an attacker could pull out of these files. */
    private List<SigningKey> keysIn(List<Path> files) throws Exception {
        List<SigningKey> keys = new ArrayList<>();
        List<PrivateKey> loose = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                for (String passphrase : List.of(properties.keys().passphrase(), "", "changeit")) {
                    try {
                        keys.add(Pkcs12.read(file, passphrase.toCharArray()));
                        break;
                    } catch (RuntimeException wrongPassphrase) {
                        // try the next
                    }
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            List<byte[]> blobs = new ArrayList<>();
            blobs.add(bytes);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            Matcher hex = HEX_BYTEA.matcher(text);
            while (hex.find()) {
                String h = hex.group(1);
                blobs.add(HexFormat.of().parseHex(h.length() % 2 == 0 ? h : h.substring(0, h.length() - 1)));
            }
            Matcher pem = PEM.matcher(text);
            while (pem.find()) {
                blobs.add(Base64.getMimeDecoder().decode(pem.group(2)));
            }
            for (byte[] blob : blobs) {
                for (byte[] algorithm : List.of(P256_ALGORITHM, SM2_ALGORITHM)) {
                    for (int at = indexOf(blob, algorithm, 0); at >= 0; at = indexOf(blob, algorithm, at + 1)) {
                        for (int back = 3; back <= 8 && at - back >= 0; back++) {
                            PrivateKey k = pkcs8(Arrays.copyOfRange(blob, at - back, blob.length));
                            if (k != null) {
                                loose.add(k);
                                break;
                            }
                        }
                    }
                }
            }
        }
        for (PrivateKey k : loose) {
            // an Opener needs a recipient certificate: pair the loose key with every certificate the bids name
            for (X509Certificate c : openingCertificates()) {
                keys.add(new SigningKey(k, List.of(c)));
            }
        }
        return keys;
    }

    private List<X509Certificate> openingCertificates() {
        return jdbc.sql("select certificate from opening_key").query(byte[].class).list().stream().map(Certificates::parse)
                .toList();
    }

    private static PrivateKey pkcs8(byte[] from) {
        try {
            var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                    new org.bouncycastle.asn1.ASN1InputStream(from).readObject());
            return KeyFactory.getInstance("EC", Certificates.provider()).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (Exception | Error notAKey) {
            return null;
        }
    }

    /** The raw bytes, hex (as bytea prints), base64 (as JSON carries it) and base64url. */
    private static void forms(Map<String, byte[]> into, String name, byte[] secret) {
        into.put(name + " (raw)", secret);
        into.put(name + " (hex)", HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
        into.put(name + " (base64)", Base64.getEncoder().encodeToString(secret).replace("=", "").getBytes(StandardCharsets.US_ASCII));
        into.put(name + " (base64url)", Base64.getUrlEncoder().withoutPadding().encodeToString(secret).getBytes(StandardCharsets.US_ASCII));
    }

    private static List<String> occurrences(List<Path> files, Map<String, byte[]> secrets) throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (Map.Entry<String, byte[]> s : secrets.entrySet()) {
                if (indexOf(bytes, s.getValue(), 0) >= 0) {
                    hits.add(s.getKey() + " in " + file.getFileName());
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        for (int i = Math.max(0, from); i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] unsigned32(byte[] bigEndian) {
        byte[] out = new byte[32];
        int n = Math.min(32, bigEndian.length);
        System.arraycopy(bigEndian, bigEndian.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
