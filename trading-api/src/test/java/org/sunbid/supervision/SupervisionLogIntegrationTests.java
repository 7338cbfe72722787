package org.sunbid.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.signing.merkle.ConsistencyProof;
import org.sunbid.signing.merkle.InclusionProof;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.signing.merkle.TreeHead;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

@PlatformTest
class SupervisionLogIntegrationTests {

    static final String PASSWORD = "Regul@tor2026x";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    SupervisionLog log;
    @Autowired
    JdbcClient jdbc;

    String regulator;
    UUID regulatorId;

    @BeforeEach
    void regulator() throws Exception {
        String name = "reg-" + UUID.randomUUID().toString().substring(0, 8);
        regulatorId = accounts.createPlatformAccount(name, PASSWORD, Role.REGULATOR, "监管员", null).value();
        regulator = Api.login(mvc, name, PASSWORD);
    }

    private JsonNode getJson(String url) throws Exception {
        return Api.body(mvc.perform(get(url).header("Authorization", bearer(regulator)))
                .andExpect(status().isOk()).andReturn());
    }

    @Test
    void aFailedLoginLandsInTheLogWithAddressAndDeviceFingerprint() throws Exception {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Device-Fingerprint", "fp-test-123")
                .content(json(Map.of("username", username, "password", "Wrong#Passw0rd"))))
                .andExpect(status().isUnauthorized());
        log.flush();
        JsonNode entries = getJson("/api/supervision/entries?action=identity.login-failed&size=500");
        JsonNode found = null;
        for (JsonNode e : entries) {
            if (e.get("details").asText().contains(username)) {
                found = e;
            }
        }
        assertThat(found).as("login-failed entry for " + username).isNotNull();
        assertThat(found.get("deviceFingerprint").asText()).isEqualTo("fp-test-123");
        assertThat(found.get("clientIp").asText()).isNotBlank();
        assertThat(found.get("actor").asText()).isEqualTo("anonymous");
        assertThat(found.get("details").asText()).contains("\"reason\":\"unknown-user\"");
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(found.get("details").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getDecoder().decode(found.get("detailsSha256").asText())).isEqualTo(expected);
    }

    @Test
    void anEntryComesWithAnInclusionProofThatVerifiesAgainstTheSignedTreeHead() throws Exception {
        log.flush();
        long seq = jdbc.sql("select max(seq) from supervision_entry").query(Long.class).single();
        JsonNode body = getJson("/api/supervision/entries/" + seq);
        InclusionProof proof = InclusionProof.fromJson(body.get("inclusionProof").toString());
        JsonNode head = body.get("treeHead");
        assertThat(proof.leafIndex()).isEqualTo(seq);
        assertThat(proof.treeSize()).isEqualTo(head.get("treeSize").asLong());
        LogEntry entry = Api.JSON.treeToValue(body.get("entry"), LogEntry.class);
        assertThat(proof.verify(MerkleTree.leafHash(entry.leafBytes()),
                new TreeHead(head.get("treeSize").asLong(), HexFormat.of().parseHex(head.get("rootHash").asText()))))
                .isTrue();
        assertSignatureValid(head);

        String publicPin = Api.body(mvc.perform(get("/api/public/supervision/tree-head")).andExpect(status().isOk())
                .andReturn()).get("treeSize").asText();
        assertThat(Long.parseLong(publicPin)).isGreaterThan(seq);

        mvc.perform(post("/api/public/supervision/inclusion-check").contentType(MediaType.APPLICATION_JSON)
                .content(body.get("inclusionProof").toString())).andExpect(status().isOk());

        java.nio.file.Path file = java.nio.file.Files.createTempFile("inclusion-", ".json");
        java.nio.file.Files.writeString(file, body.get("inclusionProof").toString());
        java.io.StringWriter out = new java.io.StringWriter();
        var cli = org.sunbid.signing.cli.Bidtool.commandLine(new org.sunbid.signing.cli.Bidtool(Map.of()));
        cli.setOut(new java.io.PrintWriter(out));
        int exit = cli.execute("proof-verify", "--inclusion", file.toString(), "--root", head.get("rootHash").asText());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("inclusion proof OK");
    }

    @Test
    void twoSignedHeadsAreProvedConsistent() throws Exception {
        JsonNode first = Api.body(mvc.perform(post("/api/supervision/tree-head")
                .header("Authorization", bearer(regulator))).andExpect(status().isOk()).andReturn());
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("username", "ghost", "password", "x")))).andExpect(status().isUnauthorized());
        JsonNode second = Api.body(mvc.perform(post("/api/supervision/tree-head")
                .header("Authorization", bearer(regulator))).andExpect(status().isOk()).andReturn());
        long a = first.get("treeSize").asLong();
        long b = second.get("treeSize").asLong();
        assertThat(b).isGreaterThan(a);
        JsonNode body = getJson("/api/supervision/consistency?first=" + a + "&second=" + b);
        ConsistencyProof proof = ConsistencyProof.fromJson(body.get("consistencyProof").toString());
        assertThat(proof.verify(new TreeHead(a, HexFormat.of().parseHex(first.get("rootHash").asText())),
                new TreeHead(b, HexFormat.of().parseHex(second.get("rootHash").asText())))).isTrue();
        assertSignatureValid(second);
        assertTimestampValid(second);

        java.nio.file.Path file = java.nio.file.Files.createTempFile("consistency-", ".json");
        java.nio.file.Files.writeString(file, body.get("consistencyProof").toString());
        java.io.StringWriter out = new java.io.StringWriter();
        var cli = org.sunbid.signing.cli.Bidtool.commandLine(new org.sunbid.signing.cli.Bidtool(Map.of()));
        cli.setOut(new java.io.PrintWriter(out));
        assertThat(cli.execute("proof-verify", "--consistency", file.toString(), "--root",
                second.get("rootHash").asText())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("consistency proof OK");
    }

    record SomethingChanged(UUID thing) {
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void theTimerSignsANewHeadOnlyWhenTheLogHasGrown() {
        SignedTreeHead first = log.issueTreeHead().orElseThrow();
        assertThat(log.issueTreeHead().orElseThrow().treeSize()).isEqualTo(first.treeSize());
        events.publishEvent(new SomethingChanged(UUID.randomUUID()));
        log.flush();
        SignedTreeHead grown = log.issueTreeHead().orElseThrow();
        assertThat(grown.treeSize()).isGreaterThan(first.treeSize());
        assertThat(grown.timestampToken()).isNotNull();
    }

    record LotOpened(UUID lot, UUID project) {
    }

    @Test
    void aProjectFilterFindsEntriesThatMentionTheProjectAnywhere() throws Exception {
        UUID project = UUID.randomUUID();
        events.publishEvent(new LotOpened(UUID.randomUUID(), project));
        events.publishEvent(new SomethingChanged(project));
        log.flush();
        JsonNode found = getJson("/api/supervision/entries?mentions=" + project);
        assertThat(found).hasSize(2);
        mvc.perform(get("/api/supervision/entries?mentions=project-1").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("mentions"));
        log.flush();
        Long reads = jdbc.sql("select count(*) from supervision_entry where action = 'supervision.log-read' "
                + "and subject = ?").param(project.toString()).query(Long.class).single();
        assertThat(reads).isEqualTo(1L);
    }

    @Test
    void readingTheLogIsItselfLoggedWithTheReader() throws Exception {
        String subject = UUID.randomUUID().toString();
        getJson("/api/supervision/entries?subject=" + subject);
        log.flush();
        Long count = jdbc.sql("select count(*) from supervision_entry where action = 'supervision.log-read' "
                + "and actor = ? and subject = ?").params(regulatorId.toString(), subject).query(Long.class).single();
        assertThat(count).isEqualTo(1L);
    }

    @Test
    void refusesBadProofRequestsWithProblemsAndWritesNothing() throws Exception {
        log.flush();
        long size = jdbc.sql("select count(*) from supervision_entry").query(Long.class).single();
        mvc.perform(get("/api/supervision/entries/" + (size + 1000)).header("Authorization", bearer(regulator)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/supervision/entries/-1").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("seq"));
        mvc.perform(get("/api/supervision/entries/0?treeSize=999999999").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("treeSize"));
        mvc.perform(get("/api/supervision/consistency?first=5&second=2").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("second"));
        mvc.perform(get("/api/supervision/consistency?first=0&second=2").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("first"));
        mvc.perform(get("/api/supervision/entries/abc").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest());

        JsonNode body = getJson("/api/supervision/entries/0");
        String proof = body.get("inclusionProof").toString();
        String forged = proof.replace(body.get("inclusionProof").get("leafHash").asText(), "00".repeat(32));
        mvc.perform(post("/api/public/supervision/inclusion-check").contentType(MediaType.APPLICATION_JSON)
                .content(forged)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/proof-invalid"));
        mvc.perform(post("/api/public/supervision/inclusion-check").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"inclusion\",\"leafIndex\":\"x\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("proof"));
        long heads = jdbc.sql("select count(*) from supervision_tree_head").query(Long.class).single();
        mvc.perform(get("/api/supervision/export?from=5&to=2").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
        assertThat(jdbc.sql("select count(*) from supervision_tree_head").query(Long.class).single()).isEqualTo(heads);
    }

    @Test
    void listsByActorActionAndTimeRangeAndRefusesBadPaging() throws Exception {
        log.flush();
        java.time.Instant from = java.time.Instant.now().minusSeconds(600);
        java.time.Instant to = java.time.Instant.now().plusSeconds(60);
        JsonNode mine = getJson("/api/supervision/entries?action=identity.logged-in&actor=" + regulatorId + "&from="
                + from + "&to=" + to);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("subject").asText()).isEqualTo(regulatorId.toString());
        JsonNode none = getJson("/api/supervision/entries?action=identity.logged-in&actor=" + regulatorId + "&to="
                + from);
        assertThat(none).isEmpty();
        mvc.perform(get("/api/supervision/entries?from=" + to + "&to=" + from).header("Authorization",
                bearer(regulator))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get("/api/supervision/entries?size=0").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/supervision/entries?from=yesterday").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void refusesANegativeTreeSizeAndAnOverlongActorSearchAtTheEdge() throws Exception {
        log.flush();
        long reads = jdbc.sql("select count(*) from supervision_entry where action = 'supervision.log-read'")
                .query(Long.class).single();
        mvc.perform(get("/api/supervision/entries/0?treeSize=-1").header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("treeSize"));
        mvc.perform(get("/api/supervision/actors?q=" + "甲".repeat(201)).header("Authorization", bearer(regulator)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("q"));
        log.flush();
        assertThat(jdbc.sql("select count(*) from supervision_entry where action = 'supervision.log-read'")
                .query(Long.class).single()).as("a refused read is not a read").isEqualTo(reads);
    }

    @Test
    void membersAndAnonymousCallersCannotReadTheLog() throws Exception {
        mvc.perform(get("/api/supervision/entries")).andExpect(status().isUnauthorized());
        String staffName = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(staffName, PASSWORD, Role.STAFF, "职员", null);
        String staff = Api.login(mvc, staffName, PASSWORD);
        mvc.perform(get("/api/supervision/entries").header("Authorization", bearer(staff)))
                .andExpect(status().isForbidden());
    }

    @Test
    void exportsARangeAsJsonLinesWhoseProofsVerify() throws Exception {
        log.issueTreeHeadNow(org.sunbid.identity.AccountId.of(regulatorId));
        String body = mvc.perform(get("/api/supervision/export?from=0&to=3").header("Authorization", bearer(regulator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(4);
        JsonNode head = Api.JSON.readTree(lines[0]).get("treeHead");
        TreeHead trusted = new TreeHead(head.get("treeSize").asLong(), HexFormat.of().parseHex(head.get("rootHash").asText()));
        for (int i = 1; i < lines.length; i++) {
            JsonNode line = Api.JSON.readTree(lines[i]);
            InclusionProof proof = InclusionProof.fromJson(line.get("inclusionProof").toString());
            assertThat(proof.leafIndex()).isEqualTo(i - 1);
            assertThat(proof.verify(HexFormat.of().parseHex(line.get("leafHash").asText()), trusted)).isTrue();
        }
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncateOfTheLog() {
        log.issueTreeHeadNow(org.sunbid.identity.AccountId.of(regulatorId));
        assertThatThrownBy(() -> jdbc.sql("update supervision_entry set action = 'x' where seq = 0").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from supervision_entry where seq = 0").update())
                .rootCause().hasMessageContaining("append-only");
        // the sealed details' foreign key refuses a plain TRUNCATE first; with CASCADE the log's own trigger refuses it
        assertThatThrownBy(() -> jdbc.sql("truncate supervision_entry").update()).rootCause()
                .hasMessageContaining("supervision_sealed");
        assertThatThrownBy(() -> jdbc.sql("truncate supervision_entry cascade").update()).rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from supervision_entry").query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> jdbc.sql("delete from supervision_tree_head").update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Autowired
    org.sunbid.platform.PlatformTrust trust;

    /** The RFC 3161 token covers SHA-256 of the signed text and chains to the demo root: checked in Java and by openssl. */
    void assertTimestampValid(JsonNode head) throws Exception {
        assertThat(head.get("timestampToken").isNull()).as("tree head carries an RFC 3161 token").isFalse();
        byte[] token = Base64.getDecoder().decode(head.get("timestampToken").asText());
        String text = SignedTreeHead.signedText(head.get("treeSize").asLong(), head.get("rootHash").asText(),
                java.time.Instant.parse(head.get("timestamp").asText()));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        X509Certificate root = trust.root();
        assertThat(org.sunbid.signing.timestamp.TimestampVerifier.verify(token, digest, java.util.List.of(root))
                .isValid()).isTrue();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sth-");
        java.nio.file.Path ca = dir.resolve("root.pem");
        java.nio.file.Files.writeString(ca, org.sunbid.signing.certs.Certificates.toPem(root));
        X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(head.get("certificate").asText())));
        signer.verify(root.getPublicKey());
        java.nio.file.Files.write(dir.resolve("token.der"), token);
        java.nio.file.Files.writeString(dir.resolve("head.txt"), text);
        Process p = new ProcessBuilder("openssl", "ts", "-verify", "-token_in", "-in", dir.resolve("token.der").toString(),
                "-data", dir.resolve("head.txt").toString(), "-CAfile", ca.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("Verification: OK");
    }

    static void assertSignatureValid(JsonNode head) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(head.get("certificate").asText())));
        String text = SignedTreeHead.signedText(head.get("treeSize").asLong(), head.get("rootHash").asText(),
                java.time.Instant.parse(head.get("timestamp").asText()));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initVerify(cert.getPublicKey());
        s.update(text.getBytes(StandardCharsets.UTF_8));
        assertThat(s.verify(Base64.getDecoder().decode(head.get("signature").asText()))).isTrue();
    }
}
