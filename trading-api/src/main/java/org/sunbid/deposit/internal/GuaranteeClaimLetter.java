package org.sunbid.deposit.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.sunbid.platform.PlatformZone;
import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.DocumentSpec.Field;

/**
 * The demand letter (保函索赔通知书) the platform signs when a regulator approves the forfeit of a deposit secured by an
 * electronic guarantee: addressed to the issuer, on behalf of the beneficiary (the tenderee).
 */
public final class GuaranteeClaimLetter {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(北京时间)'")
            .withZone(PlatformZone.ZONE);

    private GuaranteeClaimLetter() {
    }

    public record Claim(Guarantees.Guarantee guarantee, String transactionCode, String projectName, String lotName,
            String beneficiary, String applicant, String forfeitReason, Instant decidedAt) {
    }

    public static Function<String, DocumentSpec> of(Claim c) {
        Guarantees.Guarantee g = c.guarantee();
        return url -> new DocumentSpec("保函索赔通知书", "Demand under a bid guarantee", "交易标识码 " + c.transactionCode(),
                url, List.of(
                        new DocumentSpec.Paragraph("致 To：" + g.issuerName()),
                        new DocumentSpec.Fields(List.of(
                                new Field("保函编号 Guarantee No.", g.number()),
                                new Field("保证人 Issuer", g.issuerName()),
                                new Field("申请人（投标人） Applicant", c.applicant()),
                                new Field("受益人（招标人） Beneficiary", c.beneficiary()),
                                new Field("项目 Project", c.projectName()),
                                new Field("标段 Lot", c.lotName()),
                                new Field("索赔金额 Amount claimed", g.amount() + " 元 CNY"),
                                new Field("保函有效期至 Valid until", g.validUntil().toString()),
                                new Field("没收事由 Ground", c.forfeitReason()),
                                new Field("监管部门批准时间 Approved at", SHOWN.format(c.decidedAt())))),
                        new DocumentSpec.Paragraph("申请人发生投标保证金不予退还的情形，经行政监督部门批准没收。根据上述保函，"
                                + "请贵方在收到本通知书后按保函约定向受益人支付索赔金额。"
                                + "The applicant's bid deposit is forfeited by the regulator's decision. Under the guarantee "
                                + "above, please pay the amount claimed to the beneficiary as the guarantee provides."),
                        new DocumentSpec.Paragraph("本通知书由交易平台电子签章，可使用 pdfsig 或扫描二维码验证。"
                                + "This letter carries the platform's electronic seal; check it with pdfsig or the QR code.")));
    }
}
