package org.sunbid.demo.internal;

import java.util.Optional;
import java.util.UUID;

import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;

/** The demo tender's people as platform users, found by their demo usernames. */
public record DemoPeople(CurrentUser tenderee, String tendereeName, CurrentUser staff, CurrentUser regulator) {

    /** The platform itself acting (jobs, status reads). */
    public static CurrentUser platformActor() {
        return new CurrentUser(new UUID(0, 0), "demo-tender", Role.STAFF, Optional.empty());
    }

    public static AccountManagement.AccountView account(AccountManagement accounts, String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new IllegalStateException(
                "demo account " + username + " is missing (demo members are seeded with sunbid.demo=true)"));
    }

    public static CurrentUser memberUser(AccountManagement accounts, String username, Role role) {
        AccountManagement.AccountView a = account(accounts, username);
        if (a.role() != role || a.memberId().isEmpty()) {
            throw new IllegalStateException("demo account " + username + " is not a " + role + " member");
        }
        return new CurrentUser(a.id(), a.username(), a.role(), a.memberId());
    }

    public static CurrentUser platformUser(AccountManagement accounts, String username, Role role) {
        AccountManagement.AccountView a = account(accounts, username);
        if (a.role() != role) {
            throw new IllegalStateException("demo account " + username + " is not " + role);
        }
        return new CurrentUser(a.id(), a.username(), a.role(), Optional.empty());
    }
}
