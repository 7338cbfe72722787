package org.sunbid.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.internal.AccountRecord;
import org.sunbid.identity.internal.Accounts;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** Creates and manages login accounts: member accounts at registration, platform accounts by an administrator. */
@Service
@Transactional
public class AccountManagement {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountManagement(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** A summary of an account without secrets. */
    public record AccountView(UUID id, String username, Role role, Optional<UUID> memberId, String displayName,
            boolean enabled) {
        static AccountView of(AccountRecord r) {
            return new AccountView(r.id(), r.username(), r.role(), Optional.ofNullable(r.memberId()), r.displayName(),
                    r.enabled());
        }
    }

    /** Creates the login of a member (bidder, tenderee, agent or expert). */
    public AccountId createMemberAccount(String username, String password, Role role, MemberId member,
            String displayName) {
        if (!role.isMemberRole()) {
            throw ProblemException.invalid("role", "identity.role.not-member", role);
        }
        return AccountId.of(create(username, password, role, member.value(), displayName, null));
    }

    /** Creates a platform account (staff, regulator, custodian, admin); {@code by} is the admin who asks. */
    public AccountId createPlatformAccount(String username, String password, Role role, String displayName,
            AccountId by) {
        if (role.isMemberRole()) {
            throw ProblemException.invalid("role", "identity.role.member-only", role);
        }
        return AccountId.of(create(username, password, role, null, displayName, AccountId.uuidOrNull(by)));
    }

    private UUID create(String username, String password, Role role, UUID memberId, String displayName, UUID by) {
        checkUsername(username);
        PasswordPolicy.check("password", password);
        if (accounts.usernameTaken(username)) {
            throw ProblemException.conflict("duplicate-username", "username", "identity.username.taken", username);
        }
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        accounts.insert(new AccountRecord(id, username, passwords.encode(password), role, memberId, displayName, true,
                0, 0, null, now), now);
        events.publishEvent(new AccountEvents.AccountCreated(id, username, role, memberId, by, now));
        return id;
    }

    public static void checkUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}")) {
            throw ProblemException.invalid("username", "identity.username.format");
        }
    }

    public void changePassword(AccountId account, String currentPassword, String newPassword) {
        UUID accountId = account.value();
        AccountRecord found = accounts.find(accountId).orElseThrow(() -> ProblemException.notFound("account", accountId));
        if (currentPassword == null || !passwords.matches(currentPassword, found.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "identity.password.wrong");
        }
        PasswordPolicy.check("newPassword", newPassword);
        var now = clock.instant();
        accounts.changePassword(accountId, passwords.encode(newPassword), now);
        accounts.revokeRefreshTokens(accountId, now);
        events.publishEvent(new AccountEvents.PasswordChanged(accountId, now));
    }

    /** Suspending a member disables its logins and revokes its tokens; approval enables them again. */
    public void setMemberEnabled(MemberId member, boolean enabled) {
        UUID memberId = member.value();
        accounts.setEnabledForMember(memberId, enabled);
        if (!enabled) {
            accounts.findByMember(memberId).forEach(a -> accounts.revokeRefreshTokens(a.id(), clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(AccountId account) {
        return accounts.find(account.value()).map(AccountView::of);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findByUsername(String username) {
        return accounts.findByUsername(username).map(AccountView::of);
    }

    @Transactional(readOnly = true)
    public List<AccountView> accountsOfMember(MemberId member) {
        return accounts.findByMember(member.value()).stream().map(AccountView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<AccountView> platformAccounts() {
        return accounts.findPlatformAccounts().stream().map(AccountView::of).toList();
    }

    /** Accounts whose display name or user name contains the text, for pickers (at most {@code limit}, 1–50). */
    @Transactional(readOnly = true)
    public List<AccountView> search(String text, int limit) {
        if (text == null || text.isBlank() || limit < 1 || limit > 50) {
            return List.of();
        }
        return accounts.search(text.strip(), limit).stream().map(AccountView::of).toList();
    }

    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return accounts.usernameTaken(username);
    }
}
