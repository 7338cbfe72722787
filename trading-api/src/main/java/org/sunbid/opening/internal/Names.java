package org.sunbid.opening.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.platform.id.MemberId;

/** Names, not ids, in the hall and the record: a bidder's company name, a custodian's display name. */
@Component
public class Names {

    private final AccountManagement accounts;

    Names(AccountManagement accounts) {
        this.accounts = accounts;
    }

    public String bidder(MemberId member) {
        return accounts.accountsOfMember(member).stream().findFirst().map(AccountManagement.AccountView::displayName)
                .orElse(member.toString());
    }

    public String account(UUID account) {
        return Optional.ofNullable(account).map(AccountId::of).flatMap(accounts::find).map(AccountManagement.AccountView::displayName).orElse("—");
    }
}
