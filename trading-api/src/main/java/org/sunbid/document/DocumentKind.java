package org.sunbid.document;

/** The kinds of document the platform issues, with their zh-CN and English titles. */
public enum DocumentKind {
    MEMBER_APPROVAL_CERTIFICATE("会员入库确认书", "Member approval certificate"),
    BID_RECEIPT("投标文件接收回执", "Bid receipt"),
    BID_WITHDRAWAL_RECEIPT("撤回投标回执", "Bid withdrawal receipt"),
    OPENING_RECORD("开标记录", "Bid opening record"),
    EVALUATION_REPORT("评标报告", "Evaluation report"),
    CANDIDATE_PUBLICITY("中标候选人公示", "Candidate publicity"),
    AWARD_NOTICE("中标结果公告", "Award notice"),
    AWARD_LETTER("中标通知书", "Award letter"),
    RESULT_LETTER("中标结果通知书", "Result letter"),
    WRITTEN_REPORT("招标投标情况书面报告", "Written report to the regulator"),
    COMPLAINT_DECISION("投诉处理决定书", "Complaint decision"),
    GUARANTEE_CLAIM("保函索赔通知书", "Demand under a bid guarantee");

    private final String zh;
    private final String en;

    DocumentKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
