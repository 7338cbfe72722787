package org.sunbid.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * The whole platform in a JVM of its own, for tests that kill it with SIGKILL ({@code kill -9}) and start it again: a
 * main class on the test class path that prints {@code READY} once it serves, and an HTTP client for its port.
 */
public final class ForkedPlatform {

    /** Generous: on a loaded 2-core machine a start takes minutes ({@code -Dsunbid.crash.start-timeout=PT10M}). */
    static final Duration START_TIMEOUT = Duration.parse(System.getProperty("sunbid.crash.start-timeout", "PT5M"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private Process process;

    public ForkedPlatform() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Starts {@code main} with the test profile, the given database and data directory, this port and
     * {@code arguments}; returns once it printed {@code READY}.
     */
    public void start(Class<?> main, String databaseUrl, Path dataDir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName(),
                "--spring.profiles.active=test", "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres", "--sunbid.data-dir=" + dataDir, "--server.port=" + port,
                "--logging.level.root=WARN"));
        command.addAll(List.of(arguments));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        StringBuilder log = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            log.append(line).append('\n');
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return;
            }
            if (System.nanoTime() > until) {
                break;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the platform did not start:\n" + log);
    }

    /** SIGKILL: the JVM dies at once, without shutdown hooks. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    public HttpRequest request(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", Api.bearer(token));
        }
        return b.build();
    }

    public HttpResponse<byte[]> send(String method, String path, String token, String body) throws Exception {
        return http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", Api.bearer(token));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public String login(String username, String password) throws Exception {
        return json(send("POST", "/api/auth/login", null, Api.json(java.util.Map.of("username", username,
                "password", password))), 200).get("accessToken").asText();
    }

    public static JsonNode json(HttpResponse<byte[]> response, int status) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        return Api.JSON.readTree(body);
    }
}
