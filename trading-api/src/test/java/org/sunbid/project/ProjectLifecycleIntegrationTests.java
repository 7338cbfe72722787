package org.sunbid.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.notice.NoticePublished;
import org.sunbid.search.SearchManagement;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/** A project from registration through joint review to a published, searchable announcement, and the rules on the way. */
@PlatformTest
@RecordApplicationEvents
class ProjectLifecycleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    SearchManagement search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    ProjectFixtures.Member tenderee;
    String tendereeToken;
    String staffToken;
    String regulatorToken;
    String bidderToken;
    ProjectFixtures.Member bidder;

    @BeforeEach
    void accounts() throws Exception {
        tenderee = ProjectFixtures.memberAccount(accounts, Role.TENDEREE);
        tendereeToken = Api.login(mvc, tenderee.username(), ProjectFixtures.PASSWORD);
        staffToken = Api.login(mvc, ProjectFixtures.platformAccount(accounts, Role.STAFF), ProjectFixtures.PASSWORD);
        regulatorToken = Api.login(mvc, ProjectFixtures.platformAccount(accounts, Role.REGULATOR), ProjectFixtures.PASSWORD);
        bidder = ProjectFixtures.memberAccount(accounts, Role.BIDDER);
        bidderToken = Api.login(mvc, bidder.username(), ProjectFixtures.PASSWORD);
    }

    MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON);
    }

    JsonNode ok(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        String body = r.getResponse().getContentAsString();
        return body.isEmpty() ? null : Api.body(r);
    }

    UUID register(Map<String, Object> registration) throws Exception {
        JsonNode p = ok(as(tendereeToken, post("/api/projects")).content(Api.json(registration)), 201);
        return UUID.fromString(p.get("id").asText());
    }

    /** Registers, submits, accepts, uploads documents and has both reviewers approve both items. */
    UUID approvedProject(String name) throws Exception {
        UUID id = register(ProjectFixtures.openTender(name));
        ok(as(tendereeToken, post("/api/projects/{id}/submit", id)), 200);
        ok(as(staffToken, post("/api/projects/{id}/accept", id)), 200);
        upload(id, "招标文件正文".getBytes());
        for (String token : List.of(staffToken, regulatorToken)) {
            for (String item : List.of("ANNOUNCEMENT", "TENDER_DOCUMENTS")) {
                ok(as(token, post("/api/projects/{id}/review", id))
                        .content(Api.json(Map.of("item", item, "version", 1, "decision", "APPROVE"))), 200);
            }
        }
        return id;
    }

    void upload(UUID id, byte[] content) throws Exception {
        ok(multipart("/api/projects/{id}/documents", id)
                .file(new MockMultipartFile("file", "招标文件.pdf", "application/pdf", content))
                .header("Authorization", Api.bearer(tendereeToken)), 201);
    }

    @Test
    void registersReviewsRevisesAndPublishesTheAnnouncementOnce() throws Exception {
        UUID id = register(ProjectFixtures.openTender("文三路综合整治工程"));
        JsonNode draft = ok(as(tendereeToken, get("/api/projects/{id}", id)), 200);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("transactionCode").asText()).matches("3301062026A\\d{6}|330106\\d{4}A\\d{6}");
        assertThat(draft.get("lots").get(0).get("hasConfidentialReferencePrice").asBoolean()).isTrue();
        assertThat(draft.toString()).doesNotContain("9500000");

        // drafts are invisible to the centre, to other members and to the public
        ok(as(staffToken, get("/api/projects/{id}", id)), 404);
        ok(as(bidderToken, get("/api/projects/{id}", id)), 404);

        ok(as(tendereeToken, post("/api/projects/{id}/submit", id)), 200);
        ok(as(staffToken, post("/api/projects/{id}/accept", id)), 200);
        upload(id, "第一版招标文件".getBytes());

        // publishing without approvals is refused by rule
        JsonNode refused = ok(as(tendereeToken, post("/api/projects/{id}/publish", id)), 422);
        assertThat(refused.get("type").asText()).endsWith("/review-approvals-missing");

        ok(as(staffToken, post("/api/projects/{id}/review", id)).content(Api.json(
                Map.of("item", "ANNOUNCEMENT", "version", 1, "decision", "APPROVE"))), 200);
        ok(as(regulatorToken, post("/api/projects/{id}/review", id)).content(Api.json(
                Map.of("item", "ANNOUNCEMENT", "version", 1, "decision", "RETURN", "comment", "请补充投标人资格要求"))), 200);
        ok(as(tendereeToken, put("/api/projects/{id}/announcement", id)).content(Api.json(
                Map.of("text", "文三路综合整治工程公开招标。投标人须具备市政公用工程施工总承包二级及以上资质。"))), 200);
        for (String token : List.of(staffToken, regulatorToken)) {
            ok(as(token, post("/api/projects/{id}/review", id)).content(Api.json(
                    Map.of("item", "ANNOUNCEMENT", "version", 2, "decision", "APPROVE"))), 200);
            ok(as(token, post("/api/projects/{id}/review", id)).content(Api.json(
                    Map.of("item", "TENDER_DOCUMENTS", "version", 1, "decision", "APPROVE"))), 200);
        }
        // the same reviewer role cannot give a second opinion on one version
        ok(as(staffToken, post("/api/projects/{id}/review", id)).content(Api.json(
                Map.of("item", "TENDER_DOCUMENTS", "version", 1, "decision", "APPROVE"))), 409);

        JsonNode sheet = ok(as(staffToken, get("/api/projects/{id}/review", id)), 200);
        JsonNode announcement = sheet.get("items").get(0);
        assertThat(announcement.get("versions")).hasSize(2);
        assertThat(announcement.get("versions").get(0).get("opinions").get(1).get("comment").asText())
                .isEqualTo("请补充投标人资格要求");
        assertThat(sheet.get("readyToPublish").asBoolean()).isTrue();

        long before = events.stream(NoticePublished.class).count();
        JsonNode first = ok(as(tendereeToken, post("/api/projects/{id}/publish", id)), 200);
        JsonNode second = ok(as(tendereeToken, post("/api/projects/{id}/publish", id)), 200);
        assertThat(second.get("publicId").asText()).isEqualTo(first.get("publicId").asText());
        assertThat(events.stream(NoticePublished.class).count()).isEqualTo(before + 1);
        assertThat(events.stream(ProjectEvents.ProjectPublished.class).filter(e -> e.projectId().equals(id))).hasSize(1);

        String publicId = first.get("publicId").asText();
        JsonNode notice = Api.body(mvc.perform(get("/api/public/notices/{p}", publicId)).andExpect(status().isOk()).andReturn());
        assertThat(notice.get("kind").asText()).isEqualTo("TENDER_ANNOUNCEMENT");
        assertThat(notice.get("body").asText()).contains("二级及以上资质").contains("投标截止时间");

        search.processOutbox();
        mvc.perform(get("/api/public/search").param("q", "文三路 整治").param("kind", "tender-announcement"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[?(@.publicId == '" + publicId + "')]").exists());
        // published projects are visible to bidders now
        ok(as(bidderToken, get("/api/projects/{id}", id)), 200);
    }

    @Test
    void staffReturnsAProjectWithAReasonAndTheOwnerResubmits() throws Exception {
        UUID id = register(ProjectFixtures.openTender("返回测试项目"));
        ok(as(tendereeToken, post("/api/projects/{id}/submit", id)), 200);
        ok(as(staffToken, post("/api/projects/{id}/return", id)).content("{}"), 400);
        JsonNode returned = ok(as(staffToken, post("/api/projects/{id}/return", id))
                .content(Api.json(Map.of("reason", "缺少项目审批文件"))), 200);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("returnReason").asText()).isEqualTo("缺少项目审批文件");
        ok(as(tendereeToken, post("/api/projects/{id}/submit", id)), 200);
        // a tenderee cannot accept its own project
        ok(as(tendereeToken, post("/api/projects/{id}/accept", id)), 403);
    }

    @Test
    void refusesADepositAboveTwoPercentOfTheLotEstimate() throws Exception {
        Map<String, Object> r = ProjectFixtures.openTender("保证金超限");
        @SuppressWarnings("unchecked")
        Map<String, Object> lot = new java.util.HashMap<>(((List<Map<String, Object>>) r.get("lots")).get(0));
        lot.put("deposit", "200000.01");
        r.put("lots", List.of(lot));
        JsonNode p = ok(as(tendereeToken, post("/api/projects")).content(Api.json(r)), 422);
        assertThat(p.get("type").asText()).isEqualTo("https://sunbid.org/problems/deposit-limit");
        assertThat(p.get("field").asText()).isEqualTo("lots[0].deposit");
        assertThat(p.get("detail").asText()).contains("2%");
    }

    @Test
    void refusesAMinimumPrice() throws Exception {
        Map<String, Object> r = ProjectFixtures.openTender("最低限价");
        @SuppressWarnings("unchecked")
        Map<String, Object> lot = new java.util.HashMap<>(((List<Map<String, Object>>) r.get("lots")).get(0));
        lot.put("referencePrice", Map.of("kind", "MINIMUM", "amount", "8000000.00"));
        r.put("lots", List.of(lot));
        JsonNode p = ok(as(tendereeToken, post("/api/projects")).content(Api.json(r)), 422);
        assertThat(p.get("type").asText()).endsWith("/minimum-price-forbidden");
    }

    @Test
    void refusesLessThanTwentyDaysToTheDeadlineForAnOpenTenderButNotForNegotiation() throws Exception {
        Map<String, Object> r = ProjectFixtures.openTender("期限不足");
        Instant now = Instant.now();
        r.put("bidDeadline", now.plus(Duration.ofDays(19)).toString());
        r.put("openingAt", now.plus(Duration.ofDays(19)).toString());
        JsonNode p = ok(as(tendereeToken, post("/api/projects")).content(Api.json(r)), 422);
        assertThat(p.get("type").asText()).endsWith("/bid-period-minimum");
        assertThat(p.get("field").asText()).isEqualTo("bidDeadline");

        r.put("procedure", "COMPETITIVE_NEGOTIATION");
        ok(as(tendereeToken, post("/api/projects")).content(Api.json(r)), 201);
    }

    @Test
    void refusesDocumentsOnSaleForLessThanFiveDays() throws Exception {
        Map<String, Object> r = ProjectFixtures.openTender("发售期不足");
        r.put("documentsOnSaleUntil", Instant.now().plus(Duration.ofDays(4)).toString());
        JsonNode p = ok(as(tendereeToken, post("/api/projects")).content(Api.json(r)), 422);
        assertThat(p.get("type").asText()).endsWith("/document-sale-minimum");
    }

    @Test
    void refusesUnknownClassificationCodesAndBadFieldsWithFourHundred() throws Exception {
        Map<String, Object> r = ProjectFixtures.openTender("代码错误");
        r.put("classificationCodes", List.of("B0201", "Z9999"));
        JsonNode p = ok(as(tendereeToken, post("/api/projects")).content(Api.json(r)), 400);
        assertThat(p.get("field").asText()).isEqualTo("classificationCodes");
        assertThat(p.get("detail").asText()).contains("Z9999");

        Map<String, Object> negative = ProjectFixtures.openTender("负数");
        negative.put("estimatedValue", "-1");
        assertThat(ok(as(tendereeToken, post("/api/projects")).content(Api.json(negative)), 400).get("field").asText())
                .isEqualTo("estimatedValue");

        Map<String, Object> order = ProjectFixtures.openTender("顺序");
        order.put("openingAt", Instant.now().plus(Duration.ofDays(24)).toString());
        assertThat(ok(as(tendereeToken, post("/api/projects")).content(Api.json(order)), 400).get("field").asText())
                .isEqualTo("openingAt");

        ok(as(tendereeToken, post("/api/projects")).content("{\"name\": "), 400);
        // bidders cannot register projects; nothing was written by the refusals
        ok(as(bidderToken, post("/api/projects")).content(Api.json(ProjectFixtures.openTender("投标人"))), 403);
        assertThat(jdbc.sql("select count(*) from project where name in ('代码错误','负数','顺序','投标人')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBidAffectingClarificationLateInThePeriodMovesDeadlineAndOpening() throws Exception {
        UUID id = approvedProject("澄清顺延项目");
        ok(as(tendereeToken, post("/api/projects/{id}/publish", id)), 200);
        // weeks later: the deadline is 10 days away
        Instant deadline = Instant.now().plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant opening = deadline.plus(Duration.ofMinutes(30));
        jdbc.sql("update project set bid_deadline = :d, opening_at = :o where id = :id")
                .param("d", Timestamp.from(deadline)).param("o", Timestamp.from(opening)).param("id", id).update();

        JsonNode notAffecting = ok(as(tendereeToken, post("/api/projects/{id}/clarifications", id)).content(Api.json(
                Map.of("title", "答疑纪要", "body", "现场踏勘时间不变。", "affectsBids", false))), 201);
        assertThat(notAffecting.get("deadlineMoved").asBoolean()).isFalse();

        Instant before = Instant.now();
        JsonNode moved = ok(as(tendereeToken, post("/api/projects/{id}/clarifications", id)).content(Api.json(
                Map.of("title", "招标文件澄清（一）", "body", "工程量清单第3项数量由1200改为1500。", "affectsBids", true))), 201);
        assertThat(moved.get("deadlineMoved").asBoolean()).isTrue();
        Instant newDeadline = Instant.parse(moved.get("bidDeadline").asText());
        assertThat(newDeadline).isBetween(before.plus(Duration.ofDays(15)), Instant.now().plus(Duration.ofDays(15)).plusSeconds(60));
        assertThat(newDeadline.getEpochSecond() % 60).isZero();
        assertThat(Instant.parse(moved.get("openingAt").asText())).isEqualTo(newDeadline.plus(Duration.ofMinutes(30)));

        List<ProjectEvents.DeadlineMoved> movedEvents = events.stream(ProjectEvents.DeadlineMoved.class)
                .filter(e -> e.projectId().equals(id)).toList();
        assertThat(movedEvents).hasSize(1);
        assertThat(movedEvents.get(0).oldDeadline()).isEqualTo(deadline);
        assertThat(movedEvents.get(0).newDeadline()).isEqualTo(newDeadline);

        JsonNode project = ok(as(tendereeToken, get("/api/projects/{id}", id)), 200);
        assertThat(Instant.parse(project.get("bidDeadline").asText())).isEqualTo(newDeadline);
        String noticeId = moved.get("notice").get("publicId").asText();
        JsonNode notice = Api.body(mvc.perform(get("/api/public/notices/{p}", noticeId)).andReturn());
        assertThat(notice.get("kind").asText()).isEqualTo("CLARIFICATION");
        assertThat(notice.get("body").asText()).contains("顺延");
    }

    @Test
    void objectionsSuspendTheProjectUntilAnsweredAndCloseTenDaysBeforeTheDeadline() throws Exception {
        UUID id = approvedProject("异议项目");
        ok(as(tendereeToken, post("/api/projects/{id}/publish", id)), 200);
        JsonNode objection = ok(as(bidderToken, post("/api/projects/{id}/objections", id))
                .content(Api.json(Map.of("text", "资格条件中要求本地业绩，排斥外地投标人。"))), 201);
        assertThat(Instant.parse(objection.get("answerDue").asText()))
                .isEqualTo(Instant.parse(objection.get("filedAt").asText()).plus(Duration.ofDays(3)));
        assertThat(ok(as(tendereeToken, get("/api/projects/{id}", id)), 200).get("suspended").asBoolean()).isTrue();
        assertThat(ok(as(tendereeToken, get("/api/projects/{id}/objections", id)), 200).get(0).get("overdue").asBoolean())
                .isFalse();
        jdbc.sql("update project_objection set answer_due = :due where id = :o")
                .param("due", Timestamp.from(Instant.now().minusSeconds(60)))
                .param("o", UUID.fromString(objection.get("id").asText())).update();
        assertThat(ok(as(tendereeToken, get("/api/projects/{id}/objections", id)), 200).get(0).get("overdue").asBoolean())
                .as("unanswered past the 3-day answer period").isTrue();
        // another bidder does not see this bidder's objection
        ProjectFixtures.Member other = ProjectFixtures.memberAccount(accounts, Role.BIDDER);
        String otherToken = Api.login(mvc, other.username(), ProjectFixtures.PASSWORD);
        assertThat(ok(as(otherToken, get("/api/projects/{id}/objections", id)), 200)).isEmpty();
        ok(as(tendereeToken, post("/api/projects/{id}/objections/{o}/answer", id, objection.get("id").asText()))
                .content(Api.json(Map.of("answer", "已删除本地业绩要求，详见澄清公告。"))), 204);
        assertThat(ok(as(tendereeToken, get("/api/projects/{id}", id)), 200).get("suspended").asBoolean()).isFalse();
        ok(as(tendereeToken, post("/api/projects/{id}/objections/{o}/answer", id, objection.get("id").asText()))
                .content(Api.json(Map.of("answer", "再次答复"))), 409);

        jdbc.sql("update project set bid_deadline = :d, opening_at = :d where id = :id")
                .param("d", Timestamp.from(Instant.now().plus(Duration.ofDays(9)))).param("id", id).update();
        JsonNode late = ok(as(bidderToken, post("/api/projects/{id}/objections", id))
                .content(Api.json(Map.of("text", "太晚的异议"))), 422);
        assertThat(late.get("type").asText()).endsWith("/objection-period-over");
    }

    @Test
    void theDownloadListStaysSealedUntilTheDeadline() throws Exception {
        UUID id = approvedProject("下载名单项目");
        ok(as(tendereeToken, post("/api/projects/{id}/publish", id)), 200);
        MvcResult file = mvc.perform(get("/api/projects/{id}/documents", id).header("Authorization", Api.bearer(bidderToken)))
                .andExpect(status().isOk()).andReturn();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo("招标文件正文".getBytes());

        JsonNode sealed = ok(as(tendereeToken, get("/api/projects/{id}/downloads", id)), 422);
        assertThat(sealed.get("type").asText()).endsWith("/download-list-sealed");
        assertThat(sealed.toString()).doesNotContain(bidder.memberId().toString());
        ok(as(staffToken, get("/api/projects/{id}/downloads", id)), 422);

        jdbc.sql("update project set bid_deadline = :d, opening_at = :d where id = :id")
                .param("d", Timestamp.from(Instant.now().minusSeconds(1))).param("id", id).update();
        JsonNode list = ok(as(staffToken, get("/api/projects/{id}/downloads", id)), 200);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("memberId").asText()).isEqualTo(bidder.memberId().toString());
    }
}
