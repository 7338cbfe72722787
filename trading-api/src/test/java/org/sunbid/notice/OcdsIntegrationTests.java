package org.sunbid.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.support.PlatformTest;

/** Every notice kind, and a project's record package, validate against the OCDS 1.1.5 release schema. */
@PlatformTest
class OcdsIntegrationTests {

    static JsonSchema releaseSchema;
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    NoticeManagement notices;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = OcdsIntegrationTests.class.getResourceAsStream("/ocds/release-schema.json")) {
            releaseSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static void assertValidRelease(JsonNode release) {
        Set<ValidationMessage> errors = releaseSchema.validate(release);
        assertThat(errors).as(release.toPrettyString()).isEmpty();
    }

    JsonNode getJson(String path) throws Exception {
        String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    @Test
    void theSchemaValidatorRejectsAnInvalidRelease() throws Exception {
        JsonNode bad = JSON.readTree("{\"ocid\":\"x\",\"id\":\"1\",\"date\":\"2026-01-01T00:00:00Z\",\"tag\":[\"nonsense\"],"
                + "\"initiationType\":\"tender\"}");
        assertThat(releaseSchema.validate(bad)).isNotEmpty();
    }

    @Test
    void everyNoticeKindIsAValidOcdsReleaseWithItsTag() throws Exception {
        NoticeFixtures.ProjectSnapshot p = NoticeFixtures.ProjectSnapshot.random("西湖区教育局计算机采购项目");
        List<Notice> published = new ArrayList<>();
        Notice tender = notices.publish(NoticeFixtures.draft(p, NoticeKind.TENDER_ANNOUNCEMENT, "计算机采购公开招标公告",
                "采购台式计算机和笔记本电脑。", null, new BigDecimal("850000.00"), null));
        published.add(tender);
        published.add(notices.publish(NoticeFixtures.draft(p, NoticeKind.CLARIFICATION, "计算机采购澄清公告",
                "技术参数更正。", null, null, tender.id())));
        published.add(notices.publish(NoticeFixtures.draft(p, NoticeKind.OPENING_RECORD, "开标记录", "共 5 家投标。",
                null, null, null)));
        published.add(notices.publish(NoticeFixtures.draft(p, NoticeKind.CANDIDATE_PUBLICITY, "中标候选人公示",
                "第一中标候选人：杭州数码科技有限公司。", "杭州数码科技有限公司", new BigDecimal("799000.00"), null)));
        published.add(notices.publish(NoticeFixtures.draft(p, NoticeKind.AWARD, "中标结果公告",
                "中标供应商：杭州数码科技有限公司。", "杭州数码科技有限公司", new BigDecimal("799000.00"), null)));

        List<String> tags = new ArrayList<>();
        for (Notice n : published) {
            JsonNode release = getJson("/api/public/notices/" + n.publicId() + "/ocds");
            assertValidRelease(release);
            assertThat(release.get("ocid").asText()).isEqualTo("ocds-sunbid-" + p.code());
            assertThat(release.get("id").asText()).isEqualTo(n.publicId());
            tags.add(release.get("tag").get(0).asText());
        }
        assertThat(tags).containsExactly("tender", "tenderAmendment", "tenderUpdate", "awardUpdate", "award");

        JsonNode award = getJson("/api/public/notices/" + published.get(4).publicId() + "/ocds");
        assertThat(award.get("awards").get(0).get("suppliers").get(0).get("name").asText()).isEqualTo("杭州数码科技有限公司");
        assertThat(award.get("awards").get(0).get("value").get("currency").asText()).isEqualTo("CNY");
        assertThat(award.get("tender").get("status").asText()).isEqualTo("complete");
        JsonNode tenderRelease = getJson("/api/public/notices/" + tender.publicId() + "/ocds");
        assertThat(tenderRelease.get("tender").get("procurementMethod").asText()).isEqualTo("open");
        assertThat(tenderRelease.get("tender").get("mainProcurementCategory").asText()).isEqualTo("goods");
        assertThat(tenderRelease.get("tender").get("items")).hasSize(2);
        JsonNode lots = tenderRelease.get("tender").get("lots");
        assertThat(lots).as("the lots extension: one entry per lot").hasSize(2);
        assertThat(tenderRelease.get("tender").get("items").get(1).get("relatedLot").asText())
                .isEqualTo(lots.get(1).get("id").asText());

        JsonNode recordPackage = getJson("/api/public/projects/" + p.code() + "/ocds");
        assertThat(recordPackage.get("version").asText()).isEqualTo("1.1");
        JsonNode record = recordPackage.get("records").get(0);
        assertThat(record.get("releases")).hasSize(5);
        for (JsonNode release : record.get("releases")) {
            assertValidRelease(release);
        }
        JsonNode compiled = record.get("compiledRelease");
        assertValidRelease(compiled);
        assertThat(compiled.get("tag").get(0).asText()).isEqualTo("compiled");
        assertThat(compiled.get("tender").get("status").asText()).isEqualTo("complete");
        assertThat(compiled.get("awards").get(0).get("status").asText()).isEqualTo("active");
        assertThat(compiled.get("parties").size()).isEqualTo(3);
    }

    @Test
    void failedAndTerminatedTendersAreCancellationReleases() throws Exception {
        NoticeFixtures.ProjectSnapshot p = NoticeFixtures.ProjectSnapshot.random("流标项目");
        Notice failed = notices.publish(NoticeFixtures.draft(p, NoticeKind.FAILED_TENDER, "流标公告",
                "有效投标不足三家。", null, null, null));
        Notice terminated = notices.publish(NoticeFixtures.draft(p, NoticeKind.TERMINATION, "终止公告",
                "项目终止。", null, null, null));
        JsonNode f = getJson("/api/public/notices/" + failed.publicId() + "/ocds");
        JsonNode t = getJson("/api/public/notices/" + terminated.publicId() + "/ocds");
        assertValidRelease(f);
        assertValidRelease(t);
        assertThat(f.get("tender").get("status").asText()).isEqualTo("unsuccessful");
        assertThat(t.get("tender").get("status").asText()).isEqualTo("cancelled");
        assertThat(t.get("tag").get(0).asText()).isEqualTo("tenderCancellation");
    }

    @Test
    void anUnknownProjectHasNoRecordPackage() throws Exception {
        mvc.perform(get("/api/public/projects/{c}/ocds", "NOPE")).andExpect(status().isNotFound());
    }
}
