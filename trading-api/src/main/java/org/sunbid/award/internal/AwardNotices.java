package org.sunbid.award.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.sunbid.award.Award;
import org.sunbid.award.Candidate;
import org.sunbid.award.Objection;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.DocumentSubject;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.pdf.DocumentSpec;

/**
 * What the award publishes: the candidates' publicity, the suspension while an objection is open, the award notice
 * (searchable, in the Atom feed and as an OCDS release with an active award), the failed-lot notice, and the
 * platform-signed award and result letters, each visible to its addressee.
 */
@Component
public class AwardNotices {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final NoticeManagement notices;
    private final DocumentManagement documents;

    AwardNotices(NoticeManagement notices, DocumentManagement documents) {
        this.notices = notices;
        this.documents = documents;
    }

    public void publicity(ProjectView p, LotId lot, Award award, List<String> committee) {
        StringBuilder body = new StringBuilder();
        body.append(p.name()).append("（").append(lotName(p, lot)).append("）评标已结束，现将中标候选人公示如下：\n");
        for (Candidate c : award.candidates()) {
            body.append("第").append(c.rank()).append("中标候选人：").append(c.bidderName()).append("，投标报价 ")
                    .append(c.price().toPlainString()).append(" 元")
                    .append(c.score() != null ? "，综合得分 " + c.score().toPlainString()
                            : "，评标价 " + c.evaluatedPrice().toPlainString() + " 元")
                    .append("\n");
        }
        body.append("评标委员会成员：").append(String.join("、", committee)).append("\n");
        body.append("公示期：").append(SHOWN.format(award.publicity().from())).append(" 至 ")
                .append(SHOWN.format(award.publicity().until())).append("（北京时间）\n");
        body.append("投标人或者其他利害关系人对评标结果有异议的，应当在公示期间通过本平台提出（须签名），"
                + "招标人自收到异议之日起3日内作出答复；作出答复前暂停招标投标活动（《招标投标法实施条例》第五十四条）。");
        Candidate first = award.candidates().get(0);
        publish("publicity:" + lot.value(), NoticeKind.CANDIDATE_PUBLICITY, p, p.name() + " 中标候选人公示",
                body.toString(), first.price(), first.bidderName());
    }

    public void suspended(ProjectView p, LotId lot, Objection objection) {
        publish("suspension:" + objection.id(), NoticeKind.CANDIDATE_PUBLICITY, p,
                p.name() + " 关于收到异议暂停定标的公告",
                p.name() + "（" + lotName(p, lot) + "）中标候选人公示期间收到异议（" + SHOWN.format(objection.raisedAt())
                        + "），招标人应于 " + SHOWN.format(objection.answerDue())
                        + " 前答复；答复前暂停定标（《招标投标法实施条例》第五十四条）。", null, null);
    }

    public void award(ProjectView p, LotId lot, Award award, List<MemberId> others) {
        Candidate winner = award.winner();
        String body = p.name() + "（" + lotName(p, lot) + "）经评标委员会评审、中标候选人公示，招标人确定中标人如下：\n"
                + "中标人：" + winner.bidderName() + "\n中标价：" + winner.price().toPlainString() + " 元\n"
                + "招标人：" + p.tendereeName() + "\n定标时间：" + SHOWN.format(award.decision().orElseThrow().at());
        publish("award:" + lot.value(), NoticeKind.AWARD, p, p.name() + " 中标结果公告", body, winner.price(),
                winner.bidderName());
        documents.issue(new DocumentManagement.IssueRequest(DocumentKind.AWARD_LETTER, lot.value(),
                winner.bidder().value(), Visibility.OWNER, url -> letter(DocumentKind.AWARD_LETTER, p, lot, url,
                        winner.bidderName() + "：\n你方于本项目的投标已被确定为中标人，中标价 "
                                + winner.price().toPlainString() + " 元。请自本通知书发出之日起30日内与招标人订立书面合同"
                                + "（《招标投标法》第四十六条）。")));
        for (MemberId other : others) {
            documents.issue(new DocumentManagement.IssueRequest(DocumentKind.RESULT_LETTER, lot.value(), other.value(),
                    Visibility.OWNER, url -> letter(DocumentKind.RESULT_LETTER, p, lot, url,
                            "贵单位参与的本项目投标未中标。中标人为 " + winner.bidderName() + "，中标价 "
                                    + winner.price().toPlainString() + " 元。感谢参与（《招标投标法》第四十五条）。")));
        }
    }

    /** The contract notice (合同订立公告): the signed contract's parties, price and date; its OCDS release has contracts. */
    public void contract(ProjectView p, LotId lot, Award award) {
        Candidate winner = award.winner();
        String body = p.name() + "（" + lotName(p, lot) + "）招标人与中标人已订立书面合同：\n"
                + "招标人：" + p.tendereeName() + "\n中标人：" + winner.bidderName() + "\n合同金额："
                + winner.price().toPlainString() + " 元\n订立时间：" + SHOWN.format(award.contract().orElseThrow().at());
        publish("contract:" + lot.value(), NoticeKind.CONTRACT, p, p.name() + " 合同订立公告", body, winner.price(),
                winner.bidderName());
    }

    public void lotFailed(ProjectView p, LotId lot, String reason) {
        publish("evaluation-failed:" + lot.value(), NoticeKind.FAILED_TENDER, p, p.name() + " 评标失败（重新招标）公告",
                p.name() + "（" + lotName(p, lot) + "）" + reason + "，本标段招标失败，将依法重新招标"
                        + "（《招标投标法》第四十二条）。", null, null);
    }

    /** The written report to the regulator (书面报告, 招标投标法 art. 47), platform-signed, staff and regulators only. */
    public SignedDocument writtenReport(ProjectView p, LotId lot, Award award, String contractSha256) {
        Candidate w = award.winner();
        return documents.issue(new DocumentManagement.IssueRequest(DocumentKind.WRITTEN_REPORT, lot.value(), null,
                Visibility.STAFF, url -> new DocumentSpec(DocumentKind.WRITTEN_REPORT.zh(), DocumentKind.WRITTEN_REPORT.en(),
                        p.transactionCode() + " · " + lotName(p, lot), url, List.of(
                                new DocumentSpec.Fields(List.of(
                                        new DocumentSpec.Field("项目 Project", p.name()),
                                        new DocumentSpec.Field("招标人 Tenderee", p.tendereeName()),
                                        new DocumentSpec.Field("招标方式 Procedure", p.procedure().label()),
                                        new DocumentSpec.Field("中标人 Winner", w.bidderName()),
                                        new DocumentSpec.Field("中标价 Price", w.price().toPlainString() + " 元"),
                                        new DocumentSpec.Field("定标 Decided",
                                                SHOWN.format(award.decision().orElseThrow().at())),
                                        new DocumentSpec.Field("合同 Contract SHA-256", contractSha256))),
                                new DocumentSpec.Table(List.of("名次 Rank", "候选人 Candidate", "报价 Price"),
                                        award.candidates().stream().map(c -> List.of(String.valueOf(c.rank()),
                                                c.bidderName(), c.price().toPlainString())).toList(), null),
                                new DocumentSpec.Paragraph("异议 Objections: " + award.objections().size()
                                        + "；依《招标投标法》第四十七条，招标人自确定中标人之日起15日内向有关行政监督部门提交本报告。")))));
    }

    public List<UUID> documentsOf(LotId lot) {
        return documents.forSubject(DocumentSubject.of(lot)).stream().map(SignedDocument::id).collect(Collectors.toList());
    }

    private static DocumentSpec letter(DocumentKind kind, ProjectView p, LotId lot, String url, String text) {
        return new DocumentSpec(kind.zh(), kind.en(), p.transactionCode() + " · " + lotName(p, lot), url, List.of(
                new DocumentSpec.Fields(List.of(new DocumentSpec.Field("项目 Project", p.name()),
                        new DocumentSpec.Field("标段 Lot", lotName(p, lot)),
                        new DocumentSpec.Field("招标人 Tenderee", p.tendereeName()))),
                new DocumentSpec.Paragraph(text)));
    }

    private void publish(String key, NoticeKind kind, ProjectView p, String title, String body, BigDecimal amount,
            String winner) {
        notices.publish(new NoticeDraft(key, kind, p.id(), p.transactionCode(), p.name(), p.type().name(),
                p.procedure().name(), title, body, p.regionCode(), p.classificationCodes(), amount, p.tendereeName(),
                p.agencyName(), winner, p.bidDeadline(), p.openingAt(), lots(p), null));
    }

    private static List<NoticeDraft.NoticeLot> lots(ProjectView p) {
        return p.lots().stream().map(l -> new NoticeDraft.NoticeLot(l.id(), l.number(), l.name(), l.estimate(),
                l.deposit())).toList();
    }

    static String lotName(ProjectView p, LotId lot) {
        return p.lots().stream().filter(l -> l.id().equals(lot.value())).findFirst()
                .map(l -> "第" + l.number() + "标段 " + l.name()).orElse(lot.toString());
    }
}
