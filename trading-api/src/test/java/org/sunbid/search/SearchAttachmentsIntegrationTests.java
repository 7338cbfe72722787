package org.sunbid.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.Visibility;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.support.PlatformTest;

/**
 * A notice's public attachments are read with PDFBox when the notice is first indexed (right after publication) and
 * their words found by search; the text is kept, so a rebuild finds them without parsing the PDF again.
 */
@PlatformTest
class SearchAttachmentsIntegrationTests {

    @Autowired
    NoticeManagement notices;
    @Autowired
    DocumentManagement documents;
    @Autowired
    SearchManagement search;
    @Autowired
    JdbcClient jdbc;

    NoticeDraft draft(UUID project, String code, NoticeKind kind, String title) {
        return new NoticeDraft("attachments:" + UUID.randomUUID(), kind, project, code, "附件检索项目", "CONSTRUCTION", "OPEN",
                title, "开标已结束，开标记录见附件。", "330106", List.of("B0201"), new BigDecimal("500000.00"), "杭州市西湖区城建中心",
                null, null, Instant.now().minusSeconds(3600), Instant.now().minusSeconds(1800), List.of(), null);
    }

    void issueRecord(UUID project, String code, String bidder) {
        documents.issue(new DocumentManagement.IssueRequest(DocumentKind.OPENING_RECORD, project, null, Visibility.PUBLIC,
                PlatformDocuments.openingRecord(new PlatformDocuments.OpeningRecord(code, "附件检索项目", "第1标段",
                        Instant.now(), "第一开标室", List.of(new PlatformDocuments.OpeningLine(bidder, "480000.00", "90 日历天",
                                "已缴", "有效", "成功")), "开标完成"))));
    }

    @Test
    void findsANoticeByAWordThatOnlyItsAttachedPdfContains() {
        String bidder = "钱江测绘" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "甲") + "有限公司";
        UUID project = UUID.randomUUID();
        String code = "3301062026B" + String.format("%06d", (int) (Math.random() * 1_000_000));
        Notice before = notices.publish(draft(project, code, NoticeKind.TENDER_ANNOUNCEMENT, "附件检索项目招标公告"));
        issueRecord(project, code, bidder);
        Notice record = notices.publish(draft(project, code, NoticeKind.OPENING_RECORD, "开标记录：附件检索项目"));
        search.processOutbox();

        SearchResult found = search.search(SearchQuery.text(bidder));
        assertThat(found.hits()).extracting(SearchResult.Hit::id).containsExactly(record.id().toString());
        assertThat(found.hits().get(0).snippet()).doesNotContain(bidder); // attachments are searched, never shown
        assertThat(jdbc.sql("select documents from search_attachment_text where notice_id = :n").param("n", record.id())
                .query(Integer.class).single()).isOne();
        // the document issued after the tender announcement is not its attachment
        assertThat(jdbc.sql("select documents from search_attachment_text where notice_id = :n").param("n", before.id())
                .query(Integer.class).single()).isZero();

        // a rebuild reads the kept text: the stored row is what the index gets, not a new parse of the PDF
        jdbc.sql("update search_attachment_text set text = text || ' 保存的附件文本' where notice_id = :n")
                .param("n", record.id()).update();
        search.rebuild();
        assertThat(search.search(SearchQuery.text(bidder + " 保存的附件文本")).hits()).extracting(SearchResult.Hit::id)
                .containsExactly(record.id().toString());
    }
}
