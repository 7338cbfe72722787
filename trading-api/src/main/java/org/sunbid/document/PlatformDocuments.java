package org.sunbid.document;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.DocumentSpec.Field;

/** The content of each platform document kind, zh-CN first with English beside it. */
public final class PlatformDocuments {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '(北京时间)'")
            .withZone(org.sunbid.platform.PlatformZone.ZONE);

    private PlatformDocuments() {
    }

    static String time(Instant instant) {
        return instant == null ? "—" : SHOWN.format(instant);
    }

    /** 会员入库确认书: what staff approved, and when. */
    public record MemberApproval(UUID memberId, String memberName, String uscc, String role, String region,
            Instant approvedAt, String approvedBy) {
    }

    public static Function<String, DocumentSpec> memberApprovalCertificate(MemberApproval a) {
        return url -> new DocumentSpec(DocumentKind.MEMBER_APPROVAL_CERTIFICATE.zh(),
                DocumentKind.MEMBER_APPROVAL_CERTIFICATE.en(), "会员编号 Member " + a.memberId(), url, List.of(
                        new DocumentSpec.Paragraph("经审核，下列主体已纳入本中心统一会员库，可在本平台开展相应交易活动。"
                                + "After review, the member below is registered with the trading centre and may act on the platform."),
                        new DocumentSpec.Fields(List.of(
                                new Field("名称 Name", a.memberName()),
                                new Field("统一社会信用代码 USCC", a.uscc()),
                                new Field("会员类型 Role", a.role()),
                                new Field("行政区划 Region", a.region()),
                                new Field("审核通过时间 Approved at", time(a.approvedAt())),
                                new Field("审核人 Approved by", a.approvedBy()))),
                        new DocumentSpec.Paragraph("本确认书由平台电子签章，可扫描二维码或使用 pdfsig、bidtool pdf-verify 验证。"
                                + "This certificate carries the platform's electronic seal; scan the QR code or check it with pdfsig.")));
    }

    /** 投标文件接收回执: proof that a sealed bid arrived, whole, before the deadline. */
    public record BidReceipt(String transactionCode, String projectName, String lotName, String bidder, String bidderUscc,
            UUID bidId, String sealedSha256, long size, Instant receivedAt, Instant timestampTime, String timestampSerial) {
    }

    public static Function<String, DocumentSpec> bidReceipt(BidReceipt r) {
        return url -> new DocumentSpec(DocumentKind.BID_RECEIPT.zh(), DocumentKind.BID_RECEIPT.en(),
                "交易标识码 " + r.transactionCode(), url, List.of(
                        new DocumentSpec.Fields(List.of(
                                new Field("项目 Project", r.projectName()),
                                new Field("标段 Lot", r.lotName()),
                                new Field("投标人 Bidder", r.bidder()),
                                new Field("统一社会信用代码 USCC", r.bidderUscc()),
                                new Field("投标编号 Bid", String.valueOf(r.bidId())),
                                new Field("密封文件 SHA-256", r.sealedSha256()),
                                new Field("文件大小 Size", "%,d 字节 bytes".formatted(r.size())),
                                new Field("接收时间 Received at", time(r.receivedAt())),
                                new Field("时间戳 RFC 3161", time(r.timestampTime()) + "  #" + r.timestampSerial()))),
                        new DocumentSpec.Paragraph("平台已完整接收上述加密投标文件并落盘保存。开标前任何人（包括平台管理员）均无法解密。"
                                + "The platform received the sealed tender above in full and stored it durably. No one, administrators "
                                + "included, can decrypt it before the opening.")));
    }

    /** 撤回投标回执: proof that a bidder withdrew its sealed bid, by a signed withdrawal, before the deadline. */
    public record BidWithdrawalReceipt(String transactionCode, String projectName, String lotName, String bidder,
            UUID bidId, String sealedSha256, String withdrawalSha256, Instant withdrawnAt, Instant timestampTime,
            String timestampSerial) {
    }

    public static Function<String, DocumentSpec> bidWithdrawalReceipt(BidWithdrawalReceipt r) {
        return url -> new DocumentSpec(DocumentKind.BID_WITHDRAWAL_RECEIPT.zh(), DocumentKind.BID_WITHDRAWAL_RECEIPT.en(),
                "交易标识码 " + r.transactionCode(), url, List.of(
                        new DocumentSpec.Fields(List.of(
                                new Field("项目 Project", r.projectName()),
                                new Field("标段 Lot", r.lotName()),
                                new Field("投标人 Bidder", r.bidder()),
                                new Field("投标编号 Bid", String.valueOf(r.bidId())),
                                new Field("密封文件 SHA-256", r.sealedSha256()),
                                new Field("撤回声明 SHA-256 Withdrawal", r.withdrawalSha256()),
                                new Field("撤回时间 Withdrawn at", time(r.withdrawnAt())),
                                new Field("时间戳 RFC 3161", time(r.timestampTime()) + "  #" + r.timestampSerial()))),
                        new DocumentSpec.Paragraph("投标人已以签名声明在投标截止时间前撤回上述投标文件，该文件不参加开标。"
                                + "The bidder withdrew the sealed tender above by a signed withdrawal before the deadline; "
                                + "it takes no part in the opening.")));
    }

    /** 开标记录: one line per bid as opened. */
    public record OpeningRecord(String transactionCode, String projectName, String lotName, Instant openedAt,
            String place, List<OpeningLine> lines, String outcome) {
    }

    public record OpeningLine(String bidder, String price, String duration, String deposit, String signature,
            String decryption) {
    }

    public static Function<String, DocumentSpec> openingRecord(OpeningRecord o) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (OpeningLine line : o.lines()) {
            rows.add(List.of(Integer.toString(n++), line.bidder(), line.price(), line.duration(), line.deposit(),
                    line.signature(), line.decryption()));
        }
        return url -> new DocumentSpec(DocumentKind.OPENING_RECORD.zh(), DocumentKind.OPENING_RECORD.en(),
                "交易标识码 " + o.transactionCode(), url, List.of(
                        new DocumentSpec.Fields(List.of(
                                new Field("项目 Project", o.projectName()),
                                new Field("标段 Lot", o.lotName()),
                                new Field("开标时间 Opened at", time(o.openedAt())),
                                new Field("开标地点 Place", o.place()))),
                        new DocumentSpec.Heading("开标一览 Bids as opened"),
                        new DocumentSpec.Table(List.of("序号 No.", "投标人 Bidder", "投标报价 Price (CNY)", "工期 Duration",
                                "保证金 Deposit", "签名 Signature", "解密 Decryption"), rows,
                                List.of(0.7, 3.2, 1.8, 1.2, 1.2, 1.2, 1.2)),
                        new DocumentSpec.Paragraph("结果 Outcome：" + o.outcome())));
    }
}
