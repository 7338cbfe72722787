package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.sunbid.SunbidApplication;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;

/** The embedded PostgreSQL keeps its data across restarts, including after the JVM was killed with SIGKILL. */
class EmbeddedDatabaseRestartIntegrationTests {

    private static final String PASSPHRASE = "restart-test-passphrase";

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheData() {
        String username = "keep-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(AccountManagement.class).createPlatformAccount(username, "Keep#Passw0rd1", Role.STAFF,
                    "留存测试", null);
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(AccountManagement.class).usernameTaken(username)).isTrue();
        }
    }

    @Test
    void startsAfterTheJvmWasKilledAndTheOrphanedPostgresHeldTheDataDirectory() throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SunbidApplication.class.getName(),
                "--server.port=" + port,
                "--sunbid.data-dir=" + dataDir,
                "--sunbid.keys.passphrase=" + PASSPHRASE,
                "--logging.level.root=WARN"));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-node.log");
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitHealthy(port, node, log);
            assertThat(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid"))).isTrue();
        } finally {
            node.destroyForcibly().waitFor();
        }
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
        // The JVM is gone; its postmaster still runs and holds the directory. A new start must recover.
        try (ConfigurableApplicationContext recovered = start()) {
            assertThat(recovered.getBean(AccountManagement.class).usernameTaken("admin")).isTrue();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SunbidApplication.class)
                .run("--server.port=0", "--sunbid.data-dir=" + dataDir, "--sunbid.keys.passphrase=" + PASSPHRASE,
                        "--logging.level.root=WARN");
    }

    private static void awaitHealthy(int port, Process node, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        Awaitility.await("the node healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .failFast(() -> {
                    if (!node.isAlive()) {
                        throw new AssertionError("node exited early:\n" + Files.readString(log));
                    }
                })
                .ignoreExceptionsInstanceOf(IOException.class) // still starting (connection refused)
                .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
