package org.sunbid.evaluation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sunbid.evaluation.BidAssessment;
import org.sunbid.evaluation.ComplianceResult;
import org.sunbid.evaluation.Criterion;
import org.sunbid.evaluation.EvaluationMethod;
import org.sunbid.evaluation.EvaluationOutcome;
import org.sunbid.evaluation.EvaluationSession;
import org.sunbid.evaluation.OfferedBid;
import org.sunbid.evaluation.PreCheckFinding;
import org.sunbid.evaluation.ScoreSheet;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.pdf.DocumentSpec.Field;
import org.sunbid.signing.pdf.DocumentSpec;

/**
 * The evaluation report (评标报告, 评标委员会和评标方法暂行规定 art. 42): members, method, pre-check, compliance results,
 * every signed score sheet, the ranking and the dissent, zh-CN with English headings. Members then sign it in turn.
 */
public final class ReportContent {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(北京时间)'")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ReportContent() {
    }

    /** Header facts: project code and names. */
    public record Header(String transactionCode, String projectName, String lotName) {
    }

    public static DocumentSpec spec(Header h, EvaluationSession s, List<PreCheckFinding> preCheck, String url) {
        Map<MemberId, String> names = s.seats().stream()
                .collect(Collectors.toMap(EvaluationSession.Seat::member, EvaluationSession.Seat::name));
        Map<BidId, String> bidders = s.bids().stream().collect(Collectors.toMap(OfferedBid::bid, OfferedBid::bidderName));
        List<DocumentSpec.Block> blocks = new ArrayList<>();
        blocks.add(new DocumentSpec.Fields(List.of(
                new Field("项目 Project", h.projectName()),
                new Field("标段 Lot", h.lotName()),
                new Field("评标办法 Method", s.plan().method().label()),
                new Field("价格分计算 Price formula", s.plan().priceFormula() == null ? "—"
                        : s.plan().priceFormula().describe()),
                new Field("开始 Opened", time(s.openedAt())),
                new Field("延时 Extended", s.extendedAt().map(ReportContent::time).orElse("否 No")),
                new Field("评标委员会主任 Chair", s.chair().map(names::get).orElse("—")),
                new Field("报告形成 Drawn", s.reportDrawnAt().map(ReportContent::time).orElse("—")))));

        blocks.add(new DocumentSpec.Heading("一、评标委员会 Committee"));
        blocks.add(new DocumentSpec.Table(List.of("姓名 Name", "身份 Role", "签到 Check-in", "回避 Conflict", "状态 Status"),
                s.seats().stream().map(x -> List.of(x.name(), x.role().equals("DRAWN_EXPERT") ? "评标专家" : "招标人代表",
                        time(x.checkedInAt()), x.conflict() == null ? "—" : x.conflict() ? "有 Yes" : "无 No",
                        x.replacedBecause() == null ? "在席 Seated" : "已更换 Replaced: " + x.replacedBecause()))
                        .toList(), List.of(2.0, 1.5, 2.5, 1.2, 3.0)));
        for (EvaluationSession.Voided v : s.voided()) {
            blocks.add(new DocumentSpec.Paragraph("作废结论 Voided: %s — %s（%s）".formatted(names.get(v.member()),
                    v.what(), time(v.at()))));
        }

        blocks.add(new DocumentSpec.Heading("二、清标 Machine pre-check"));
        blocks.add(preCheck.isEmpty() ? new DocumentSpec.Paragraph("未发现异常 No findings.")
                : new DocumentSpec.Table(List.of("投标人 Bidder", "发现 Finding", "说明 Detail"), preCheck.stream()
                        .map(f -> List.of(bidders.get(f.bid()), f.kind().label(), f.detail())).toList(),
                        List.of(2.0, 2.0, 4.0)));

        blocks.add(new DocumentSpec.Heading("三、符合性审查 Compliance review"));
        List<ComplianceResult> compliance = s.complianceResults();
        blocks.add(new DocumentSpec.Table(List.of("投标人 Bidder", "报价 Price", "结论 Result", "理由 Reasons"),
                compliance.stream().map(r -> List.of(bidders.get(r.bid()), price(s, r.bid()),
                        r.passed() ? "通过 Pass" : "不通过 Fail", String.join("；", r.reasons()))).toList(),
                List.of(2.0, 1.6, 1.2, 4.0)));

        blocks.add(new DocumentSpec.Heading("四、评分 Score sheets"));
        List<String> keys = s.plan().method() == EvaluationMethod.LOWEST_EVALUATED_PRICE
                ? List.of(ScoreSheet.ADJUSTMENT) : s.plan().memberCriteria().stream().map(Criterion::key).toList();
        List<String> headers = new ArrayList<>(List.of("投标人 Bidder", "评委 Member"));
        keys.forEach(k -> headers.add(label(s, k)));
        headers.add("签名摘要 Signed SHA-256");
        List<List<String>> rows = new ArrayList<>();
        for (ScoreSheet sheet : s.sheets()) {
            List<String> row = new ArrayList<>(List.of(bidders.get(sheet.bid()), names.get(sheet.member())));
            keys.forEach(k -> row.add(sheet.values().get(k).toPlainString()));
            row.add(sheet.signedSha256() == null ? "—" : sheet.signedSha256().substring(0, 16) + "…");
            rows.add(row);
        }
        blocks.add(rows.isEmpty() ? new DocumentSpec.Paragraph("无评分（无投标通过符合性审查）No scores.")
                : new DocumentSpec.Table(headers, rows, null));

        blocks.add(new DocumentSpec.Heading("五、排序与推荐 Ranking and candidates"));
        List<String> dissent = new ArrayList<>();
        compliance.forEach(r -> r.dissent().forEach(d -> dissent.add("%s 对 %s 的“%s”持不同意见（%s）%s".formatted(
                names.get(d.member()), bidders.get(r.bid()), d.criterion(), d.pass() ? "通过" : "不通过", d.reason()))));
        EvaluationOutcome outcome = s.outcome().orElseThrow();
        if (outcome instanceof EvaluationOutcome.Candidates c) {
            {
                List<List<String>> ranked = new ArrayList<>();
                int rank = 1;
                for (BidAssessment a : c.assessed()) {
                    ranked.add(List.of(String.valueOf(rank), a.bidderName(), a.price().toPlainString(),
                            a.pricePoints() == null ? "—" : a.pricePoints().toPlainString(),
                            a.score() != null ? a.score().toPlainString() : a.evaluatedPrice().toPlainString(),
                            rank <= c.ranked().size() ? "第" + rank + "中标候选人" : "—"));
                    a.outliers().forEach(o -> dissent.add("%s 对 %s 的评分 %s 偏离平均 %s 超过设定值（已标注）".formatted(
                            names.get(o.member()), a.bidderName(), o.total().toPlainString(), o.mean().toPlainString())));
                    rank++;
                }
                blocks.add(new DocumentSpec.Table(List.of("名次 Rank", "投标人 Bidder", "报价 Price",
                        "价格分 Price pts", s.plan().method() == EvaluationMethod.COMPREHENSIVE_SCORING ? "得分 Score"
                                : "评标价 Evaluated price", "推荐 Candidate"), ranked,
                        List.of(0.8, 2.4, 1.6, 1.2, 1.6, 1.8)));
                blocks.add(new DocumentSpec.Paragraph("并列时：综合评估法依次比较报价（低者优先）、技术得分（高者优先）、"
                        + "递交回执时间（早者优先）；最低评标价法依次比较报价、递交回执时间。Ties: see docs/evaluation.md."));
            }
        } else if (outcome instanceof EvaluationOutcome.AllRejected r) {
            blocks.add(new DocumentSpec.Paragraph(
                    "所有投标均被否决，本标段评标失败，须重新招标。All bids rejected: the lot fails and is re-tendered ("
                            + r.reason() + ")."));
        }
        blocks.add(new DocumentSpec.Heading("六、不同意见 Dissent"));
        blocks.add(new DocumentSpec.Paragraph(dissent.isEmpty() ? "无 None." : String.join("\n", dissent)));
        blocks.add(new DocumentSpec.Paragraph("以下由评标委员会全体成员依次签名，最后由交易中心签章。"
                + "Signed in turn by every member of the committee, then sealed by the centre."));
        return new DocumentSpec("评标报告", "Evaluation report", h.transactionCode() + " · " + h.lotName(), url, blocks);
    }

    private static String label(EvaluationSession s, String key) {
        return s.plan().criteria().stream().filter(c -> c.key().equals(key)).findFirst()
                .map(c -> c.name() + " (≤" + c.maxPoints().toPlainString() + ")").orElse("价格折算 Adjustment");
    }

    private static String price(EvaluationSession s, BidId bid) {
        return s.bids().stream().filter(b -> b.bid().equals(bid)).findFirst().map(OfferedBid::price)
                .map(BigDecimal::toPlainString).orElse("—");
    }

    private static String time(Instant at) {
        return at == null ? "—" : SHOWN.format(at);
    }
}
