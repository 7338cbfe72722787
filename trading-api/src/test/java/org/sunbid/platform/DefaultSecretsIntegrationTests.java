package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.interfaces.ECPrivateKey;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.SunbidApplication;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.PlatformKeyStore;

/**
 * No usable secret by default: outside demo mode the published passphrase is refused at start, no demo CA member or
 * custodian key is ever written, the embedded PostgreSQL wants the generated password and listens on loopback only,
 * and a token forged with a key behind the published passphrase is refused.
 */
class DefaultSecretsIntegrationTests {

    private static final String PASSPHRASE = "an-operator's-own-passphrase-7f3a";

    @TempDir
    Path dataDir;

    @Test
    void outsideDemoModeThePublishedPassphraseStopsTheStartAndSaysHowToSetOne() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SunbidApplication.class)
                .run("--server.port=0", "--sunbid.data-dir=" + dataDir, "--logging.level.root=OFF"))
                .satisfies(e -> assertThat(messages(e)).contains("sunbid.keys.passphrase", "SUNBID_KEYS_PASSPHRASE",
                        PlatformProperties.PUBLISHED_PASSPHRASE));
        assertThatThrownBy(() -> new SpringApplicationBuilder(SunbidApplication.class).run("--server.port=0",
                "--sunbid.data-dir=" + dataDir, "--sunbid.keys.passphrase=   ", "--logging.level.root=OFF"))
                .satisfies(e -> assertThat(messages(e)).contains("SUNBID_KEYS_PASSPHRASE"));
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void aNonDemoInstanceKeepsNoDemoKeyItsDatabaseWantsThePasswordAndAForgedAdminTokenIsRefused() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SunbidApplication.class)
                .run("--server.port=0", "--sunbid.data-dir=" + dataDir, "--sunbid.keys.passphrase=" + PASSPHRASE,
                        "--logging.level.root=WARN")) {
            // no demo member or custodian key is ever written outside demo mode
            Path ca = app.getBean(PlatformProperties.class).caDirectory();
            try (Stream<Path> files = Files.list(ca)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .contains(DemoCa.ROOT, DemoCa.DOCUMENT_SIGNER, DemoCa.TSA)
                        .noneMatch(n -> n.startsWith(DemoCa.CUSTODIAN_PREFIX) || n.equals(DemoCa.MEMBER));
            }
            // and nothing in the data directory opens with the published passphrase
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p12 : files.filter(p -> p.toString().endsWith(".p12")).toList()) {
                    assertThatThrownBy(() -> Pkcs12.read(p12, PlatformProperties.PUBLISHED_PASSPHRASE.toCharArray()))
                            .as(p12.toString()).isInstanceOf(RuntimeException.class);
                    assertThat(Pkcs12.read(p12, PASSPHRASE.toCharArray()).privateKey()).isNotNull();
                }
            }

            // the database: a generated password, owner-only, loopback only
            Path passwordFile = dataDir.resolve("database.password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            assertThat(jdbc.sql("show password_encryption").query(String.class).single()).isEqualTo("scram-sha-256");
            int port = jdbc.sql("show port").query(Integer.class).single();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            for (String[] login : List.of(new String[] { "postgres", "" }, new String[] { "postgres", "postgres" },
                    new String[] { System.getProperty("user.name"), "" })) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, login[0], login[1]).close())
                        .as("log in as %s with password '%s'", login[0], login[1]).isInstanceOf(SQLException.class)
                        .hasMessageContaining("password");
            }
            DriverManager.getConnection(url, "postgres", password).close();

            // forged ADMIN tokens: the attacker holds the database (admin's id and token version)
            Map<String, Object> admin = jdbc.sql("select id, token_version from account where username = 'admin'")
                    .query().singleRow();
            int http = ((WebServerApplicationContext) app).getWebServer().getPort();
            // ... signed with a key kept under the published passphrase: refused
            PlatformKeyStore.KeyEntry published = PlatformKeyStore.loadOrCreate(dataDir.resolveSibling(
                    dataDir.getFileName() + "-attacker.p12"), PlatformProperties.PUBLISHED_PASSPHRASE.toCharArray(),
                    "jwt", "CN=Sunbid token signing,O=Sunbid", Duration.ofDays(10));
            assertThat(adminAccounts(http, forge(published, admin))).isEqualTo(401);
            // control: the same forgery with the platform's real key (which needs the operator's passphrase) works
            PlatformKeyStore.KeyEntry real = PlatformKeyStore.loadOrCreate(dataDir.resolve("keys").resolve("platform.p12"),
                    PASSPHRASE.toCharArray(), "jwt", "CN=unused", Duration.ofDays(1));
            assertThat(adminAccounts(http, forge(real, admin))).isEqualTo(200);
        }
    }

    private static String forge(PlatformKeyStore.KeyEntry key, Map<String, Object> admin) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("sunbid-jwt").build(),
                new JWTClaimsSet.Builder().issuer("sunbid").subject(admin.get("id").toString())
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                        .jwtID(UUID.randomUUID().toString()).claim("username", "admin").claim("role", "ADMIN")
                        .claim("name", "forged").claim("tv", admin.get("token_version")).build());
        jwt.sign(new ECDSASigner((ECPrivateKey) key.privateKey()));
        return jwt.serialize();
    }

    private static int adminAccounts(int port, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/admin/accounts")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
