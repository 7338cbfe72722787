package org.sunbid.opening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.sunbid.document.PlatformDocuments;
import org.sunbid.opening.BidDecryption.Checks;
import org.sunbid.opening.BidDecryption.HashCheck;
import org.sunbid.platform.id.MemberId;

/**
 * The opening record (开标记录): one line per bid tried at the opening — bidder, price, duration, deposit, signature
 * and decryption — and the number of valid bids. It is issued as a signed PDF and published as a notice.
 */
public record OpeningRecord(PlatformDocuments.OpeningRecord document, int valid, int failed) {

    /**
     * The record of a lot's checked bids, in the order they were checked; {@code names} and {@code deposits} give a
     * bidder's name and its deposit column.
     */
    public static OpeningRecord of(String transactionCode, String projectName, String lotName, Instant openedAt,
            String place, List<BidDecryption> checked, Function<MemberId, String> names,
            Function<MemberId, String> deposits) {
        int valid = (int) checked.stream().filter(BidDecryption::valid).count();
        List<PlatformDocuments.OpeningLine> lines = checked.stream().map(d -> {
            Checks c = d.checks().orElseThrow();
            return new PlatformDocuments.OpeningLine(names.apply(d.bidder()),
                    c.form().price() == null ? "—" : "%,.2f".formatted(c.form().price()),
                    c.form().duration() == null ? "—" : c.form().duration(), deposits.apply(d.bidder()),
                    label(c.signature().name()), decryptionLabel(d, c));
        }).toList();
        return new OpeningRecord(new PlatformDocuments.OpeningRecord(transactionCode, projectName, lotName, openedAt, place,
                lines, "有效投标 " + valid + " 家 / valid bids: " + valid), valid, checked.size() - valid);
    }

    /** The notice's text: the record's lines and where its signed PDF is. */
    public String noticeBody(UUID recordDocument) {
        StringBuilder body = new StringBuilder("开标记录 Bid opening record — " + document.lotName() + "\n");
        for (PlatformDocuments.OpeningLine line : document.lines()) {
            body.append(line.bidder()).append("：投标报价 ").append(line.price()).append(" 元，工期 ").append(line.duration())
                    .append("，签名").append(line.signature()).append("，").append(line.decryption()).append("\n");
        }
        body.append("签章版开标记录 Signed record: /api/public/documents/").append(recordDocument).append("/pdf");
        return body.toString();
    }

    private static String decryptionLabel(BidDecryption d, Checks c) {
        String changed = c.hash() == HashCheck.MATCHES ? "" : " / " + label(c.hash().name());
        return switch (d.stage()) {
            case SELF_DECRYPTED -> "投标人自行解密";
            case REVOKED -> "解密失败（撤销）";
            case WITHDRAWN -> "解密失败（撤回）" + changed;
            default -> label(c.decryption().code()) + changed;
        };
    }

    private static String label(String code) {
        return switch (code) {
            case "VALID" -> "有效";
            case "DECRYPTED" -> "已解密";
            case "SELF_DECRYPTED" -> "投标人自行解密";
            case "MATCHES" -> "一致";
            case "TAMPERED_AFTER_RECEIPT" -> "回执后被篡改";
            case "NOT_CHECKED" -> "未检查";
            default -> code.startsWith("FAILED") ? "解密失败" : "无效";
        };
    }
}
