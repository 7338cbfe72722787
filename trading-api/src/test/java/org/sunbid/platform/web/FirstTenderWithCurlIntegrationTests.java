package org.sunbid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.support.MutableClock;
import org.sunbid.support.ServerTest;
import org.sunbid.support.TestCa;

/**
 * docs/first-tender-with-curl.md, run verbatim: every {@code bash} block in order, in one bash with
 * {@code set -euo pipefail}, against the application on a random port, with curl, jq, openssl, zip and pdfsig. The only
 * help the script gets is what the document says the reader brings: a CA the server trusts ({@code ca.key},
 * {@code ca.pem}), the server's address and the administrator's password; and time — when the script says it waits for
 * the opening, the test moves the platform clock past the test project's accelerated periods instead of waiting 23
 * minutes.
 */
@ServerTest
class FirstTenderWithCurlIntegrationTests {

    static final Path DOCUMENT = Path.of("..", "docs", "first-tender-with-curl.md");
    static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```\\n");

    @LocalServerPort
    int port;

    @Autowired
    PlatformProperties properties;

    @Autowired
    MutableClock clock;

    @TempDir
    Path dir;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theWalkThroughTakesATenderFromRegistrationToAVerifiedOpeningRecord() throws Exception {
        List<String> blocks = bashBlocks(Files.readString(DOCUMENT));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(8);
        Files.writeString(dir.resolve("walk-through.sh"), "set -euo pipefail\n" + String.join("\n", blocks));
        Files.writeString(dir.resolve("ca.pem"), Certificates.toPem(TestCa.root()));
        Files.writeString(dir.resolve("ca.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(TestCa.key().privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        ProcessBuilder builder = new ProcessBuilder("bash", "walk-through.sh").directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SUNBID", "http://localhost:" + port);
        builder.environment().put("ADMIN_PASSWORD", properties.admin().password());
        builder.environment().put("DAY", "60"); // a test project's day lasts a minute in the test profile
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("waiting for the opening")) {
                    // the test project's opening is 23 accelerated days (minutes) away: let them pass
                    clock.advance(Duration.ofMinutes(24));
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(process.exitValue()).as(output.toString()).isZero();
        assertThat(output.toString())
                .contains("Signature Validation: Signature is Valid.")
                .containsPattern("opening record [0-9a-f-]{36} verified")
                .containsPattern("session: OPENED");
        // three receipts, the two custodians' checks of the session key's binding and the record, checked by openssl
        // against the platform root
        assertThat(output.toString().split("CMS Verification successful", -1)).hasSize(7);
        // three bids, each decrypted, validly signed and matching its receipt
        Matcher row = Pattern.compile("decryption (\\S+)  signature (\\S+)  hash (\\S+)").matcher(output);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
        }
        assertThat(rows).as(output.toString()).hasSize(3).allMatch(r -> r.equals("DECRYPTED VALID MATCHES"));
    }

    static List<String> bashBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
