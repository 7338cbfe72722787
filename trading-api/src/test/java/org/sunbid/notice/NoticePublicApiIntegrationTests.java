package org.sunbid.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchManagement;
import org.sunbid.search.SearchQuery;
import org.sunbid.search.SearchResult;
import org.sunbid.search.internal.SearchOutbox;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** The public, no-login notice API: permalinks, immutability, the changes feed, Atom, search, CSV and bad input. */
@PlatformTest
class NoticePublicApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    NoticeManagement notices;
    @Autowired
    SearchManagement search;
    @Autowired
    SearchOutbox outbox;
    @Autowired
    JdbcClient jdbc;

    Notice publish(String projectName, NoticeKind kind, String title, String body) {
        return notices.publish(NoticeFixtures.draft(NoticeFixtures.ProjectSnapshot.random(projectName), kind, title,
                body, kind == NoticeKind.AWARD ? "宁波甬信软件有限公司" : null, new BigDecimal("420000.00"), null));
    }

    JsonNode json(MvcResult r) throws Exception {
        return Api.body(r);
    }

    @Test
    void aNoticeHasAStablePermalinkAndNeverChanges() throws Exception {
        Notice n = publish("档案数字化服务项目", NoticeKind.TENDER_ANNOUNCEMENT, "档案数字化服务采购公告", "档案扫描与著录。");
        assertThat(n.permalink()).isEqualTo("/api/public/notices/" + n.publicId());
        JsonNode read = json(mvc.perform(get(n.permalink())).andExpect(status().isOk()).andReturn());
        assertThat(read.get("title").asText()).isEqualTo("档案数字化服务采购公告");
        assertThatThrownBy(() -> jdbc.sql("update notice set title = 'changed' where id = :id").param("id", n.id()).update())
                .hasMessageContaining("published notices never change");
        assertThatThrownBy(() -> jdbc.sql("delete from notice where id = :id").param("id", n.id()).update())
                .hasMessageContaining("published notices never change");
        mvc.perform(get("/api/public/notices/{p}", "N2026404040404")).andExpect(status().isNotFound());
    }

    @Test
    void aCorrectionIsANewNoticeLinkedToTheOld() throws Exception {
        NoticeFixtures.ProjectSnapshot p = NoticeFixtures.ProjectSnapshot.random("更正项目");
        Notice original = notices.publish(NoticeFixtures.draft(p, NoticeKind.TENDER_ANNOUNCEMENT, "原公告", "原文。", null, null, null));
        Notice correction = notices.publish(NoticeFixtures.draft(p, NoticeKind.CLARIFICATION, "更正公告", "更正。", null, null,
                original.id()));
        assertThat(correction.correctsId()).isEqualTo(original.id());
        assertThat(notices.find(original.publicId()).orElseThrow().title()).isEqualTo("原公告");
        NoticeFixtures.ProjectSnapshot other = NoticeFixtures.ProjectSnapshot.random("别的项目");
        assertThatThrownBy(() -> notices.publish(NoticeFixtures.draft(other, NoticeKind.CLARIFICATION, "错链", "x", null,
                null, original.id()))).hasMessageContaining("notice.corrects.other-project");
    }

    @Test
    void theChangesFeedLetsAMirrorCopyEveryRealNoticeWithoutGapsOrRepeats() throws Exception {
        for (int i = 0; i < 5; i++) {
            publish("镜像项目" + i, NoticeKind.TENDER_ANNOUNCEMENT, "镜像测试公告" + i, "正文" + i);
        }
        long total = jdbc.sql("select count(*) from notice where not test_project").query(Long.class).single();
        List<String> mirrored = new ArrayList<>();
        String cursor = "0";
        for (int guard = 0; guard < 1000; guard++) {
            JsonNode page = json(mvc.perform(get("/api/public/changes").param("cursor", cursor).param("limit", "3"))
                    .andExpect(status().isOk()).andReturn());
            page.get("items").forEach(n -> mirrored.add(n.get("publicId").asText()));
            cursor = page.get("cursor").asText();
            if (!page.get("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(mirrored).hasSize((int) total);
        assertThat(new HashSet<>(mirrored)).hasSize((int) total);
        // nothing new: the same cursor returns nothing and keeps its place
        JsonNode after = json(mvc.perform(get("/api/public/changes").param("cursor", cursor)).andReturn());
        assertThat(after.get("items")).isEmpty();
        assertThat(after.get("cursor").asText()).isEqualTo(cursor);
        Notice later = publish("后来的项目", NoticeKind.AWARD, "后来的中标公告", "中标。");
        JsonNode next = json(mvc.perform(get("/api/public/changes").param("cursor", cursor)).andReturn());
        assertThat(next.get("items")).hasSize(1);
        assertThat(next.get("items").get(0).get("publicId").asText()).isEqualTo(later.publicId());

        mvc.perform(get("/api/public/changes").param("cursor", "-1")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/public/changes").param("cursor", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/public/changes").param("limit", "100000")).andExpect(status().isBadRequest());
    }

    @Test
    void theAtomFeedListsNoticesOfOneKindAndRegion() throws Exception {
        Notice award = publish("Atom 项目", NoticeKind.AWARD, "Atom 中标结果公告", "中标。");
        MvcResult r = mvc.perform(get("/api/public/feeds/notices.atom").param("kind", "award").param("region", "330100"))
                .andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document xml = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isPositive();
        Set<String> categories = new HashSet<>();
        NodeList cats = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category");
        for (int i = 0; i < cats.getLength(); i++) {
            categories.add(cats.item(i).getAttributes().getNamedItem("term").getNodeValue());
        }
        assertThat(categories).containsExactly("award");
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(award.publicId());
        mvc.perform(get("/api/public/feeds/notices.atom").param("kind", "nonsense")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/public/feeds/notices.atom").param("region", "abc")).andExpect(status().isBadRequest());
    }

    @Test
    void publishedNoticesBecomeSearchableThroughTheOutboxAndExportAsCsv() throws Exception {
        Notice n = publish("智慧食堂项目", NoticeKind.TENDER_ANNOUNCEMENT, "智慧食堂改造采购公告", "食堂后厨设备与结算系统改造。");
        String processed = "select count(*) from search_outbox where notice_id = :n and processed_at is not null";
        assertThat(jdbc.sql(processed).param("n", n.id()).query(Long.class).single()).isZero();
        search.processOutbox();
        assertThat(jdbc.sql(processed).param("n", n.id()).query(Long.class).single()).isOne();
        JsonNode r = json(mvc.perform(get("/api/public/search").param("q", "智慧食堂").param("region", "330106")
                .param("classification", "A02").param("minAmount", "100000").param("from", "2020-01-01"))
                .andExpect(status().isOk()).andReturn());
        assertThat(r.get("total").asLong()).isEqualTo(1);
        assertThat(r.get("hits").get(0).get("publicId").asText()).isEqualTo(n.publicId());
        // the words are in the title: the snippet is the lead of the running text (never the title again, never labels)
        assertThat(r.get("hits").get(0).get("snippet").asText()).isEqualTo("食堂后厨设备与结算系统改造。");
        assertThat(r.get("hits").get(0).get("stage").asText()).isEqualTo("ACCEPTING_BIDS");
        assertThat(r.get("facets").get("kind").get("TENDER_ANNOUNCEMENT").asLong()).isEqualTo(1);

        MvcResult csv = mvc.perform(get("/api/public/search.csv").param("q", "智慧食堂")).andExpect(status().isOk()).andReturn();
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSize(2);
        assertThat(text).contains("\"智慧食堂改造采购公告\"").contains("\"420000.00\"");

        JsonNode suggestions = json(mvc.perform(get("/api/public/search/suggest").param("field", "tenderee")
                .param("prefix", "杭州市西湖")).andExpect(status().isOk()).andReturn());
        List<String> names = new ArrayList<>();
        suggestions.forEach(s -> names.add(s.asText()));
        assertThat(names).contains("杭州市西湖区教育局").allMatch(s -> s.startsWith("杭州市西湖"));
    }

    @Test
    void aSearchOutageNeverBlocksPublishingAndTheOutboxKeepsTheNotice() throws Exception {
        search.processOutbox();
        Notice n = publish("停机项目", NoticeKind.TENDER_ANNOUNCEMENT, "检索停机期间发布的公告", "停机。");
        assertThat(notices.find(n.publicId())).isPresent();
        int drained = outbox.drain(new BrokenIndex());
        assertThat(drained).isZero();
        assertThat(jdbc.sql("select count(*) from search_outbox where notice_id = :n and processed_at is null")
                .param("n", n.id()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select attempts from search_outbox where notice_id = :n").param("n", n.id())
                .query(Integer.class).single()).isEqualTo(1);
        // the admin rebuild reads PostgreSQL, so the notice is searchable even before the retry
        String admin = Api.login(mvc, Api.ADMIN, Api.ADMIN_PASSWORD);
        JsonNode rebuilt = json(mvc.perform(post("/api/admin/search/rebuild").header("Authorization", Api.bearer(admin)))
                .andExpect(status().isOk()).andReturn());
        assertThat(rebuilt.get("indexed").asLong()).isEqualTo(jdbc.sql("select count(*) from notice").query(Long.class).single());
        assertThat(search.search(SearchQuery.text("检索停机期间")).hits()).hasSize(1);
        mvc.perform(post("/api/admin/search/rebuild")).andExpect(status().isUnauthorized());
    }

    @Test
    void badSearchInputIsAClearFourHundredNeverAFiveHundred() throws Exception {
        String tenKilobytes = "道".repeat(10_240);
        expect400("q", get("/api/public/search").param("q", tenKilobytes));
        expect400("page", get("/api/public/search").param("page", "1000000"));
        expect400("page", get("/api/public/search").param("page", "-1"));
        expect400("page", get("/api/public/search").param("page", "abc"));
        expect400("size", get("/api/public/search").param("size", "0"));
        expect400("minAmount", get("/api/public/search").param("minAmount", "-5"));
        expect400("minAmount", get("/api/public/search").param("minAmount", "12abc"));
        expect400("maxAmount", get("/api/public/search").param("minAmount", "500").param("maxAmount", "100"));
        expect400("to", get("/api/public/search").param("from", "2026-05-01").param("to", "2026-04-01"));
        expect400("from", get("/api/public/search").param("from", "2026-13-45"));
        expect400("classification", get("/api/public/search").param("classification", "ZZ-9*"));
        expect400("kind", get("/api/public/search").param("kind", "rumour"));
        expect400("sort", get("/api/public/search").param("sort", "random"));
        expect400("after", get("/api/public/search").param("after", "%%%"));
        expect400("field", get("/api/public/search/suggest").param("field", "title").param("prefix", "杭州"));
        for (String nasty : List.of("title:(道路 OR \"", "*:*", "\\", "a AND (b OR", "]]]", "~!@#$%^&*()")) {
            mvc.perform(get("/api/public/search").param("q", nasty)).andExpect(status().isOk());
        }
        // a well-formed but unknown classification simply matches nothing
        JsonNode none = json(mvc.perform(get("/api/public/search").param("classification", "Z99")).andExpect(status().isOk())
                .andReturn());
        assertThat(none.get("total").asLong()).isZero();
    }

    void expect400(String field, org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(json(r).get("field").asText()).isEqualTo(field);
    }

    /** An engine that is down. */
    static final class BrokenIndex implements SearchIndex {
        public void index(List<SearchDocument> documents) { throw new IllegalStateException("connection refused"); }
        public void delete(String id) { throw new IllegalStateException("connection refused"); }
        public void rebuild(Iterable<SearchDocument> documents) { throw new IllegalStateException("connection refused"); }
        public SearchResult search(SearchQuery query) { throw new IllegalStateException("connection refused"); }
        public List<String> suggest(String field, String prefix, int limit) { return List.of(); }
        public long count() { return 0; }
        public String engine() { return "broken"; }
        public void close() { }
    }
}
