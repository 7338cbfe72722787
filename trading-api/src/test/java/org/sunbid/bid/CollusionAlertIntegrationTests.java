package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.sunbid.alert.AlertManagement;
import org.sunbid.alert.internal.engine.CorpusPdfs;
import org.sunbid.alert.internal.engine.CorpusTexts;
import org.sunbid.award.AwardEvents;
import org.sunbid.credit.CreditManagement;
import org.sunbid.credit.CreditRecord;
import org.sunbid.evaluation.CollusionAlerts;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.LotId;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Collusion alerts through the real opening: three sealed tenders (two prepared on one machine, by one PDF author)
 * are opened by the custodians' shares; the signals are computed from the opened packages; only regulators see the
 * alert (every other role is refused); the regulator investigates and confirms, which records bad credit; the
 * evidence pack is a PDF signed by the platform that pdfsig accepts; every step is in the supervision log.
 */
class CollusionAlertIntegrationTests extends BidScenario {

    @Autowired
    AlertManagement alertManagement;

    @Autowired
    CreditManagement credit;

    @Autowired
    SupervisionLog log;

    @Autowired
    CollusionAlerts collusionAlerts;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    static byte[] tender(Person bidder, UUID lot, X509Certificate opening, String price, String mac, String author,
            long seed) throws Exception {
        String machine = mac.toLowerCase(java.util.Locale.ROOT).replaceAll("[^0-9a-f]", "");
        Path pdf = Files.createTempFile("alert-it-", ".pdf");
        try {
            CorpusPdfs.write(pdf, CorpusTexts.sentences(seed, 60), new CorpusPdfs.Meta(author, "WPS 文字", null, null, null),
                    String.format("%032x", seed));
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("bid-form.json"));
                z.write(("{\"format\":\"sunbid-bid-form/1\",\"lot\":\"" + lot + "\",\"price\":\"" + price
                        + "\",\"currency\":\"CNY\",\"duration\":\"300 日历天\",\"quality\":\"合格\",\"projectManager\":\"王工\","
                        + "\"fingerprint\":{\"mac\":[\"" + mac + "\"],\"cpu\":\"BFEBFBFF" + machine + "\",\"disk\":[\"WD-"
                        + machine + "\"]},\"documents\":[\"technical.pdf\"]}").getBytes(StandardCharsets.UTF_8));
                z.putNextEntry(new ZipEntry("documents/technical.pdf"));
                z.write(Files.readAllBytes(pdf));
            }
            byte[] signed = new CmsSigner(bidder.key()).sign(zip.toByteArray(), false);
            ByteArrayOutputStream sealed = new ByteArrayOutputStream();
            Sealer.seal(new ByteArrayInputStream(signed), sealed, List.of(opening, bidder.key().certificate()),
                    ContentCipher.AES_256_GCM);
            return sealed.toByteArray();
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    void openedLotWithOneMachineAndOneAuthorRaisesAnAlertThatOnlyRegulatorsHandle() throws Exception {
        String staff = platform(Role.STAFF);
        String regulator = platform(Role.REGULATOR);
        List<Person> custodians = custodians(3);
        UUID[] ids = publishedProject(staff, regulator);
        UUID project = ids[0];
        UUID lot = ids[1];
        X509Certificate opening = openingCertificate(project, lot);
        List<Person> bidders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person bidder = member(Role.BIDDER, "预警测试投标人" + i);
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", project, lot, bidder.member())), 204);
            bidders.add(bidder);
        }
        submit(bidders.get(0), project, lot, tender(bidders.get(0), lot, opening, "9100000.00", "3c:52:82:aa:00:01", "李工", 1));
        submit(bidders.get(1), project, lot, tender(bidders.get(1), lot, opening, "9350000.00", "3c:52:82:bb:bb:bb", "zhang-PC", 2));
        submit(bidders.get(2), project, lot, tender(bidders.get(2), lot, opening, "9020000.00", "3C-52-82-BB-BB-BB", "zhang-PC", 3));

        // the same tenderee's three earlier awards, where bidders 1 and 2 bid together and took turns to win
        UUID stranger = UUID.randomUUID();
        UUID b1Won = bidders.get(1).member();
        UUID b2Won = bidders.get(2).member();
        for (UUID winner : List.of(b1Won, b2Won, b1Won)) {
            UUID other = winner.equals(b1Won) ? b2Won : b1Won;
            events.publishEvent(new AwardEvents.AwardNoticePublished(project, UUID.randomUUID(), winner,
                    List.of(other, stranger), clock.instant()));
        }

        clock.advance(Duration.ofDays(25).plusMinutes(31));
        call(as(staff, post("/api/openings/{p}/{l}/start", project, lot)), 200);
        releaseShares(custodians, project, lot);

        JsonNode alert = await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(
                () -> first(call(as(regulator, get("/api/alerts")), 200), lot), a -> a != null);
        UUID b1 = bidders.get(1).member();
        UUID b2 = bidders.get(2).member();
        List<String> kinds = new ArrayList<>();
        List<String> all = bidders.stream().map(b -> b.member().toString()).toList();
        alert.get("signals").forEach(s -> {
            kinds.add(s.get("kind").asText());
            // the member fixtures register every company with one phone and address, and the upload manifests of
            // BidScenario all carry one machine fingerprint: those signals rightly link all three
            List<String> expected = List.of("SAME_CONTACT", "SAME_DEVICE").contains(s.get("kind").asText()) ? all
                    : List.of(b1.toString(), b2.toString());
            assertThat(s.get("bidders")).as(s.toString()).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrderElementsOf(expected);
        });
        // loopback uploads never link bidders
        assertThat(kinds).contains("SAME_MAC", "SAME_CPU_SERIAL", "SAME_DISK_SERIAL", "SAME_MACHINE_FINGERPRINT",
                "SAME_PDF_AUTHOR", "SAME_CONTACT", "SAME_DEVICE", "WINNER_ROTATION").doesNotContain("SAME_UPLOAD_IP")
                .as("prices far below the lot's maximum (its estimate)").doesNotContain("PRICE_UNDER_MAXIMUM");
        // the committee's pre-check sees the same signals on the linked bids (evaluation's CollusionAlerts port)
        List<CollusionAlerts.Alert> committee = collusionAlerts.alertsFor(LotId.of(lot));
        assertThat(committee).extracting(CollusionAlerts.Alert::rule).contains("SAME_MAC", "SAME_PDF_AUTHOR",
                "WINNER_ROTATION");
        assertThat(committee).filteredOn(a -> a.rule().equals("SAME_MAC")).singleElement()
                .satisfies(a -> assertThat(a.bids()).hasSize(2)).satisfies(a -> assertThat(a.detail()).contains("MAC"));
        assertThat(alert.get("state").asText()).isEqualTo("OPEN");
        assertThat(alert.get("signals").get(0).get("bidderNames")).allMatch(n -> n.asText().equals("测试BIDDER有限公司"));
        UUID alertId = UUID.fromString(alert.get("id").asText());

        // nobody but the regulator (and the lot's committee, none seated here) sees it
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.REGULATOR, Role.EXPERT, Role.BIDDER, Role.TENDEREE,
                Role.AGENT))) {
            String token = platform(role);
            call(as(token, get("/api/alerts")), 403);
            call(as(token, get("/api/alerts/{id}", alertId)), 403);
            call(as(token, get("/api/alerts/{id}/evidence-pack", alertId)), 403);
        }
        for (Person p : List.of(bidders.get(1), member(Role.TENDEREE, "招标人"), member(Role.AGENT, "代理"))) {
            call(as(p.token(), get("/api/alerts")), 403);
            call(as(p.token(), get("/api/alerts/{id}", alertId)), 403);
        }
        Person expert = member(Role.EXPERT, "未入选专家");
        assertThat(call(as(expert.token(), get("/api/alerts")), 200)).isEmpty();
        call(as(expert.token(), get("/api/alerts/{id}", alertId)), 404);
        assertThat(mvc.perform(get("/api/alerts")).andReturn().getResponse().getStatus()).isEqualTo(401);
        call(as(bidders.get(1).token(), post("/api/alerts/{id}/investigation", alertId))
                .content(Api.json(Map.of("reason", "我来调查"))), 403);

        // the workflow refuses shortcuts and blank reasons, naming the field
        JsonNode blank = call(as(regulator, post("/api/alerts/{id}/investigation", alertId))
                .content(Api.json(Map.of("reason", " "))), 400);
        assertThat(blank.toString()).contains("reason");
        call(as(regulator, post("/api/alerts/{id}/confirmation", alertId)).content(Api.json(Map.of("reason", "串标",
                "bidders", List.of(b1, b2)))), 409);
        String statement = Base64.getEncoder().encodeToString("询问笔录：两家投标文件由同一人制作".getBytes(StandardCharsets.UTF_8));
        String sha = call(as(regulator, post("/api/alerts/{id}/documents", alertId)).content(Api.json(Map.of(
                "filename", "询问笔录.txt", "mediaType", "text/plain", "content", statement))), 201).get("sha256").asText();
        call(as(regulator, post("/api/alerts/{id}/investigation", alertId))
                .content(Api.json(Map.of("reason", "同一MAC和同一作者，立案调查", "documents", List.of("0".repeat(64))))), 400);
        JsonNode investigating = call(as(regulator, post("/api/alerts/{id}/investigation", alertId))
                .content(Api.json(Map.of("reason", "同一MAC和同一作者，立案调查", "documents", List.of(sha)))), 200);
        assertThat(investigating.get("state").asText()).isEqualTo("INVESTIGATING");
        JsonNode outsider = call(as(regulator, post("/api/alerts/{id}/confirmation", alertId)).content(Api.json(Map.of(
                "reason", "串标", "bidders", List.of(expert.member())))), 400);
        assertThat(outsider.toString()).contains("bidders");
        assertThat(credit.recordsOf(org.sunbid.platform.id.MemberId.of(bidders.get(0).member()))).isEmpty();

        JsonNode confirmed = call(as(regulator, post("/api/alerts/{id}/confirmation", alertId)).content(Api.json(Map.of(
                "reason", "经调查，两家投标文件由同一单位同一台电脑编制", "documents", List.of(sha), "bidders", List.of(b1, b2),
                "severity", "GRAVE"))), 200);
        assertThat(confirmed.get("state").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("steps")).hasSize(2);
        for (UUID b : List.of(b1, b2)) {
            assertThat(credit.recordsOf(org.sunbid.platform.id.MemberId.of(b))).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(CreditRecord.Kind.BAD);
                assertThat(r.severity()).isEqualTo(CreditRecord.Severity.GRAVE);
                assertThat(r.description()).contains(alertId.toString());
            });
        }
        assertThat(credit.recordsOf(org.sunbid.platform.id.MemberId.of(bidders.get(0).member()))).isEmpty();
        call(as(regulator, post("/api/alerts/{id}/dismissal", alertId)).content(Api.json(Map.of("reason", "改判"))), 409);
        // each opened package's text was extracted once, after the opening, and is kept for every re-run
        Map<UUID, java.time.Instant> extracted = new java.util.HashMap<>();
        jdbc.sql("select bid_id, package_sha256, facts, extracted_at from alert_package_facts f join bid b on b.id = f.bid_id"
                + " where b.lot_id = ?").param(lot).query((rs, n) -> {
                    List<org.sunbid.alert.internal.engine.LotEvidence.FileFacts> files =
                            org.sunbid.alert.internal.engine.FactsCodec.decode(rs.getBytes("facts"));
                    assertThat(files).singleElement().satisfies(f -> {
                        assertThat(f.name()).isEqualTo("technical.pdf");
                        assertThat(List.of(1, 2, 3)).anyMatch(seed -> f.text().contains(CorpusTexts.sentences(seed, 60)
                                .get(10)));
                    });
                    assertThat(rs.getString("package_sha256")).hasSize(64);
                    return extracted.put(rs.getObject("bid_id", UUID.class), rs.getTimestamp("extracted_at").toInstant());
                }).list();
        assertThat(extracted).hasSize(3);
        // the cache cannot hold the text of a bid that was not opened (an insider or a bug writing it early)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("insert into alert_package_facts"
                + " (bid_id, package_sha256, facts, extracted_at) values (?, ?, ?, now())").params(UUID.randomUUID(),
                "0".repeat(64), new byte[] {1}).update()).hasMessageContaining("is not opened");
        clock.advance(Duration.ofMinutes(5));
        // a decided case keeps its evidence even when the signals are re-run; the re-run reads the kept text
        call(as(regulator, post("/api/alerts/lots/{l}/assessment", lot)), 200);
        assertThat(jdbc.sql("select bid_id, extracted_at from alert_package_facts where bid_id in (:ids)")
                .param("ids", extracted.keySet()).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant())).list()).containsExactlyInAnyOrderElementsOf(extracted.entrySet());
        assertThat(call(as(regulator, get("/api/alerts/{id}", alertId)), 200).get("state").asText()).isEqualTo("CONFIRMED");

        // the evidence pack is signed by the platform and verifies with pdfsig
        MvcResult pack = mvc.perform(get("/api/alerts/{id}/evidence-pack", alertId)
                .header("Authorization", Api.bearer(regulator))).andReturn();
        assertThat(pack.getResponse().getStatus()).isEqualTo(200);
        Path file = Files.createTempFile("alert-pack-", ".pdf");
        try {
            Files.write(file, pack.getResponse().getContentAsByteArray());
            assertThat(run("pdfsig", file.toString())).contains("Signature is Valid.");
            assertThat(run("pdftotext", file.toString(), "-")).contains("围标串标预警证据包", "测试BIDDER有限公司", "相同网卡MAC地");
        } finally {
            Files.deleteIfExists(file);
        }

        // every step is in the supervision log, and the steps table refuses edits
        log.flush();
        List<String> actions = jdbc.sql("select action from supervision_entry where subject = ? order by seq")
                .param(alertId.toString()).query(String.class).list();
        assertThat(actions).contains("alert.alert-raised", "alert.alert-document-added",
                "alert.alert-investigation-started", "alert.alert-confirmed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update alert_step set reason = 'x' where alert_id = ?")
                .param(alertId).update()).hasMessageContaining("append-only");
    }

    private void releaseShares(List<Person> custodians, UUID project, UUID lot) throws Exception {
        int released = 0;
        for (Person custodian : custodians) {
            for (JsonNode s : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                if (!s.get("lotId").asText().equals(lot.toString()) || released >= 2) {
                    continue;
                }
                Share share = ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
                decrypted(custodian.token(), project, lot, call(release(custodian, project, lot, share), 200));
                released++;
            }
        }
        assertThat(released).isEqualTo(2);
    }

    private static JsonNode first(JsonNode list, UUID lot) {
        for (JsonNode a : list) {
            if (a.get("lotId").asText().equals(lot.toString())) {
                return a;
            }
        }
        return null;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }

}
