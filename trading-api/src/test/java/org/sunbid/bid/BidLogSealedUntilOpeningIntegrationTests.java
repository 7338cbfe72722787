package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.identity.Role;
import org.sunbid.signing.merkle.MerkleTree;
import org.sunbid.supervision.LogEntry;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The supervision log keeps secrets until the opening: entries about a lot's bids and about tender-document downloads
 * are written when they happen, but who, from where and which file are sealed to the lot's opening key. Before the
 * opening a regulator (or an admin, or anyone reading the raw rows) sees that something happened on the lot and when,
 * not who; after the opening the details are revealed and match the commitment in the Merkle leaf, and the log
 * verifies.
 */
class BidLogSealedUntilOpeningIntegrationTests extends BidScenario {

    @Autowired
    SupervisionLog log;

    @Test
    void bidAndDownloadEntriesNameNobodyBeforeTheOpeningAndRevealCheckableDetailsAfterIt() throws Exception {
        String staff = platform(Role.STAFF);
        String regulator = platform(Role.REGULATOR);
        String admin = platform(Role.ADMIN);
        List<Person> custodians = custodians(3);
        UUID[] ids = publishedProject(staff, regulator);
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person bidder = member(Role.BIDDER, "封存日志测试" + i + "有限公司");
            String ip = "198.51.100." + (10 + i);
            String device = "device-" + marker + "-" + i;
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);
            mvc.perform(get("/api/projects/{id}/documents", ids[0]).header("Authorization", Api.bearer(bidder.token()))
                    .header("X-Device-Fingerprint", device).with(r -> {
                        r.setRemoteAddr(ip);
                        return r;
                    })).andReturn();
            byte[] sealed = sealedTender(bidder, ids[1], opening, (500 + i) + ".00");
            String upload = startUpload(bidder, ids[0], ids[1], sealed, 201).get("uploadId").asText();
            putChunk(bidder, upload, 0, sealed, 200);
            call(as(bidder.token(), post("/api/bids/uploads/{id}/complete", upload))
                    .header("X-Device-Fingerprint", device).with(r -> {
                        r.setRemoteAddr(ip);
                        return r;
                    }).content(Api.json(Map.of("manifest", manifest(bidder, ids[1], sealed)))), 201);
            secrets.addAll(List.of(bidder.member().toString(), ip, device, sha256(sealed), accountOf(bidder)));
        }
        assertThat(log.flush()).isTrue();

        // before the opening: the regulator and the admin see three submissions and three downloads, when, not who
        for (String reader : List.of(regulator, admin)) {
            JsonNode submitted = entries(reader, "bid.bid-submitted", ids[1].toString());
            JsonNode downloaded = entries(reader, "project.tender-documents-downloaded", ids[0].toString());
            assertThat(submitted).hasSize(3);
            assertThat(downloaded).hasSize(3);
            for (JsonNode e : List.of(submitted, downloaded)) {
                for (JsonNode entry : e) {
                    assertThat(entry.get("at").asText()).isNotBlank();
                    assertThat(entry.get("actor").asText()).isEqualTo("sealed");
                    assertThat(entry.get("details").asText()).contains("\"commitment\":");
                }
                assertThat(e.toString()).doesNotContain(secrets);
            }
            JsonNode early = call(as(reader, get("/api/supervision/entries/{seq}/sealed", submitted.get(0).get("seq").asLong())), 200);
            assertThat(early.get("revealed").isNull()).isTrue();
            assertThat(early.get("salt").isNull()).isTrue();
        }
        // ... and so does anyone reading the raw rows of the log (the envelope is ciphertext). Member and account ids
        // may appear only where the bidders registered (and got their approval certificate), which says nothing
        // about bidding.
        for (String secret : secrets) {
            assertThat(jdbc.sql("select distinct action || ' ' || details from supervision_entry t where t::text like ?")
                    .param("%" + secret + "%").query(String.class).list()).as("log rows naming %s", secret)
                    .allMatch(row -> row.startsWith("member.") || row.startsWith("identity.")
                            || row.startsWith("document.document-issued") && row.contains("MEMBER_APPROVAL_CERTIFICATE"));
            assertThat(jdbc.sql("select count(*) from supervision_sealed t where t::text like ? or position(convert_to(?, 'UTF8') in envelope) > 0")
                    .params("%" + secret + "%", secret).query(Long.class).single()).isZero();
        }
        for (String secret : secrets.stream().filter(s -> !s.contains("-") || s.startsWith("device")).toList()) {
            assertThat(jdbc.sql("select count(*) from supervision_entry t where t::text like ?").param("%" + secret + "%")
                    .query(Long.class).single()).as("log rows naming %s", secret).isZero();
        }
        JsonNode beforeVerification = call(as(regulator, post("/api/supervision/verification")), 200);
        assertThat(beforeVerification.toString()).contains("\"intact\":true");

        // the opening: the custodians rebuild the key, which opens the sealed details
        clock.advance(Duration.ofDays(25).plusMinutes(31));
        assertThat(open(staff, custodians, ids).get("status").asText()).isEqualTo("OPENED");
        JsonNode submitted = entries(regulator, "bid.bid-submitted", ids[1].toString());
        JsonNode downloaded = entries(regulator, "project.tender-documents-downloaded", ids[0].toString());
        StringBuilder revealed = new StringBuilder();
        for (JsonNode list : List.of(submitted, downloaded)) {
            for (JsonNode entry : list) {
                long seq = entry.get("seq").asLong();
                JsonNode details = call(as(regulator, get("/api/supervision/entries/{seq}/sealed", seq)), 200);
                assertThat(details.get("matchesCommitment").asBoolean()).as("entry %d", seq).isTrue();
                // recomputed here too: SHA-256(salt || revealed) is the commitment inside the leaf's details
                byte[] salt = HexFormat.of().parseHex(details.get("salt").asText());
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                String recomputed = HexFormat.of().formatHex(sha.digest(details.get("revealed").asText()
                        .getBytes(StandardCharsets.UTF_8)));
                assertThat(entry.get("details").asText()).contains("\"commitment\":\"" + recomputed + "\"");
                // and the entry's inclusion proof still verifies against a signed tree head
                JsonNode proven = call(as(regulator, get("/api/supervision/entries/{seq}", seq)), 200);
                assertThat(log.checkInclusion(proven.get("inclusionProof").toString())).isNotNull();
                LogEntry leaf = new LogEntry(seq, Instant.parse(entry.get("at").asText()), "sealed",
                        entry.get("actorRole").asText(), entry.get("action").asText(), entry.get("subject").asText(),
                        entry.get("details").asText(), MessageDigest.getInstance("SHA-256").digest(
                                entry.get("details").asText().getBytes(StandardCharsets.UTF_8)), null, null);
                assertThat(proven.get("leafHash").asText())
                        .isEqualTo(HexFormat.of().formatHex(MerkleTree.leafHash(leaf.leafBytes())));
                revealed.append(details.get("revealed").asText());
            }
        }
        assertThat(revealed.toString()).contains(secrets);
        assertThat(call(as(regulator, post("/api/supervision/verification")), 200).toString()).contains("\"intact\":true");
    }

    @Test
    void noArchivePackageOfAProjectBeforeEveryLotIsOpenedOrFailed() throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        Person bidder = member(Role.BIDDER, "提前归档测试有限公司");
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);
        submit(bidder, ids[0], ids[1], sealedTender(bidder, ids[1], openingCertificate(ids[0], ids[1]), "600.00"));
        for (String builder : List.of(staff, platform(Role.ADMIN))) {
            JsonNode problem = call(as(builder, post("/api/archives")).content(Api.json(Map.of("projectId", ids[0]))), 422);
            assertThat(problem.get("type").asText()).endsWith("/opening-not-yet");
            assertThat(problem.get("field").asText()).isEqualTo("projectId");
        }
        assertThat(jdbc.sql("select count(*) from archive_package where project_id = ?").param(ids[0]).query(Long.class)
                .single()).isZero();
    }

    private JsonNode entries(String reader, String action, String subject) throws Exception {
        return call(as(reader, get("/api/supervision/entries").param("action", action).param("subject", subject)), 200);
    }

    private String accountOf(Person bidder) {
        return jdbc.sql("select id::text from account where member_id = ?").param(bidder.member()).query(String.class)
                .single();
    }
}
