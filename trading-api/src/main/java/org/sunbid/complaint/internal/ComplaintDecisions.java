package org.sunbid.complaint.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.complaint.Complaint;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ProjectView;
import org.sunbid.schedule.Notifications;
import org.sunbid.signing.pdf.DocumentSpec;

/**
 * What a decision sends out: the decision letter signed by the platform (public, verifiable by its QR code and with
 * pdfsig), the public notice, and a message to the parties — the complainant and the tenderee (or its agency). Also
 * tells regulators of reminders and overdue complaints.
 */
@Component
public class ComplaintDecisions {

    private final DocumentManagement documents;
    private final NoticeManagement notices;
    private final Notifications notifications;
    private final AccountManagement accounts;

    ComplaintDecisions(DocumentManagement documents, NoticeManagement notices, Notifications notifications,
            AccountManagement accounts) {
        this.documents = documents;
        this.notices = notices;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    /** Signs and stores the decision letter; returns its id (the notice and the parties refer to it). */
    public SignedDocument sign(Complaint c, ProjectView p, String complainantName, Complaint.Verdict verdict,
            String decision, LocalDate on) {
        return documents.issue(new DocumentManagement.IssueRequest(DocumentKind.COMPLAINT_DECISION, c.id().value(), null,
                Visibility.PUBLIC, url -> new DocumentSpec(DocumentKind.COMPLAINT_DECISION.zh(),
                        DocumentKind.COMPLAINT_DECISION.en(), p.transactionCode() + " · " + p.name(), url, List.of(
                                new DocumentSpec.Fields(List.of(
                                        new DocumentSpec.Field("项目 Project", p.name()),
                                        new DocumentSpec.Field("投诉人 Complainant", complainantName),
                                        new DocumentSpec.Field("被投诉人 Respondent", p.tendereeName()),
                                        new DocumentSpec.Field("投诉日期 Filed", c.filing().filedOn().toString()),
                                        new DocumentSpec.Field("受理日期 Accepted", String.valueOf(c.acceptedOn())),
                                        new DocumentSpec.Field("决定日期 Decided", on.toString()),
                                        new DocumentSpec.Field("处理结果 Verdict", verdictText(verdict)))),
                                new DocumentSpec.Heading("投诉事项 Complaint"),
                                new DocumentSpec.Paragraph(c.filing().text()),
                                new DocumentSpec.Heading("处理决定 Decision"),
                                new DocumentSpec.Paragraph(decision),
                                new DocumentSpec.Paragraph("依据《中华人民共和国招标投标法实施条例》第六十一条作出本决定。"
                                        + "当事人对本决定不服的，可以依法申请行政复议或者提起行政诉讼。")))));
    }

    /** Publishes the decision notice and tells the parties. */
    public void announce(Complaint c, ProjectView p, String complainantName, SignedDocument letter) {
        String body = p.name() + "（" + p.transactionCode() + "）投诉处理决定：\n投诉人：" + complainantName
                + "\n被投诉人：" + p.tendereeName() + "\n处理结果：" + verdictText(c.verdict()) + "\n" + c.outcome()
                + "\n决定书（平台电子签章）：/api/public/documents/" + letter.id() + "/pdf\n依据《中华人民共和国招标投标法实施条例》第六十一条。";
        notices.publish(new NoticeDraft("complaint-decision:" + c.id().value(), NoticeKind.COMPLAINT_DECISION, p.id(),
                p.transactionCode(), p.name(), p.type().name(), p.procedure().name(), p.name() + " 投诉处理决定公告", body,
                p.regionCode(), p.classificationCodes(), null, p.tendereeName(), p.agencyName(), null, p.bidDeadline(),
                p.openingAt(), p.lots().stream().map(l -> new NoticeDraft.NoticeLot(l.id(), l.number(), l.name(),
                        l.estimate(), l.deposit())).toList(), null));
        notifications.notify(parties(c, p).stream().map(org.sunbid.identity.AccountId::new).toList(), "complaint.notice.decided", p.transactionCode() + " " + p.name(),
                verdictText(c.verdict()), letter.id());
    }

    /** Tells regulators that a step of the complaint is due or overdue. */
    public void remindRegulators(Complaint c, String messageKey, LocalDate due) {
        List<UUID> regulators = accounts.platformAccounts().stream().filter(a -> a.role() == Role.REGULATOR)
                .map(AccountManagement.AccountView::id).toList();
        notifications.notify(regulators.stream().map(org.sunbid.identity.AccountId::new).toList(), messageKey, c.id().value(), due);
    }

    private List<UUID> parties(Complaint c, ProjectView p) {
        List<UUID> members = new java.util.ArrayList<>(List.of(c.filing().complainant().value(), p.tendereeMemberId()));
        if (p.agencyMemberId() != null) {
            members.add(p.agencyMemberId());
        }
        return members.stream().flatMap(m -> accounts.accountsOfMember(MemberId.of(m)).stream()).map(AccountManagement.AccountView::id)
                .distinct().toList();
    }

    static String verdictText(Complaint.Verdict verdict) {
        return switch (verdict) {
            case UPHELD -> "投诉成立 upheld";
            case DISMISSED -> "驳回投诉 dismissed";
        };
    }
}
