package org.sunbid.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.PlatformZone;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.TestCa;
import tools.jackson.databind.JsonNode;

/**
 * The complaint workflow against the real database and scheduler: a signed complaint after an answered objection,
 * acceptance with suspension (project suspended, its jobs held), a recorded pause, the signed decision published and
 * the jobs back; and the attacks — someone else's objection, a foreign signature, too early, too late, twice, reading
 * others' complaints, a bidder acting as regulator.
 */
@PlatformTest
class ComplaintIntegrationTests {

    static final String PASSWORD = "Sunbid@Test2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MemberSetup members;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobScheduler jobs;
    @Autowired
    ComplaintManagement complaints;
    @Autowired
    MutableClock clock;

    record Person(String token, UUID member, SigningKey key) {
    }

    Person tenderee;
    Person bidder;
    Person other;
    String staff;
    String regulator;

    @BeforeEach
    void people() throws Exception {
        tenderee = member(Role.TENDEREE);
        bidder = member(Role.BIDDER);
        other = member(Role.BIDDER);
        staff = platform(Role.STAFF);
        regulator = platform(Role.REGULATOR);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Person member(Role role) throws Exception {
        MemberFixtures.Approved approved = MemberFixtures.approved(members, role);
        SigningKey key = TestCa.issue("CN=" + approved.username() + ",O=投诉测试", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        members.bindCertificate(approved.memberId(), Certificates.toPem(key.certificate()), null);
        return new Person(Api.login(mvc, approved.username(), MemberFixtures.PASSWORD), approved.memberId(), key);
    }

    String platform(Role role) throws Exception {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createPlatformAccount(username, PASSWORD, role, role + " 测试", null);
        return Api.login(mvc, username, PASSWORD);
    }

    MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON);
    }

    JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(status);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : Api.body(r);
    }

    static String sign(SigningKey key, String text) {
        return Base64.getEncoder().encodeToString(new CmsSigner(key).sign(text.getBytes(StandardCharsets.UTF_8), true));
    }

    /** A published project of the tenderee, approved by staff and regulator. */
    UUID publishedProject(String name) throws Exception {
        UUID id = UUID.fromString(call(as(tenderee.token(), post("/api/projects"))
                .content(Api.json(ProjectFixtures.openTender(name))), 201).get("id").asText());
        call(as(tenderee.token(), post("/api/projects/{id}/submit", id)), 200);
        call(as(staff, post("/api/projects/{id}/accept", id)), 200);
        call(multipart("/api/projects/{id}/documents", id)
                .file(new MockMultipartFile("file", "招标文件.pdf", "application/pdf", "招标文件正文".getBytes()))
                .header("Authorization", Api.bearer(tenderee.token())), 201);
        for (String token : List.of(staff, regulator)) {
            for (String item : List.of("ANNOUNCEMENT", "TENDER_DOCUMENTS")) {
                call(as(token, post("/api/projects/{id}/review", id))
                        .content(Api.json(Map.of("item", item, "version", 1, "decision", "APPROVE"))), 200);
            }
        }
        call(as(tenderee.token(), post("/api/projects/{id}/publish", id)), 200);
        return id;
    }

    UUID objection(Person by, UUID project) throws Exception {
        return UUID.fromString(call(as(by.token(), post("/api/projects/{id}/objections", project))
                .content(Api.json(Map.of("text", "资格条件要求本地业绩，排斥外地投标人。"))), 201).get("id").asText());
    }

    void answer(UUID project, UUID objection) throws Exception {
        call(as(tenderee.token(), post("/api/projects/{id}/objections/{o}/answer", project, objection))
                .content(Api.json(Map.of("answer", "本地业绩要求符合项目实际，不予修改。"))), 204);
    }

    JsonNode file(Person by, UUID objection, String text, String signature, int status) throws Exception {
        return call(as(by.token(), post("/api/complaints")).content(Api.json(Map.of("objectionId", objection,
                "text", text, "signature", signature))), status);
    }

    String lotSubject(UUID project) throws Exception {
        JsonNode p = call(as(tenderee.token(), get("/api/projects/{id}", project)), 200);
        return project + ":" + p.get("lots").get(0).get("id").asText();
    }

    List<String> loggedActions(UUID complaint) {
        return jdbc.sql("select action from supervision_entry where subject = ? order by seq")
                .param(complaint.toString()).query(String.class).list();
    }

    @Test
    void signedComplaintIsAcceptedSuspendsTheProjectPausesAndEndsInASignedPublishedDecision() throws Exception {
        UUID project = publishedProject("投诉流程项目");
        UUID objection = objection(bidder, project);
        answer(project, objection);
        String subject = lotSubject(project);
        assertThat(jobs.pending("open-bids", subject)).as("opening scheduled at publication").isPresent();
        Instant opening = jobs.pending("open-bids", subject).orElseThrow().dueAt();

        String text = "招标人对异议的答复未纠正排斥外地投标人的资格条件，请求责令修改招标文件。";
        JsonNode filed = file(bidder, objection, text, sign(bidder.key(), text), 201);
        UUID id = UUID.fromString(filed.get("id").asText());
        LocalDate today = LocalDate.now(clock.withZone(PlatformZone.ZONE));
        assertThat(filed.get("state").asText()).isEqualTo("FILED");
        assertThat(filed.get("knownOn").asText()).as("dated by the answer, not by the complainant").isEqualTo(today.toString());
        assertThat(filed.get("projectName").asText()).isEqualTo("投诉流程项目");
        assertThat(filed.get("complainantName").asText()).isNotBlank().doesNotContain(bidder.member().toString());
        assertThat(LocalDate.parse(filed.get("due").asText())).isAfter(today);
        assertThat(jobs.pending("complaint-deadline", id + ":overdue")).as("overdue check scheduled").isPresent();

        // the signature verifies with openssl against the bidder's certificate
        Path dir = Files.createTempDirectory("complaint");
        Files.write(dir.resolve("text.txt"), text.getBytes(StandardCharsets.UTF_8));
        MvcResult sig = mvc.perform(as(bidder.token(), get("/api/complaints/{id}/signature", id))).andReturn();
        Files.write(dir.resolve("sig.p7s"), sig.getResponse().getContentAsByteArray());
        Files.writeString(dir.resolve("ca.pem"), Certificates.toPem(TestCa.root()));
        assertThat(run("openssl", "cms", "-verify", "-inform", "DER", "-in", dir.resolve("sig.p7s").toString(),
                "-content", dir.resolve("text.txt").toString(), "-binary", "-CAfile", dir.resolve("ca.pem").toString(),
                "-purpose", "any", "-out", "/dev/null")).contains("Verification successful");

        // the tenderee follows it; another bidder neither sees nor lists it
        assertThat(call(as(tenderee.token(), get("/api/complaints/{id}", id)), 200).get("text").asText()).isEqualTo(text);
        call(as(other.token(), get("/api/complaints/{id}", id)), 404);
        call(as(other.token(), get("/api/complaints/{id}/signature", id)), 404);
        assertThat(call(as(other.token(), get("/api/complaints")), 200).toString()).doesNotContain(id.toString());
        // a bidder cannot handle it
        call(as(bidder.token(), post("/api/complaints/{id}/acceptance", id)).content("{\"suspendProcedure\":true}"), 403);

        JsonNode accepted = call(as(regulator, post("/api/complaints/{id}/acceptance", id))
                .content("{\"suspendProcedure\":true}"), 200);
        assertThat(accepted.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("procedureSuspended").asBoolean()).isTrue();
        assertThat(call(as(tenderee.token(), get("/api/projects/{id}", project)), 200).get("suspended").asBoolean())
                .as("the project shows the suspension").isTrue();
        assertThat(jobs.pending("open-bids", subject)).as("the opening is held").isEmpty();
        assertThat(jobs.pending("close-submissions", subject)).isEmpty();
        LocalDate decisionDue = LocalDate.parse(accepted.get("due").asText());

        JsonNode paused = call(as(regulator, post("/api/complaints/{id}/pause", id))
                .content(Api.json(Map.of("reason", "组织专家评审资格条件"))), 200);
        assertThat(paused.get("paused").asBoolean()).isTrue();
        JsonNode early = call(as(regulator, post("/api/complaints/{id}/decision", id))
                .content(Api.json(Map.of("verdict", "UPHELD", "decision", "责令修改"))), 422);
        assertThat(early.get("type").asText()).endsWith("/complaint-paused");
        JsonNode resumed = call(as(regulator, post("/api/complaints/{id}/resumption", id)), 200);
        assertThat(LocalDate.parse(resumed.get("due").asText())).as("a paused working day moves the due day")
                .isAfterOrEqualTo(decisionDue);
        assertThat(resumed.get("pauses").get(0).get("to").asText()).isEqualTo(today.toString());

        JsonNode decided = call(as(regulator, post("/api/complaints/{id}/decision", id)).content(Api.json(Map.of(
                "verdict", "UPHELD", "decision", "投诉成立。责令招标人删除本地业绩要求并发布澄清公告。"))), 200);
        assertThat(decided.get("state").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("procedureSuspended").asBoolean()).isFalse();
        assertThat(call(as(tenderee.token(), get("/api/projects/{id}", project)), 200).get("suspended").asBoolean())
                .isFalse();
        assertThat(jobs.pending("open-bids", subject)).as("the opening runs again at its own time").get()
                .extracting(f -> f.dueAt()).isEqualTo(opening);
        assertThat(jobs.pending("complaint-deadline", id + ":overdue")).as("closed: no more deadline jobs").isEmpty();

        // the decision letter is signed by the platform (pdfsig) and public; the notice is published
        String document = decided.get("decisionDocument").asText();
        MvcResult pdf = mvc.perform(get("/api/public/documents/{d}/pdf", document)).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        Files.write(dir.resolve("decision.pdf"), pdf.getResponse().getContentAsByteArray());
        assertThat(run("pdfsig", dir.resolve("decision.pdf").toString())).contains("Signature is Valid.");
        assertThat(jdbc.sql("select count(*) from notice where kind = 'COMPLAINT_DECISION' and project_id = ? and body like ?")
                .params(project, "%" + document + "%").query(Long.class).single()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(loggedActions(id)).contains(
                "complaint.complaint-filed", "complaint.complaint-accepted", "complaint.procedure-suspended",
                "complaint.complaint-paused", "complaint.complaint-resumed", "complaint.complaint-decided",
                "complaint.procedure-resumed"));
    }

    @Test
    void refusesComplaintsForOthersWithForeignSignaturesBeforeTheAnswerTwiceAndLate() throws Exception {
        UUID project = publishedProject("投诉攻击项目");
        UUID objection = objection(bidder, project);
        String text = "请求撤销资格条件。";

        // before the answer (and before the answer period ran out): no complaint yet
        assertThat(file(bidder, objection, text, sign(bidder.key(), text), 422).get("type").asText())
                .endsWith("/objection-not-answered");
        answer(project, objection);
        // someone else's objection: as if it did not exist
        file(other, objection, text, sign(other.key(), text), 404);
        // the objector's objection signed with another member's key
        assertThat(file(bidder, objection, text, sign(other.key(), text), 422).get("type").asText())
                .endsWith("/signature-not-by-member");
        // signature over another text
        assertThat(file(bidder, objection, text, sign(bidder.key(), "别的内容"), 422).get("type").asText())
                .endsWith("/signature-not-by-member");
        assertThat(file(bidder, objection, text, "%%%", 400).get("field").asText()).isEqualTo("signature");
        assertThat(jdbc.sql("select count(*) from complaint where objection_id = ?").param(objection).query(Long.class)
                .single()).as("nothing half-saved").isZero();

        // more than 10 days after the answer (the platform dates it from the answer, whatever the complainant says)
        jdbc.sql("update project_objection set answered_at = ?, answer_due = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(20))),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(18))), objection)
                .update();
        assertThat(file(bidder, objection, text, sign(bidder.key(), text), 422).get("type").asText())
                .endsWith("/complaint-late");

        // an objection left unanswered past its answer period may be complained about, once
        UUID unanswered = objection(bidder, project);
        jdbc.sql("update project_objection set answer_due = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), unanswered).update();
        file(bidder, unanswered, text, sign(bidder.key(), text), 201);
        assertThat(file(bidder, unanswered, text, sign(bidder.key(), text), 409).get("type").asText())
                .endsWith("/complaint-exists");
    }

    @Test
    void theDeadlineJobRemindsOnTheDueDayAndFlagsTheComplaintOverdueAfterIt() throws Exception {
        UUID project = publishedProject("投诉期限项目");
        UUID objection = objection(bidder, project);
        answer(project, objection);
        String text = "请求责令改正。";
        UUID id = UUID.fromString(file(bidder, objection, text, sign(bidder.key(), text), 201).get("id").asText());
        LocalDate due = LocalDate.parse(call(as(regulator, get("/api/complaints/{id}", id)), 200).get("due").asText());
        assertThat(jobs.pending("complaint-deadline", id + ":reminder").orElseThrow().dueAt())
                .isEqualTo(due.atTime(9, 0).atZone(PlatformZone.ZONE).toInstant());

        // the platform's clock reaches the day after the 3 working days: the job's handler flags it, once
        clock.advance(Duration.between(Instant.now(), due.plusDays(1).atTime(8, 0).atZone(PlatformZone.ZONE).toInstant()));
        complaints.checkDeadline(ComplaintId.of(id), false);
        complaints.checkDeadline(ComplaintId.of(id), true);
        complaints.checkDeadline(ComplaintId.of(id), true);
        JsonNode queue = call(as(regulator, get("/api/complaints")), 200);
        JsonNode mine = null;
        for (JsonNode c : queue) {
            if (c.get("id").asText().equals(id.toString())) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("overdue").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(loggedActions(id))
                .containsOnlyOnce("complaint.complaint-overdue").containsOnlyOnce("complaint.complaint-reminder-due"));

        // accepting it late still works, and the flag clears with the step
        JsonNode accepted = call(as(regulator, post("/api/complaints/{id}/acceptance", id)).content("{}"), 200);
        assertThat(accepted.get("overdue").asBoolean()).isFalse();
        assertThat(accepted.get("procedureSuspended").asBoolean()).isFalse();
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }
}
