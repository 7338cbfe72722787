package org.sunbid.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a notice's text is running text (snippets) and what are values of labelled lines (searched, not shown). */
class NoticeTextTests {

    @Test
    void labelledLinesGiveTheirValuesWithoutLabels() {
        NoticeText.Parts parts = NoticeText.split("""
                本项目采购教学设备一批。
                项目名称：教学设备采购项目
                项目类型：政府采购；采购方式：公开招标
                开标时间：2026-04-01 09:30；开标地点：第一开标室
                标段1：设备，估算 100 元，投标保证金 2 元
                """);
        assertThat(parts.prose()).isEqualTo("本项目采购教学设备一批。");
        assertThat(parts.values()).doesNotContain("项目名称", "项目类型", "采购方式", "开标时间", "开标地点", "：")
                .contains("教学设备采购项目", "政府采购", "公开招标", "2026-04-01 09:30", "第一开标室", "设备，估算 100 元");
    }

    @Test
    void aSentenceWithACommaBeforeItsColonIsRunningText() {
        NoticeText.Parts parts = NoticeText.split("本工程为道路改造，包括：路面翻新、排水管道更换。");
        assertThat(parts.prose()).isEqualTo("本工程为道路改造，包括：路面翻新、排水管道更换。");
        assertThat(parts.values()).isEmpty();
    }

    @Test
    void numberedHeadingsWithLabelsAreLabelledLinesToo() {
        NoticeText.Parts parts = NoticeText.split("一、项目名称：文三路道路改造\n二、说明\n正文。");
        assertThat(parts.values()).isEqualTo("文三路道路改造");
        assertThat(parts.prose()).isEqualTo("二、说明\n正文。");
    }
}
