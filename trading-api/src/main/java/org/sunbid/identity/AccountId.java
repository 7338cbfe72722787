package org.sunbid.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies a login account (a member's staff account, a platform account, a custodian) across features. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "AccountId value");
    }

    public static AccountId of(UUID value) {
        return new AccountId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static AccountId parse(String text) {
        return new AccountId(UUID.fromString(text));
    }

    /** The UUID of {@code account}, or null when no account acts (the platform itself: seeds, scheduled work, tests). */
    public static UUID uuidOrNull(AccountId account) {
        return account == null ? null : account.value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
