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

    @Override
    public String toString() {
        return value.toString();
    }
}
