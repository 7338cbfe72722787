package org.sunbid.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.platform.web.WebSliceTest;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchSliceConfiguration;
import org.sunbid.search.internal.LuceneSearchIndex;

/**
 * The search controller's own request handling, on a real Lucene index: query parameters parsed into a query or
 * refused as problem+json naming the parameter, whole days in China time, and the CSV export paging on through the
 * cursor with spreadsheet-safe cells.
 */
@WebSliceTest(SearchController.class)
@Import(SearchSliceConfiguration.class)
class SearchControllerWebTests {

    /** 2026-03-01T23:30+08:00: the first of March in China. */
    static final Instant LATE_ON_MARCH_FIRST = Instant.parse("2026-03-01T15:30:00Z");
    /** 2026-03-02T00:30+08:00: already the second of March in China, still the first of March in UTC. */
    static final Instant EARLY_ON_MARCH_SECOND = Instant.parse("2026-03-01T16:30:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    LuceneSearchIndex index;

    String marker;

    @BeforeEach
    void indexNotices() {
        marker = "标记" + UUID.randomUUID().toString().substring(0, 8);
        List<SearchDocument> docs = new ArrayList<>();
        docs.add(doc("late-first", LATE_ON_MARCH_FIRST, marker + " 三月一日晚"));
        docs.add(doc("early-second", EARLY_ON_MARCH_SECOND, marker + " 三月二日凌晨"));
        docs.add(doc("formula", LATE_ON_MARCH_FIRST.minusSeconds(60), "=HYPERLINK(\"x\") " + marker));
        for (int i = 1; i <= 130; i++) {
            docs.add(doc("bulk-" + i, LATE_ON_MARCH_FIRST.minusSeconds(3600L * i), marker + " 批量 " + i));
        }
        index.index(docs);
    }

    SearchDocument doc(String id, Instant published, String title) {
        return new SearchDocument(marker + "-" + id, "N" + id, "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106",
                List.of("B0201"), null, published, "杭州市西湖区", null, null, title, "正文 " + title, false);
    }

    @Test
    void refusesAnUnknownNoticeKindNamingTheParameter() throws Exception {
        mvc.perform(get("/api/public/search").param("q", marker).param("kind", "lottery"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field").value("kind"));
    }

    @Test
    void refusesMalformedValuesNamingEachParameter() throws Exception {
        for (String[] bad : new String[][] { { "from", "2026-02-30" }, { "minAmount", "12,5" }, { "page", "two" },
                { "sort", "cheapest" }, { "includeTests", "yes" }, { "projectType", "LOTTERY" },
                { "size", "0" }, { "size", "101" }, { "page", "-1" }, { "minAmount", "-1" }, { "maxAmount", "1e16" },
                { "classification", "b02" }, { "region", "火星区" }, { "region", "鼓楼区" }, { "to", "tomorrow" },
                { "q", "字".repeat(201) } }) {
            mvc.perform(get("/api/public/search").param("q", marker).param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.field").value(bad[0]));
        }
    }

    @Test
    void takesARegionByItsNameAsWellAsByItsCode() throws Exception {
        for (String region : List.of("西湖区", "浙江省杭州市西湖区", "330106", "33")) {
            mvc.perform(get("/api/public/search").param("q", marker).param("region", region).param("size", "1"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(133));
        }
        mvc.perform(get("/api/public/search").param("q", marker).param("region", "上城区"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void everyNoticeKindNameAndSlugPassesTheEdgeCheck() {
        for (org.sunbid.notice.NoticeKind kind : org.sunbid.notice.NoticeKind.values()) {
            assertThat(kind.slug()).matches(java.util.regex.Pattern.compile(SearchParams.KINDS,
                    java.util.regex.Pattern.CASE_INSENSITIVE));
            assertThat(kind.name()).matches(java.util.regex.Pattern.compile(SearchParams.KINDS,
                    java.util.regex.Pattern.CASE_INSENSITIVE));
        }
    }

    @Test
    void aDateIsAWholeDayInChinaTime() throws Exception {
        // 1 March in China runs from 28 February 16:00 UTC: late-first, formula and bulk-1 … bulk-23 (one an hour back)
        mvc.perform(get("/api/public/search").param("q", marker).param("from", "2026-03-01").param("to", "2026-03-01")
                .param("size", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(25))
                .andExpect(jsonPath("$.hits[?(@.id == '" + marker + "-late-first')]").exists())
                .andExpect(jsonPath("$.hits[?(@.id == '" + marker + "-bulk-23')]").exists())
                .andExpect(jsonPath("$.hits[?(@.id == '" + marker + "-bulk-24')]").doesNotExist())
                .andExpect(jsonPath("$.hits[?(@.id == '" + marker + "-early-second')]").doesNotExist());
        mvc.perform(get("/api/public/search").param("q", marker).param("from", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].id").value(marker + "-early-second"));
    }

    @Test
    void theCsvExportPagesOnPastOneHundredRowsAndNeutralisesFormulas() throws Exception {
        byte[] body = mvc.perform(get("/api/public/search.csv").param("q", marker))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFpublicId,kind,title");
        assertThat(lines).hasSize(1 + 133); // header + every match: the export follows the cursor past its first page
        assertThat(lines.stream().skip(1).distinct()).hasSize(133);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\") " + marker + "\"").doesNotContain(",\"=HYPERLINK");
    }
}
