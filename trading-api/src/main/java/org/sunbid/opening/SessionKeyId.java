package org.sunbid.opening;

import java.util.Objects;
import java.util.UUID;

/** Identifies an opening session key (开标会话密钥), the key custodians seal their shares to. */
public record SessionKeyId(UUID value) {

    public SessionKeyId {
        Objects.requireNonNull(value, "SessionKeyId value");
    }

    public static SessionKeyId of(UUID value) {
        return new SessionKeyId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static SessionKeyId parse(String text) {
        return new SessionKeyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
