package org.sunbid.mail.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.member.CompanyProfile;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.id.MemberId;

/** A member account is reached at its company's contact addresses (member registry); platform accounts have none. */
@Component
class MemberContactAddresses implements RecipientAddresses {

    private final AccountManagement accounts;
    private final MemberManagement members;

    MemberContactAddresses(AccountManagement accounts, MemberManagement members) {
        this.accounts = accounts;
        this.members = members;
    }

    @Override
    public List<String> of(UUID account) {
        return Optional.ofNullable(account).map(AccountId::of).flatMap(accounts::find).flatMap(AccountManagement.AccountView::memberId).map(MemberId::of)
                .flatMap(members::find)
                .map(MemberViews.MemberDetails::company).map(c -> c.contacts().stream().map(CompanyProfile.Contact::email)
                        .filter(e -> e != null && !e.isBlank()).map(e -> e.strip().toLowerCase(Locale.ROOT)).distinct()
                        .toList())
                .orElse(List.of());
    }
}
