package org.sunbid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.sunbid.archive.ArchiveManagement;
import org.sunbid.archive.ArchivePackageId;
import org.sunbid.archive.ArchivePackageInfo;
import org.sunbid.award.AwardManagement;
import org.sunbid.bid.OpenedLotScenario;
import org.sunbid.evaluation.internal.AnswerContent;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberForms;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.signing.archive.ArchiveVerifier;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.pdf.PdfRenderer;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A tender from intake to its archived package through the API, once per evaluation method: opening, drawn committee,
 * check-in, compliance, CMS-signed sheets, the report signed in turn (pdfsig), publicity, a signed objection, the
 * signed decision, award notice and letters, the contract, completion and the archive whose VERIFY.txt passes.
 * Bad input along the way is refused with a problem naming the rule, and leaves nothing behind.
 */
class TenderToArchiveIntegrationTests extends OpenedLotScenario {

    private static final int MEMBERS = 5;

    @Autowired
    ExpertLibrary library;

    @Autowired
    List<ScheduledTask> tasks;

    @Autowired
    ArchiveManagement archives;

    @Autowired
    PlatformTrust trust;

    @TempDir
    Path dir;

    private String method;

    @Override
    protected String evaluationMethod() {
        return method;
    }

    record Expert(UUID id, String token, SigningKey key) {
    }

    static SigningKey key(String name) {
        return org.sunbid.support.TestCa.issue("CN=" + name + ",O=Sunbid 测试", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
    }

    List<Expert> experts(String region, int count) throws Exception {
        List<Expert> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var form = new MemberForms.ExpertRegistration(MemberFixtures.username("expert"), MemberFixtures.PASSWORD,
                    "评标专家" + (char) ('甲' + i), MemberFixtures.idNumber(), MemberFixtures.uscc(),
                    new ArrayList<>(List.of("B0201")), "SENIOR", 12, "13800138000");
            UUID id = members().registerExpert(form).id();
            members().approve(id, null);
            library.admit(new ExpertLibrary.Admission(id, region, List.of("B0201"), null), null);
            SigningKey key = key("专家" + i);
            members().bindCertificate(id, Certificates.toPem(key.certificate()), null);
            list.add(new Expert(id, Api.login(mvc(), form.username(), MemberFixtures.PASSWORD), key));
        }
        return list;
    }

    /** Runs the draw and lets every invited expert accept; returns the seated experts. */
    List<Expert> seat(UUID lot, List<Expert> pool) throws Exception {
        ScheduledTask draw = tasks.stream().filter(t -> t.kind().equals("expert-draw")).findFirst().orElseThrow();
        draw.run(new Firing("expert-draw", lot.toString(), clock().instant(), clock().instant(), 1, "test"));
        List<Expert> seated = new ArrayList<>();
        for (Expert e : pool) {
            for (JsonNode inv : expect(with(e.token(), get("/api/experts/me/invitations")), 200)) {
                if (inv.get("state").asText().equals("INVITED")) {
                    expect(with(e.token(), post("/api/experts/me/invitations/{s}/accept",
                            inv.get("seatId").asText())), 200);
                    seated.add(e);
                }
            }
        }
        return seated;
    }

    static String sign(SigningKey key, String content) {
        return Base64.getEncoder().encodeToString(new CmsSigner(key).sign(content.getBytes(StandardCharsets.UTF_8),
                true));
    }

    static String sheet(UUID lot, UUID bid, UUID member, Map<String, String> values) {
        StringBuilder v = new StringBuilder();
        values.forEach((k, x) -> v.append(v.isEmpty() ? "" : ",").append('"').append(k).append("\":\"").append(x)
                .append('"'));
        return "{\"format\":\"sunbid-score-sheet/1\",\"lot\":\"%s\",\"bid\":\"%s\",\"member\":\"%s\",\"values\":{%s}}"
                .formatted(lot, bid, member, v);
    }

    JsonNode submitSheet(Expert e, UUID lot, UUID bid, Map<String, String> values, SigningKey signer, int status)
            throws Exception {
        String content = sheet(lot, bid, e.id(), values);
        return expect(with(e.token(), post("/api/evaluations/{l}/bids/{b}/score-sheet", lot, bid))
                .content(Api.json(Map.of("content", content, "signature", sign(signer, content)))), status);
    }

    byte[] bytes(String token, String path, Object... vars) throws Exception {
        var r = mvc().perform(with(token, get(path, vars))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsByteArray();
    }

    byte[] padesSign(byte[] pdf, SigningKey key, int n) throws Exception {
        Path in = dir.resolve("report-" + n + ".pdf");
        Files.write(in, pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PadesSigner.sign(in, out, key, null, new PadesSigner.Appearance("评标委员会", "评委" + n, "评标报告签名", "",
                -1, 40 + 110 * (n % 5), 150 + 30 * (n / 5)), clock().instant());
        return out.toByteArray();
    }

    static String pdfsig(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdfsig", pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static String rule(JsonNode problem) {
        return problem.get("type").asText().replace("https://sunbid.org/problems/", "");
    }

    @Test
    void comprehensiveScoringRunsFromIntakeToTheArchivedPackage() throws Exception {
        runTender("综合评估法");
    }

    @Test
    void lowestEvaluatedPriceRunsFromIntakeToTheArchivedPackage() throws Exception {
        runTender("经评审的最低投标价法");
    }

    void runTender(String intakeMethod) throws Exception {
        method = intakeMethod;
        boolean comprehensive = intakeMethod.equals("综合评估法");
        String region = "53" + (1000 + new java.util.Random().nextInt(9000));
        List<Expert> pool = experts(region, MEMBERS);
        var objector = MemberFixtures.approved(members(), Role.BIDDER);
        OpenedLot opened = openedLot(Map.of("groups", List.of(Map.of("specialty", "B0201", "region", region,
                "experts", MEMBERS, "reserves", 0)), "representatives", List.of()), 3,
                List.of(new MemberLogin(objector.memberId(), objector.username(), MemberFixtures.PASSWORD)), null, new Steps() {
                });
        UUID lot = opened.lot();
        String tenderee = opened.tendereeToken();

        // the plan, then the session: not before the opening record is final
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("complianceCriteria", List.of("资格审查", "响应性"));
        if (comprehensive) {
            plan.put("criteria", List.of(Map.of("key", "price", "name", "投标报价", "category", "PRICE", "maxPoints", 40),
                    Map.of("key", "technical", "name", "技术方案", "category", "TECHNICAL", "maxPoints", 40),
                    Map.of("key", "business", "name", "商务", "category", "BUSINESS", "maxPoints", 25)));
            JsonNode bad = expect(with(tenderee, put("/api/projects/{p}/lots/{l}/evaluation-plan", opened.project(),
                    lot)).content(Api.json(plan)), 400);
            assertThat(bad.get("field").asText()).isEqualTo("plan");
            plan.put("criteria", List.of(Map.of("key", "price", "name", "投标报价", "category", "PRICE", "maxPoints", 40),
                    Map.of("key", "technical", "name", "技术方案", "category", "TECHNICAL", "maxPoints", 40),
                    Map.of("key", "business", "name", "商务", "category", "BUSINESS", "maxPoints", 20)));
            plan.put("priceFormula", Map.of("kind", "BENCHMARK_DEVIATION", "k", 0.05, "pointsPerPercentAbove", 1,
                    "pointsPerPercentBelow", 0.5));
        }
        expect(with(tenderee, put("/api/projects/{p}/lots/{l}/evaluation-plan", opened.project(), lot))
                .content(Api.json(plan)), 200);
        assertThat(rule(expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/evaluation", opened.project(),
                lot)), 422))).isEqualTo("opening-record-not-final");
        clock().advance(Duration.ofMinutes(31));
        List<Expert> seated = seat(lot, pool);
        assertThat(seated).hasSize(MEMBERS);
        assertThat(expect(with(tenderee, get("/api/projects/{p}/lots/{l}/committee", opened.project(), lot)), 200)
                .get("namesSealed").asBoolean()).as("names sealed until the evaluation starts").isTrue();
        JsonNode view = expect(with(opened.staff(), post("/api/projects/{p}/lots/{l}/evaluation", opened.project(),
                lot)), 200);
        assertThat(view.get("phase").asText()).isEqualTo("CHECK_IN");
        assertThat(expect(with(tenderee, get("/api/projects/{p}/lots/{l}/committee", opened.project(), lot)), 200)
                .get("namesSealed").asBoolean()).as("opening the session tells the expert feature").isFalse();
        // outsiders: a bidder may not enter the room, an expert not on this committee finds nothing
        String bidderToken = Api.login(mvc(), objector.username(), MemberFixtures.PASSWORD);
        expect(with(bidderToken, get("/api/evaluations/{l}", lot)), 403);
        Expert stranger = experts("53" + (1000 + new java.util.Random().nextInt(9000)), 1).get(0);
        expect(with(stranger.token(), get("/api/evaluations/{l}", lot)), 404);
        expect(with(stranger.token(), post("/api/evaluations/{l}/check-in", lot)), 404);
        assertThat(view.get("bids").get(0).get("price").isNull()).as("staff see progress, not prices").isTrue();

        for (Expert e : seated) {
            expect(with(e.token(), post("/api/evaluations/{l}/check-in", lot)), 200);
            expect(with(e.token(), post("/api/evaluations/{l}/declaration", lot)).content(Api.json(Map.of("conflict",
                    false))), 200);
        }
        for (Expert e : seated) {
            view = expect(with(e.token(), post("/api/evaluations/{l}/chair-votes", lot))
                    .content(Api.json(Map.of("candidate", seated.get(0).id()))), 200);
        }
        assertThat(view.get("phase").asText()).isEqualTo("COMPLIANCE");
        assertThat(view.get("collusionAlerts").asText()).as("the alert feature implements the port").isEqualTo("CHECKED");
        List<UUID> bids = opened.bids();
        UUID failing = bids.get(2);
        for (int i = 0; i < seated.size(); i++) {
            List<Map<String, Object>> votes = new ArrayList<>();
            for (UUID bid : bids) {
                for (String c : List.of("资格审查", "响应性")) {
                    boolean pass = !bid.equals(failing) || i == 0;
                    Map<String, Object> vote = new LinkedHashMap<>(Map.of("bid", bid, "criterion", c, "pass", pass));
                    if (!pass) {
                        vote.put("reason", "投标保证金不足");
                    }
                    votes.add(vote);
                }
            }
            view = expect(with(seated.get(i).token(), post("/api/evaluations/{l}/compliance", lot))
                    .content(Api.json(Map.of("votes", votes))), 200);
        }
        assertThat(view.get("phase").asText()).isEqualTo("SCORING");
        SigningKey objectorKey = key("异议人");
        members().bindCertificate(objector.memberId(), Certificates.toPem(objectorKey.certificate()), null);
        clarify(seated.get(0), stranger, lot, bids.get(0), bidderToken, objectorKey, opened.staff());

        // bad sheets: another key, out of range, a bid that failed compliance — each refused, none kept
        Expert first = seated.get(0);
        Map<String, String> good = comprehensive ? Map.of("technical", "35", "business", "18")
                : Map.of("adjustment", "0");
        assertThat(rule(submitSheet(first, lot, bids.get(0), good, seated.get(1).key(), 422)))
                .isEqualTo("signature-not-by-member");
        JsonNode range = submitSheet(first, lot, bids.get(0), comprehensive ? Map.of("technical", "41", "business", "18")
                : Map.of("adjustment", "9999999"), first.key(), 422);
        assertThat(rule(range)).isEqualTo("score-out-of-range");
        assertThat(range.get("field").asText()).startsWith("values.");
        assertThat(rule(submitSheet(first, lot, failing, good, first.key(), 422))).isEqualTo("bid-failed-compliance");
        assertThat(jdbc().sql("select count(*) from evaluation_sheet where lot_id = ?").param(lot).query(Long.class)
                .single()).isZero();

        for (int i = 0; i < seated.size(); i++) {
            Expert e = seated.get(i);
            submitSheet(e, lot, bids.get(0), comprehensive ? Map.of("technical", "30", "business", "15")
                    : Map.of("adjustment", "50000"), e.key(), 200);
            view = submitSheet(e, lot, bids.get(1), comprehensive ? Map.of("technical", String.valueOf(36 + i % 2),
                    "business", "18") : Map.of("adjustment", "0"), e.key(), 200);
        }
        assertThat(view.get("sheets")).hasSize(2 * MEMBERS);
        expect(with(first.token(), post("/api/evaluations/{l}/report", lot)), 200);
        assertThat(rule(submitSheet(first, lot, bids.get(0), good, first.key(), 422))).isEqualTo("report-already-drawn");

        // the report, signed in turn by every member, then by the platform
        byte[] current = bytes(first.token(), "/api/evaluations/{l}/report.pdf", lot);
        byte[] byOther = padesSign(current, seated.get(1).key(), 99);
        assertThat(rule(expect(with(first.token(), post("/api/evaluations/{l}/report/signatures", lot))
                .contentType(MediaType.APPLICATION_PDF).content(byOther), 422))).isEqualTo("report-signature-invalid");
        for (int i = 0; i < seated.size(); i++) {
            byte[] signed = padesSign(current, seated.get(i).key(), i);
            view = expect(with(seated.get(i).token(), post("/api/evaluations/{l}/report/signatures", lot))
                    .contentType(MediaType.APPLICATION_PDF).content(signed), 200);
            current = signed;
        }
        assertThat(view.get("phase").asText()).isEqualTo("CONCLUDED");
        assertThat(view.get("ranking").get(0).get("bid").asText()).isEqualTo(bids.get(1).toString());
        Path report = Files.write(dir.resolve("final-report.pdf"), bytes(opened.staff(),
                "/api/evaluations/{l}/report.pdf", lot));
        String pdfsig = pdfsig(report);
        assertThat(pdfsig.split("Signature Validation: Signature is Valid\\.", -1)).as(pdfsig).hasSize(MEMBERS + 2);

        // publicity: at least 3 days, rule named when shorter; a signed objection suspends the award
        assertThat(rule(expect(with(tenderee, post("/api/awards/{l}/publicity", lot)).content(Api.json(Map.of("days",
                2))), 422))).isEqualTo("publicity-too-short");
        expect(get("/api/public/awards/{l}", lot), 404);
        JsonNode award = expect(with(tenderee, post("/api/awards/{l}/publicity", lot)).content(Api.json(Map.of("days",
                3))), 200);
        assertThat(award.get("candidates")).hasSize(2);
        JsonNode shown = expect(get("/api/public/awards/{l}", lot), 200);
        assertThat(shown.get("candidates")).as("the public sees the ranked candidates by name").hasSize(2)
                .allMatch(c -> c.get("bidder").asText().length() > 1 && !c.has("bid"));
        UUID winnerBid = UUID.fromString(award.get("candidates").get(0).get("bid").get("value").asText());
        assertThat(winnerBid).isEqualTo(bids.get(1));
        String text = "第一中标候选人业绩存疑，请核查";
        award = expect(with(bidderToken, post("/api/awards/{l}/objections", lot)).content(Api.json(Map.of("text",
                text, "signature", sign(objectorKey, text)))), 200);
        assertThat(award.get("suspended").asBoolean()).isTrue();

        clock().advance(Duration.ofDays(3).plusMinutes(1));
        SigningKey tendereeKey = key("招标人");
        members().bindCertificate(opened.tenderee(), Certificates.toPem(tendereeKey.certificate()), null);
        String decision = AwardManagement.decisionContent(LotId.of(lot), BidId.of(winnerBid), List.of());
        assertThat(rule(expect(with(tenderee, post("/api/awards/{l}/decision", lot)).content(Api.json(Map.of("bid",
                winnerBid, "signature", sign(tendereeKey, decision)))), 422))).isEqualTo("award-suspended-by-objection");
        UUID objection = UUID.fromString(award.get("objections").get(0).get("id").asText());
        expect(with(tenderee, post("/api/awards/{l}/objections/{o}/answer", lot, objection))
                .content(Api.json(Map.of("answer", "经核查业绩属实，维持评标结果"))), 200);
        // the objector may complain to the regulator once the objection is answered (实施条例 art. 60)
        JsonNode objections = expect(with(bidderToken, get("/api/complaints/objections")), 200);
        assertThat(objections).filteredOn(o -> o.get("objectionId").asText().equals(objection.toString()))
                .singleElement().satisfies(o -> assertThat(o.get("subject").asText()).isEqualTo("CANDIDATES"))
                .satisfies(o -> assertThat(o.get("settled").asBoolean()).isTrue());
        String complaint = "异议答复未附业绩核查材料，请求监督部门调查第一中标候选人业绩";
        expect(with(bidderToken, post("/api/complaints")).content(Api.json(Map.of("objectionId", objection, "text",
                complaint, "signature", sign(tendereeKey, complaint)))), 422);
        JsonNode filed = expect(with(bidderToken, post("/api/complaints")).content(Api.json(Map.of("objectionId",
                objection, "text", complaint, "signature", sign(objectorKey, complaint)))), 201);
        assertThat(filed.get("state").asText()).isEqualTo("FILED");
        String toOther = AwardManagement.decisionContent(LotId.of(lot), BidId.of(failing), List.of());
        assertThat(rule(expect(with(tenderee, post("/api/awards/{l}/decision", lot)).content(Api.json(Map.of("bid",
                failing, "signature", sign(tendereeKey, toOther)))), 422))).isEqualTo("award-to-non-candidate");
        award = expect(with(tenderee, post("/api/awards/{l}/decision", lot)).content(Api.json(Map.of("bid",
                winnerBid, "signature", sign(tendereeKey, decision)))), 200);
        assertThat(award.get("stage").asText()).isEqualTo("DECIDED");
        JsonNode notices = expect(get("/api/public/notices").param("kind", "award").param("limit", "100"), 200);
        assertThat(notices.get("items")).anyMatch(n -> n.get("projectId").asText().equals(opened.project().toString())
                && n.get("title").asText().contains("中标结果公告"));
        assertOcdsAwards(opened.project(), "candidate-publicity", "pending");
        assertOcdsAwards(opened.project(), "award", "active");

        // the contract completes the project; the archive is built and verifies with plain openssl
        ByteArrayOutputStream contract = new ByteArrayOutputStream();
        PdfRenderer.render(new DocumentSpec("施工合同", "Contract", "", null, List.of(new DocumentSpec.Paragraph(
                "双方签订的合同"))), contract);
        award = expect(with(tenderee, post("/api/awards/{l}/contract", lot)).contentType(MediaType.APPLICATION_PDF)
                .content(contract.toByteArray()), 200);
        assertThat(award.get("completedAt").isNull()).isFalse();
        JsonNode contractRelease = assertOcdsAwards(opened.project(), "contract", "active");
        assertThat(contractRelease.get("contracts").get(0).get("awardID").asText())
                .isEqualTo(contractRelease.get("awards").get(0).get("id").asText());
        assertThat(contractRelease.get("tender").get("lots")).hasSize(1);
        assertThat(rule(expect(with(tenderee, post("/api/awards/{l}/contract", lot))
                .contentType(MediaType.APPLICATION_PDF).content(contract.toByteArray()), 422)))
                .isEqualTo("project-complete");

        // built by the archive-build job the completion scheduled in its own transaction
        List<UUID> packages = org.awaitility.Awaitility.await("the archive-build job").atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> jdbc().sql("select id from archive_package where project_id = ?").param(opened.project())
                        .query(UUID.class).list(), found -> !found.isEmpty());
        assertThat(packages).hasSize(1);
        ArchivePackageInfo info = archives.find(ArchivePackageId.of(packages.get(0))).orElseThrow();
        assertThat(info.reason()).isEqualTo(org.sunbid.archive.ArchiveReason.COMPLETED);
        Path zip = archives.open(ArchivePackageId.of(info.id()), platformUser());
        ArchiveVerifier.Report verified = ArchiveVerifier.verify(zip, List.of(trust.root()));
        assertThat(verified.problems()).isEmpty();
        Path out = dir.resolve("package");
        assertThat(run(dir, "unzip", "-q", zip.toString(), "-d", out.toString())).isZero();
        try (var files = Files.walk(out)) {
            List<String> names = files.map(p -> out.relativize(p).toString()).toList();
            assertThat(names).anyMatch(n -> n.endsWith("evaluation-report.pdf"))
                    .anyMatch(n -> n.contains("score-sheets/") && n.endsWith(".p7s"))
                    .anyMatch(n -> n.endsWith("draw-record.json"))
                    .anyMatch(n -> n.contains("objection-") && n.endsWith(".p7s"))
                    .anyMatch(n -> n.contains("decision-"))
                    .anyMatch(n -> n.contains("award-letter-"))
                    .anyMatch(n -> n.contains("result-letter-"))
                    .anyMatch(n -> n.contains("contract-"))
                    .anyMatch(n -> n.contains("clarifications/") && n.endsWith("-answer.p7s"));
        }
        for (String command : commandsIn(Files.readString(out.resolve("VERIFY.txt")))) {
            assertThat(run(out, "bash", "-c", command)).as(command).isZero();
        }
    }

    /**
     * 澄清 through the platform: a member asks the bidder of {@code bid}; staff and strangers see nothing; an answer
     * carrying a price, signed by another key or sent twice is refused; a late answer is refused; all is archived.
     */
    void clarify(Expert member, Expert stranger, UUID lot, UUID bid, String bidderToken, SigningKey bidderKey,
            String staff) throws Exception {
        String path = "/api/evaluations/{l}/clarifications";
        JsonNode asked = expect(with(member.token(), post(path, lot)).content(Api.json(Map.of("bid", bid,
                "question", "请说明第3项单价的组成", "answerWithinMinutes", 60))), 200);
        assertThat(asked.get("state").asText()).isEqualTo("ASKED");
        assertThat(asked.get("askedBy").asText()).startsWith("评标专家");
        UUID id = UUID.fromString(asked.get("id").asText());
        assertThat(rule(expect(with(member.token(), post(path, lot)).content(Api.json(Map.of("bid", bid,
                "question", "?", "answerWithinMinutes", 10))), 400))).isEqualTo("validation");
        expect(with(staff, get(path, lot)), 403);
        expect(with(stranger.token(), get(path, lot)), 404);
        expect(with(stranger.token(), post(path, lot)).content(Api.json(Map.of("bid", bid, "question", "?",
                "answerWithinMinutes", 60))), 404);
        assertThat(expect(with(bidderToken, get(path, lot)), 200)).hasSize(1);

        String answerPath = path + "/{c}/answer";
        String priced = AnswerContent.of(id, lot, bid, "单价含税").replace("}", ",\"price\":\"1.00\"}");
        JsonNode refused = expect(with(bidderToken, post(answerPath, lot, id)).content(Api.json(Map.of("content",
                priced, "signature", sign(bidderKey, priced)))), 422);
        assertThat(rule(refused)).isEqualTo("clarification-cannot-change-offer");
        assertThat(refused.get("field").asText()).isEqualTo("content.price");
        String content = AnswerContent.of(id, lot, bid, "第3项单价含税，组成见投标文件第12页");
        assertThat(rule(expect(with(bidderToken, post(answerPath, lot, id)).content(Api.json(Map.of("content",
                content, "signature", sign(key("冒名者"), content)))), 422))).isEqualTo("signature-not-by-member");
        JsonNode answered = expect(with(bidderToken, post(answerPath, lot, id)).content(Api.json(Map.of("content",
                content, "signature", sign(bidderKey, content)))), 200);
        assertThat(answered.get("state").asText()).isEqualTo("ANSWERED");
        assertThat(rule(expect(with(bidderToken, post(answerPath, lot, id)).content(Api.json(Map.of("content",
                content, "signature", sign(bidderKey, content)))), 422))).isEqualTo("clarification-already-answered");
        assertThat(expect(with(member.token(), get(path, lot)), 200).get(0).get("answer").asText())
                .contains("第12页");

        JsonNode late = expect(with(member.token(), post(path, lot)).content(Api.json(Map.of("bid", bid,
                "question", "请补充说明工期安排", "answerWithinMinutes", 30))), 200);
        clock().advance(Duration.ofMinutes(31));
        UUID lateId = UUID.fromString(late.get("id").asText());
        String lateAnswer = AnswerContent.of(lateId, lot, bid, "工期 300 日历天");
        assertThat(rule(expect(with(bidderToken, post(answerPath, lot, lateId)).content(Api.json(Map.of("content",
                lateAnswer, "signature", sign(bidderKey, lateAnswer)))), 422))).isEqualTo("clarification-deadline-passed");
        assertThat(jdbc().sql("select count(*) from evaluation_clarification where lot_id = ? and answered_at is not null")
                .param(lot).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Each of the project's notices of {@code kind} has an OCDS release with an award of {@code status}, schema-valid;
     * returns the last one.
     */
    JsonNode assertOcdsAwards(UUID project, String kind, String status) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.networknt.schema.JsonSchema schema = releaseSchemaWithBids(json);
        int found = 0;
        JsonNode last = null;
        for (JsonNode n : expect(get("/api/public/notices").param("kind", kind).param("limit", "100"), 200)
                .get("items")) {
            if (!n.get("projectId").asText().equals(project.toString())) {
                continue;
            }
            String body = mvc().perform(get("/api/public/notices/{id}/ocds", n.get("publicId").asText())).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            var release = json.readTree(body);
            assertThat(schema.validate(release)).as(body).isEmpty();
            assertThat(release.get("awards").get(0).get("status").asText()).isEqualTo(status);
            // the bids extension: the opened bids of the lot, counted and priced
            assertThat(release.at("/bids/statistics/0/measure").asText()).isEqualTo("bids");
            assertThat(release.at("/bids/statistics/0/value").asInt()).isEqualTo(3);
            assertThat(release.get("bids").get("details")).hasSize(3).allMatch(b -> b.at("/value/amount").decimalValue()
                    .signum() > 0 && !b.at("/tenderers/0/name").asText().isBlank() && b.get("status").asText().equals("valid"));
            var forged = release.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) forged.at("/bids/details/0")).put("status", "winning");
            assertThat(schema.validate(forged)).as("the bids section is validated, not ignored").isNotEmpty();
            last = expect(get("/api/public/notices/{id}/ocds", n.get("publicId").asText()), 200);
            found++;
        }
        assertThat(found).isPositive();
        return last;
    }

    /** OCDS 1.1.5's release schema with the bids extension's fields merged in (properties.bids and definitions). */
    com.networknt.schema.JsonSchema releaseSchemaWithBids(com.fasterxml.jackson.databind.ObjectMapper json)
            throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode core;
        com.fasterxml.jackson.databind.JsonNode extension;
        try (var in = getClass().getResourceAsStream("/ocds/release-schema.json");
                var ext = getClass().getResourceAsStream("/ocds/bids-extension.json")) {
            core = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
            extension = json.readTree(ext);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) core.get("properties")).putObject("bids")
                .put("$ref", "#/definitions/Bids");
        ((com.fasterxml.jackson.databind.node.ObjectNode) core.get("definitions"))
                .setAll((com.fasterxml.jackson.databind.node.ObjectNode) extension.get("definitions"));
        return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V4)
                .getSchema(core);
    }

    static org.sunbid.identity.CurrentUser platformUser() {
        return new org.sunbid.identity.CurrentUser(new UUID(0, 0), "platform", Role.STAFF, java.util.Optional.empty());
    }

    static int run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    /** The openssl and sha256sum commands of VERIFY.txt, continuation lines joined, as a reader would type them. */
    static List<String> commandsIn(String verifyTxt) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : verifyTxt.split("\n")) {
            String line = raw.strip();
            if (current == null && (line.startsWith("openssl ") || line.startsWith("sha256sum "))) {
                current = new StringBuilder();
            }
            if (current != null) {
                boolean continues = line.endsWith("\\");
                current.append(continues ? line.substring(0, line.length() - 1) : line);
                if (!continues) {
                    commands.add(current.toString().replaceAll("\\s+", " ").strip());
                    current = null;
                }
            }
        }
        assertThat(commands).hasSize(3);
        return commands;
    }
}
