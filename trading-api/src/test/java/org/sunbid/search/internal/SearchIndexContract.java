package org.sunbid.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sunbid.platform.ProblemException;
import org.sunbid.search.SearchDocument;
import org.sunbid.search.SearchIndex;
import org.sunbid.search.SearchQuery;
import org.sunbid.search.SearchResult;

/** The behaviour every search engine adapter must show; one subclass per engine. */
abstract class SearchIndexContract {

    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    SearchIndex index;

    abstract SearchIndex newIndex();

    @BeforeEach
    void fill() {
        index = newIndex();
        index.index(List.of(
                doc("1", "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106", List.of("B0201"), "12000000.00", 0,
                        "杭州市西湖区", null, "文三路道路改造工程施工招标公告",
                        "本工程为文三路道路改造，包括路面翻新、排水管道更换。投标截止时间为2026年4月1日。"),
                doc("2", "TENDER_ANNOUNCEMENT", "GOVERNMENT_PROCUREMENT", "330102", List.of("A0201"), "850000.00", 1,
                        "杭州市上城区教育局", "浙江华信招标代理有限公司", "上城区中小学计算机设备采购项目公开招标公告",
                        "采购台式计算机300台、笔记本电脑50台，含三年质保服务。Laptop computers and desktop PCs."),
                doc("3", "AWARD", "CONSTRUCTION", "330106", List.of("B0202"), "3400000.00", 2,
                        "杭州市西湖区", null, "西湖区污水管网改造工程中标结果公告",
                        "中标人：浙江宏远建设集团有限公司。污水管网改造工程已完成评标。", "浙江宏远建设集团有限公司"),
                doc("4", "TENDER_ANNOUNCEMENT", "GOVERNMENT_PROCUREMENT", "110105", List.of("C01"), "2000000.00", 3,
                        "北京市朝阳区政务服务管理局", "北京中招国际招标有限公司", "政务云平台运维服务采购公告",
                        "政务云平台运维服务，服务期三年。Cloud platform operations and maintenance."),
                doc("5", "CLARIFICATION", "CONSTRUCTION", "330106", List.of("B0201"), null, 4,
                        "杭州市西湖区", null, "文三路道路改造工程招标文件澄清",
                        "对招标文件第三章工程量清单进行澄清，投标截止时间顺延。"),
                doc("6", "AWARD", "GOVERNMENT_PROCUREMENT", "330102", List.of("A0201"), "799000.00", 5,
                        "杭州市上城区教育局", "浙江华信招标代理有限公司", "上城区中小学计算机设备采购项目中标公告",
                        "中标供应商：杭州数码科技有限公司，中标金额79.9万元。", "杭州数码科技有限公司")));
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    static SearchDocument doc(String id, String kind, String type, String region, List<String> classes, String amount,
            int day, String tenderee, String agency, String title, String body) {
        return doc(id, kind, type, region, classes, amount, day, tenderee, agency, title, body, null);
    }

    static SearchDocument doc(String id, String kind, String type, String region, List<String> classes, String amount,
            int day, String tenderee, String agency, String title, String body, String winner) {
        return new SearchDocument(id, "N2026" + id, kind, type, region, classes,
                amount == null ? null : new BigDecimal(amount), T0.plusSeconds(86_400L * day), tenderee, agency, winner,
                title, body, false);
    }

    static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void leavesTestProjectsNoticesOutUnlessAsked() {
        SearchDocument real = doc("7", "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106", List.of("B0201"), "100.00", 6,
                "杭州市西湖区", null, "绿化养护工程招标公告", "绿化养护，为期一年。");
        index.index(List.of(new SearchDocument("8", "N20268", real.kind(), real.projectType(), real.regionCode(),
                real.classificationCodes(), real.amount(), real.publishedAt(), real.tenderee(), null, null,
                "【测试】绿化养护工程招标公告", real.body(), true), real));
        assertThat(ids(index.search(SearchQuery.text("绿化养护")))).containsExactly("7");
        assertThat(ids(index.search(SearchQuery.builder().text("绿化养护").includeTests(true).build())))
                .containsExactlyInAnyOrder("7", "8");
        assertThat(ids(index.search(SearchQuery.builder().region("330106").build()))).doesNotContain("8");
    }

    @Test
    void suggestsNoNameThatOnlyATestProjectCarries() {
        SearchDocument real = doc("9", "AWARD", "CONSTRUCTION", "330106", List.of("B0201"), "100.00", 7,
                "宁波市鄞州区住建局", null, "道路工程中标结果公告", "中标。", "宁波甬真建设有限公司");
        index.index(List.of(real, new SearchDocument("10", "N202610", "AWARD", real.projectType(), real.regionCode(),
                real.classificationCodes(), real.amount(), real.publishedAt(), "宁波市测试招标人", null,
                "宁波演示建设有限公司", "【测试】道路工程中标结果公告", real.body(), true)));
        assertThat(index.suggest("tenderee", "宁波市", 10)).containsExactly("宁波市鄞州区住建局");
        assertThat(index.suggest("winner", "宁波", 10)).containsExactly("宁波甬真建设有限公司");
    }

    @Test
    void findsChineseWordsInTitleAndBody() {
        assertThat(ids(index.search(SearchQuery.text("道路改造")))).containsExactlyInAnyOrder("1", "5");
        assertThat(ids(index.search(SearchQuery.text("计算机")))).containsExactlyInAnyOrder("2", "6");
        assertThat(ids(index.search(SearchQuery.text("污水")))).containsExactly("3");
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        assertThat(ids(index.search(SearchQuery.text("道路改造 计算机")))).isEmpty();
        assertThat(ids(index.search(SearchQuery.text("绿化")))).isEmpty();
    }

    @Test
    void findsEnglishWords() {
        assertThat(ids(index.search(SearchQuery.text("laptop")))).containsExactly("2");
        assertThat(ids(index.search(SearchQuery.text("Cloud maintenance")))).containsExactly("4");
    }

    @Test
    void highlightsMatchesInSnippets() {
        SearchResult r = index.search(SearchQuery.text("污水"));
        assertThat(r.hits().get(0).snippet()).contains("<em>").contains("</em>");
        assertThat(r.hits().get(0).snippet().replaceAll("</?em>", "")).contains("污水");
    }

    @Test
    void aTitleOnlyMatchShowsTheLeadOfTheRunningTextNotTheTitleAgain() {
        SearchResult r = index.search(SearchQuery.text("施工"));
        assertThat(ids(r)).containsExactly("1");
        assertThat(r.hits().get(0).snippet()).doesNotContain("<em>").startsWith("本工程为文三路道路改造");
    }

    @Test
    void snippetsEscapeMarkupFromTheText() {
        index.index(List.of(doc("7", "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106", List.of("B01"), "1.00", 6,
                "杭州市西湖区", null, "脚本测试公告", "<script>alert(1)</script> 脚本测试")));
        SearchResult r = index.search(SearchQuery.text("脚本"));
        assertThat(r.hits()).hasSize(1);
        assertThat(r.hits().get(0).snippet()).doesNotContain("<script>");
    }

    @Test
    void filtersByKindTypeRegionAndClassificationPrefix() {
        assertThat(ids(index.search(SearchQuery.builder().kinds(Set.of("AWARD")).build())))
                .containsExactlyInAnyOrder("3", "6");
        assertThat(ids(index.search(SearchQuery.builder().projectTypes(Set.of("CONSTRUCTION")).build())))
                .containsExactlyInAnyOrder("1", "3", "5");
        assertThat(ids(index.search(SearchQuery.builder().region("330100").build())))
                .containsExactlyInAnyOrder("1", "2", "3", "5", "6");
        assertThat(ids(index.search(SearchQuery.builder().region("110000").build()))).containsExactly("4");
        assertThat(ids(index.search(SearchQuery.builder().classification("B02").build())))
                .containsExactlyInAnyOrder("1", "3", "5");
        assertThat(ids(index.search(SearchQuery.builder().classification("B0201").kinds(Set.of("CLARIFICATION"))
                .build()))).containsExactly("5");
    }

    @Test
    void filtersByAmountRangeInclusive() {
        assertThat(ids(index.search(SearchQuery.builder().minAmount(new BigDecimal("850000"))
                .maxAmount(new BigDecimal("3400000.00")).build()))).containsExactlyInAnyOrder("2", "3", "4");
        assertThat(ids(index.search(SearchQuery.builder().minAmount(new BigDecimal("10000000")).build())))
                .containsExactly("1");
    }

    @Test
    void filtersByPublishDateRange() {
        assertThat(ids(index.search(SearchQuery.builder().from(T0.plusSeconds(86_400))
                .to(T0.plusSeconds(86_400 * 3)).build()))).containsExactlyInAnyOrder("2", "3", "4");
    }

    @Test
    void filtersByTendereeAgencyAndWinner() {
        assertThat(ids(index.search(SearchQuery.builder().tenderee("杭州市西湖区").build())))
                .containsExactlyInAnyOrder("1", "3", "5");
        assertThat(ids(index.search(SearchQuery.builder().agency("浙江华信招标代理有限公司").build())))
                .containsExactlyInAnyOrder("2", "6");
        assertThat(ids(index.search(SearchQuery.builder().winner("杭州数码科技有限公司").build()))).containsExactly("6");
    }

    @Test
    void sortsByDateNewestFirstAndByAmountLargestFirstWithMissingLast() {
        assertThat(ids(index.search(SearchQuery.builder().sort(SearchQuery.Sort.DATE).build())))
                .containsExactly("6", "5", "4", "3", "2", "1");
        assertThat(ids(index.search(SearchQuery.builder().sort(SearchQuery.Sort.AMOUNT).build())))
                .containsExactly("1", "3", "4", "2", "6", "5");
    }

    @Test
    void ranksTitleMatchesAboveBodyOnlyMatches() {
        index.index(List.of(doc("8", "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106", List.of("B01"), "1.00", 7,
                "杭州市西湖区", null, "体育馆屋面维修工程", "屋面防水。附近有排水设施。")));
        List<String> hits = ids(index.search(SearchQuery.text("排水")));
        assertThat(hits).contains("1", "8");
        index.index(List.of(doc("9", "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106", List.of("B01"), "1.00", 8,
                "杭州市西湖区", null, "排水泵站建设工程", "泵站主体结构施工。")));
        assertThat(ids(index.search(SearchQuery.text("排水"))).get(0)).isEqualTo("9");
    }

    @Test
    void countsFacetsOverTheMatchingDocuments() {
        SearchResult r = index.search(SearchQuery.builder().region("330100").build());
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.facets().get("kind")).isEqualTo(Map.of("TENDER_ANNOUNCEMENT", 2L, "AWARD", 2L, "CLARIFICATION", 1L));
        assertThat(r.facets().get("projectType")).isEqualTo(Map.of("CONSTRUCTION", 3L, "GOVERNMENT_PROCUREMENT", 2L));
        assertThat(r.facets().get("region")).isEqualTo(Map.of("330106", 3L, "330102", 2L));
        assertThat(r.facets().get("classification")).isEqualTo(Map.of("B0201", 2L, "B0202", 1L, "A0201", 2L));
    }

    @Test
    void pagesByNumberAndByCursorWithoutGapsOrRepeats() {
        List<String> all = ids(index.search(SearchQuery.builder().sort(SearchQuery.Sort.DATE).size(6).build()));
        assertThat(ids(index.search(SearchQuery.builder().sort(SearchQuery.Sort.DATE).size(2).page(1).build())))
                .isEqualTo(all.subList(2, 4));
        for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
            List<String> seen = new ArrayList<>();
            String after = null;
            for (int guard = 0; guard < 10; guard++) {
                SearchResult page = index.search(SearchQuery.builder().text(sort == SearchQuery.Sort.RELEVANCE ? "公告" : "")
                        .sort(sort).size(2).after(after).build());
                seen.addAll(ids(page));
                after = page.next();
                if (after == null) {
                    break;
                }
            }
            List<String> expected = ids(index.search(SearchQuery.builder()
                    .text(sort == SearchQuery.Sort.RELEVANCE ? "公告" : "").sort(sort).size(50).build()));
            assertThat(seen).as("cursor pages for " + sort).isEqualTo(expected);
            assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        }
    }

    @Test
    void refusesAForgedOrMismatchedCursor() {
        assertThatThrownBy(() -> index.search(SearchQuery.builder().after("!!not-a-cursor").build()))
                .isInstanceOf(ProblemException.class).extracting("field").isEqualTo("after");
        String dateCursor = index.search(SearchQuery.builder().sort(SearchQuery.Sort.DATE).size(1).build()).next();
        assertThatThrownBy(() -> index.search(SearchQuery.builder().text("公告").sort(SearchQuery.Sort.RELEVANCE)
                .after(dateCursor).build())).isInstanceOf(ProblemException.class);
    }

    @Test
    void treatsQuerySyntaxCharactersAsPlainText() {
        for (String nasty : List.of("\"", "(道路", "道路)", "AND OR NOT", "+-&&||!(){}[]^~*?:\\/", "title:道路", "*", "道路~2")) {
            SearchResult r = index.search(SearchQuery.text(nasty));
            assertThat(r.total()).as(nasty).isGreaterThanOrEqualTo(0);
        }
        assertThat(ids(index.search(SearchQuery.text("(道路改造)")))).containsExactlyInAnyOrder("1", "5");
    }

    @Test
    void suggestsTendereeAndWinnerNamesByPrefix() {
        assertThat(index.suggest("tenderee", "杭州市", 10)).containsExactly("杭州市上城区教育局", "杭州市西湖区");
        assertThat(index.suggest("tenderee", "杭州市", 1)).hasSize(1);
        assertThat(index.suggest("winner", "浙江", 10)).containsExactly("浙江宏远建设集团有限公司");
        assertThat(index.suggest("winner", "上海", 10)).isEmpty();
    }

    @Test
    void replacesADocumentWithTheSameIdAndDeletes() {
        index.index(List.of(doc("1", "TENDER_ANNOUNCEMENT", "CONSTRUCTION", "330106", List.of("B0201"), "1.00", 0,
                "杭州市西湖区", null, "文三路绿化工程", "绿化")));
        assertThat(index.count()).isEqualTo(6);
        assertThat(ids(index.search(SearchQuery.text("绿化")))).containsExactly("1");
        assertThat(ids(index.search(SearchQuery.text("道路改造")))).containsExactly("5");
        index.delete("5");
        assertThat(index.count()).isEqualTo(5);
        assertThat(ids(index.search(SearchQuery.text("道路改造")))).isEmpty();
    }

    @Test
    void rebuildReplacesTheWholeContent() {
        index.rebuild(List.of(doc("20", "TERMINATION", "STATE_PROPERTY", "440300", List.of("D03"), "5.00", 9,
                "深圳市国资委", null, "国有股权转让项目终止公告", "项目终止。")));
        assertThat(index.count()).isEqualTo(1);
        assertThat(ids(index.search(SearchQuery.text("终止")))).containsExactly("20");
        assertThat(ids(index.search(SearchQuery.text("道路改造")))).isEmpty();
    }

    @Test
    void rebuildWithNothingEmptiesTheIndexAndAThousandIsOneFullBatch() {
        index.rebuild(List.of());
        assertThat(index.count()).isZero();
        assertThat(index.search(SearchQuery.text("道路")).hits()).isEmpty();
        List<SearchDocument> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(doc("m" + i, "AWARD", "CONSTRUCTION", "330106", List.of("B01"), "1.00", i % 30, "杭州市西湖区", null,
                    "批量公告" + i, "批量"));
        }
        index.rebuild(many);
        assertThat(index.count()).isEqualTo(1000);
        assertThat(index.search(SearchQuery.text("批量")).total()).isEqualTo(1000);
    }

    @Test
    void aTextSearchStopsCountingAtTheLimitAndSaysSoWhileASearchWithoutTextCountsExactly() {
        int n = SearchResult.COUNT_LIMIT + 500;
        List<SearchDocument> many = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            many.add(doc("c" + i, i % 2 == 0 ? "AWARD" : "TENDER", "CONSTRUCTION", "330106", List.of("B01"), "1.00", i % 30,
                    "杭州市西湖区", null, "计数公告" + i, "计数"));
        }
        index.rebuild(many);

        SearchResult text = index.search(SearchQuery.text("计数"));
        assertThat(text.totalExact()).isFalse();
        assertThat(text.total()).isEqualTo(SearchResult.COUNT_LIMIT);
        assertThat(text.hits()).hasSize(20);
        // facets of the first matches only, each a lower bound of the real count
        assertThat(text.facetsExact()).isFalse();
        Map<String, Long> kinds = text.facets().get("kind");
        assertThat(kinds.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SearchResult.COUNT_LIMIT);
        assertThat(kinds.get("AWARD")).isLessThanOrEqualTo((n + 1) / 2);

        SearchResult everything = index.search(SearchQuery.builder().build());
        assertThat(everything.totalExact()).isTrue();
        assertThat(everything.total()).isEqualTo(n);
        assertThat(everything.facetsExact()).isTrue();
        assertThat(everything.facets().get("kind")).containsEntry("AWARD", (long) (n + 1) / 2).containsEntry("TENDER",
                (long) n / 2);

        SearchResult few = index.search(SearchQuery.text("计数公告17"));
        assertThat(few.totalExact()).isTrue();
        assertThat(few.facetsExact()).isTrue();
        assertThat(few.total()).isEqualTo(few.facets().get("kind").values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void answersFromTheOldContentWhileARebuildIsHalfway() throws Exception {
        java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
        Iterable<SearchDocument> paused = () -> new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 2000;
            }

            @Override
            public SearchDocument next() {
                if (i == 1500) {
                    halfway.countDown();
                    try {
                        resume.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                i++;
                return doc("r" + i, "AWARD", "CONSTRUCTION", "330106", List.of("B01"), "1.00", i % 30, "杭州市西湖区", null,
                        "重建公告" + i, "重建");
            }
        };
        Thread rebuild = new Thread(() -> index.rebuild(paused), "rebuild");
        rebuild.start();
        try {
            assertThat(halfway.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(ids(index.search(SearchQuery.text("道路改造")))).containsExactlyInAnyOrder("1", "5");
            assertThat(index.search(SearchQuery.builder().region("330100").build()).total()).isEqualTo(5);
            assertThat(index.search(SearchQuery.text("重建")).total()).isZero();
            assertThat(index.count()).isEqualTo(6);
        } finally {
            resume.countDown();
            rebuild.join(120_000);
        }
        assertThat(rebuild.isAlive()).isFalse();
        assertThat(index.count()).isEqualTo(2000);
        assertThat(index.search(SearchQuery.text("重建")).total()).isEqualTo(2000);
        assertThat(ids(index.search(SearchQuery.text("道路改造")))).isEmpty();
    }

    @Test
    void returnsHitFieldsForDisplay() {
        SearchResult.Hit hit = index.search(SearchQuery.text("污水")).hits().get(0);
        assertThat(hit.publicId()).isEqualTo("N20263");
        assertThat(hit.kind()).isEqualTo("AWARD");
        assertThat(hit.amount()).isEqualByComparingTo("3400000.00");
        assertThat(hit.publishedAt()).isEqualTo(T0.plusSeconds(86_400L * 2));
        assertThat(hit.winner()).isEqualTo("浙江宏远建设集团有限公司");
        assertThat(hit.regionCode()).isEqualTo("330106");
    }

    // --- relevance of Chinese queries over notices as the platform writes them (running text + labelled lines) ----

    /** A notice as {@link SearchDocument#of} makes it from the published text: labels dropped, values kept. */
    static SearchDocument published(String id, String type, String region, String title, String text, int day) {
        org.sunbid.notice.Notice n = new org.sunbid.notice.Notice(java.util.UUID.nameUUIDFromBytes(id.getBytes()), "P" + id,
                day, org.sunbid.notice.NoticeKind.TENDER_ANNOUNCEMENT, java.util.UUID.nameUUIDFromBytes(("p" + id).getBytes()),
                region + "2026A00000" + id, title.replaceAll("(公开招标|招标|出让)?公告$", ""), type, "OPEN", title, text,
                region, List.of(), new BigDecimal("1000000.00"), "招标人" + id, null, null,
                T0.plusSeconds(86_400L * 30), T0.plusSeconds(86_400L * 30), List.of(), null, T0.plusSeconds(86_400L * day),
                false);
        SearchDocument d = SearchDocument.of(n);
        return new SearchDocument(id, d.publicId(), d.kind(), d.projectType(), d.regionCode(), d.classificationCodes(),
                d.amount(), d.publishedAt(), d.tenderee(), d.agency(), d.winner(), d.title(), d.body(), d.test(),
                d.projectId(), d.facts(), d.attachments(), d.bidDeadline(), d.openingAt());
    }

    static final String LAND = """
            经杭州市人民政府批准，决定以挂牌方式出让一宗国有建设用地使用权，现将有关事项公告如下。
            竞买人应具备相应资格，竞买保证金须于截止前到账。
            项目名称：西湖区转塘单元XH0403地块国有建设用地使用权挂牌出让
            项目类型：土地使用权；采购方式：挂牌
            招标人：杭州市规划和自然资源局
            预算金额：120000000.00 元；资金来源：竞买人自筹
            """;
    static final String PROCUREMENT = """
            本项目采购数字化教学设备一批，含交互式黑板、录播系统及三年运维服务。
            供应商须具有相关产品的授权。
            项目名称：余杭区中小学数字化教学设备采购项目
            项目类型：政府采购；采购方式：公开招标
            招标人：杭州市余杭区教育局
            """;
    static final String PARK = """
            良渚文化公园景观提升工程包括园路改造、绿化补植、景观照明和标识系统，工期 180 日历天。
            项目名称：良渚文化公园景观提升工程
            项目类型：工程建设；采购方式：公开招标
            招标人：杭州市余杭区良渚街道办事处
            """;
    static final String PARK_NEIGHBOUR = """
            本工程为良渚古城遗址公园周边道路景观提升，含文化公园连接线的人行道铺装。
            项目名称：良渚街道道路景观整治工程
            项目类型：工程建设；采购方式：公开招标
            招标人：杭州市余杭区良渚街道办事处
            """;

    void indexPublishedNotices() {
        index.index(List.of(published("101", "LAND_USE_RIGHTS", "330106", "西湖区转塘单元XH0403地块国有建设用地使用权挂牌出让公告",
                        LAND, 10),
                published("102", "GOVERNMENT_PROCUREMENT", "330110", "余杭区中小学数字化教学设备采购项目公开招标公告",
                        PROCUREMENT, 11),
                published("103", "CONSTRUCTION", "330110", "良渚文化公园景观提升工程招标公告", PARK, 12),
                published("104", "CONSTRUCTION", "330110", "良渚街道道路景观整治工程招标公告", PARK_NEIGHBOUR, 13)));
    }

    @Test
    void aLabelIsNotIndexedSoPurchaseDoesNotFindTheLandAuctionThroughItsProcurementMethodLine() {
        indexPublishedNotices();
        SearchResult r = index.search(SearchQuery.text("采购"));
        assertThat(ids(r)).contains("102").doesNotContain("101", "103", "104");
        assertThat(r.hits()).extracting(SearchResult.Hit::projectType).containsOnly("GOVERNMENT_PROCUREMENT");
        // the values of labelled lines stay searchable: the tenderee's name, the procedure
        assertThat(ids(index.search(SearchQuery.text("规划和自然资源局")))).containsExactly("101");
        assertThat(ids(index.search(SearchQuery.text("挂牌")))).containsExactly("101");
    }

    @Test
    void aProjectNameFindsItsOwnNoticeFirst() {
        indexPublishedNotices();
        List<String> hits = ids(index.search(SearchQuery.text("良渚文化公园景观提升工程")));
        assertThat(hits).containsExactly("103");
        List<String> shorter = ids(index.search(SearchQuery.text("景观提升")));
        assertThat(shorter).containsExactlyInAnyOrder("103", "104");
        assertThat(shorter.get(0)).isEqualTo("103");
    }

    @Test
    void filtersByARegionNameFromTheRegionTable() {
        indexPublishedNotices();
        assertThat(ids(index.search(SearchQuery.builder().region("余杭区").build())))
                .containsExactlyInAnyOrder("102", "103", "104");
        assertThat(ids(index.search(SearchQuery.builder().text("景观").region("浙江省杭州市余杭区").build())))
                .containsExactlyInAnyOrder("103", "104");
        assertThat(ids(index.search(SearchQuery.builder().region("西湖区").kinds(Set.of("TENDER_ANNOUNCEMENT")).build())))
                .containsExactlyInAnyOrder("1", "101");
        assertThatThrownBy(() -> SearchQuery.builder().region("鼓楼区").build()).isInstanceOf(ProblemException.class)
                .extracting("field").isEqualTo("region");
        assertThatThrownBy(() -> SearchQuery.builder().region("火星区").build()).isInstanceOf(ProblemException.class)
                .extracting("field").isEqualTo("region");
    }

    @Test
    void snippetsComeFromTheRunningTextOnlyAndNeverShowLabels() {
        indexPublishedNotices();
        SearchResult.Hit inText = index.search(SearchQuery.text("录播系统")).hits().get(0);
        assertThat(inText.snippet()).contains("<em>").doesNotContain("项目类型", "采购方式", "招标人");
        assertThat(inText.snippet().replaceAll("</?em>", "")).contains("录播系统");
        SearchResult.Hit inFacts = index.search(SearchQuery.text("规划和自然资源局")).hits().get(0);
        assertThat(inFacts.snippet()).startsWith("经杭州市人民政府批准").doesNotContain("<em>", "：");
    }

    @Test
    void aHitCarriesItsProjectDeadlineAndOpeningForTheCard() {
        indexPublishedNotices();
        SearchResult.Hit hit = index.search(SearchQuery.text("录播系统")).hits().get(0);
        assertThat(hit.projectId()).isEqualTo(java.util.UUID.nameUUIDFromBytes("p102".getBytes()).toString());
        assertThat(hit.bidDeadline()).isEqualTo(T0.plusSeconds(86_400L * 30));
        assertThat(hit.openingAt()).isEqualTo(T0.plusSeconds(86_400L * 30));
        assertThat(hit.regionCode()).isEqualTo("330110");
    }

    @Test
    void attachmentsTextIsSearchableButRanksBelowTheTitle() {
        indexPublishedNotices();
        index.index(List.of(published("105", "CONSTRUCTION", "330110", "运河沿岸亮化工程招标公告",
                "运河沿岸亮化工程，含灯具更换。", 14).withAttachments("附件：景观提升 设计说明 交互式黑板")));
        assertThat(ids(index.search(SearchQuery.text("设计说明")))).containsExactly("105");
        assertThat(ids(index.search(SearchQuery.text("景观提升"))).get(0)).isEqualTo("103");
    }
}
