package org.sunbid.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement.AccountView;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.id.MemberId;

/**
 * The people behind the log's actor ids: an entry stores only the account id (the leaf must not change when a name
 * does), so the log page names each actor here — the account's display name and, for a member's login, the
 * organisation (or expert) it belongs to — and offers a picker that finds accounts by name.
 */
@Service
@Transactional(readOnly = true)
public class LogActors {

    /** Largest batch of ids named at once (one page of the log holds at most 500 entries). */
    public static final int MAX_IDS = 500;

    private final AccountManagement accounts;
    private final MemberManagement members;

    LogActors(AccountManagement accounts, MemberManagement members) {
        this.accounts = accounts;
        this.members = members;
    }

    /** An actor in words: account id, display name, user name, role and the member organisation it acts for. */
    public record Actor(String id, String name, String username, Role role, String organisation) {
    }

    /** Names these actor ids; ids that are not accounts ({@code system}, {@code anonymous}, unknown) are left out. */
    public Map<String, Actor> name(Collection<String> ids) {
        Map<UUID, String> organisations = new LinkedHashMap<>();
        Map<String, Actor> out = new LinkedHashMap<>();
        ids.stream().distinct().limit(MAX_IDS).forEach(id -> uuid(id).map(AccountId::of).flatMap(accounts::find)
                .ifPresent(account -> out.put(id, actor(account, organisations))));
        return out;
    }

    /** Accounts whose own name, user name or member organisation's name contains the text (at most {@code limit}). */
    public List<Actor> find(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        int size = Math.max(1, Math.min(limit, 50));
        Map<UUID, String> organisations = new LinkedHashMap<>();
        Map<UUID, Actor> found = new LinkedHashMap<>();
        for (AccountView account : accounts.search(text, size)) {
            found.put(account.id(), actor(account, organisations));
        }
        for (MemberViews.MemberSummary member : members.search(text.strip(), null, null, null, null, 0, size).items()) {
            organisations.put(member.id(), member.name());
            for (AccountView account : accounts.accountsOfMember(MemberId.of(member.id()))) {
                found.putIfAbsent(account.id(), actor(account, organisations));
            }
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(size, found.size()));
    }

    private Actor actor(AccountView account, Map<UUID, String> organisations) {
        String organisation = account.memberId().map(member -> organisations.computeIfAbsent(member,
                m -> members.find(new MemberId(m)).map(MemberViews.MemberDetails::name).orElse(null))).orElse(null);
        return new Actor(account.id().toString(), account.displayName(), account.username(), account.role(),
                organisation);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
