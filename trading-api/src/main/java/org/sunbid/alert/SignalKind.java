package org.sunbid.alert;

/**
 * What a collusion signal is about, with its default weight and the presumption of 实施条例 art. 40 it serves
 * (same person or machine, abnormally alike files, regular price differences, one deposit account, related parties).
 */
public enum SignalKind {
    SAME_MAC(40, "相同网卡MAC地址"),
    SAME_CPU_SERIAL(25, "相同CPU序列号"),
    SAME_DISK_SERIAL(40, "相同硬盘序列号"),
    SAME_MACHINE_FINGERPRINT(50, "相同机器特征码"),
    SAME_UPLOAD_IP(25, "相同上传IP"),
    SAME_DEVICE(40, "相同设备指纹"),
    SAME_DOWNLOAD_IP(15, "相同下载IP"),
    SAME_PAYER_ACCOUNT(50, "保证金同一账户缴纳"),
    SAME_FILE(40, "文件完全相同"),
    SAME_PDF_DOCUMENT_ID(40, "PDF文档ID相同"),
    SAME_PDF_AUTHOR(25, "PDF作者相同"),
    PDF_TIMES_CLOSE(15, "PDF创建/修改时间相近"),
    ALIKE_TEXT(40, "技术文件内容雷同"),
    SHARED_ERROR(25, "相同异常错误"),
    PRICE_ARITHMETIC(30, "报价呈等差数列"),
    PRICE_GEOMETRIC(30, "报价呈等比数列"),
    PRICE_UNDER_MAXIMUM(25, "报价集中于最高限价之下"),
    WINNER_ROTATION(30, "轮流中标"),
    RELATED_PARTY(40, "关联关系"),
    SAME_CONTACT(30, "相同联系方式或地址");

    private final int defaultWeight;
    private final String label;

    SignalKind(int defaultWeight, String label) {
        this.defaultWeight = defaultWeight;
        this.label = label;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    /** The Chinese label shown to regulators and the committee. */
    public String label() {
        return label;
    }
}
