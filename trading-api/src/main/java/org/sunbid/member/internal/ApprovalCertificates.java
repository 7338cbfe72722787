package org.sunbid.member.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.Visibility;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.member.MemberEvents;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.id.MemberId;

/** Every approval issues a signed member approval certificate (会员入库确认书) that the member can download. */
@Component
class ApprovalCertificates {

    private final MemberManagement members;
    private final DocumentManagement documents;
    private final AccountManagement accounts;

    ApprovalCertificates(MemberManagement members, DocumentManagement documents, AccountManagement accounts) {
        this.members = members;
        this.documents = documents;
        this.accounts = accounts;
    }

    @EventListener
    void onApproved(MemberEvents.MemberApproved approved) {
        MemberViews.MemberDetails m = members.details(MemberId.of(approved.member()));
        String approver = approved.actor() == null ? "系统 System"
                : accounts.find(AccountId.of(approved.actor())).map(AccountManagement.AccountView::displayName).orElse("—");
        String uscc = m.company() != null ? m.company().uscc() : "—";
        String region = m.company() != null ? m.company().regionCode() + " " + m.company().regionName() : "—";
        documents.issue(new DocumentManagement.IssueRequest(DocumentKind.MEMBER_APPROVAL_CERTIFICATE, m.id(), m.id(),
                Visibility.OWNER, PlatformDocuments.memberApprovalCertificate(new PlatformDocuments.MemberApproval(m.id(),
                        m.name(), uscc, m.role().name(), region, approved.at(), approver))));
    }
}
