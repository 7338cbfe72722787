package org.sunbid.deposit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a deposit refund (保证金退还) owed to one payer. */
public record RefundId(UUID value) {

    public RefundId {
        Objects.requireNonNull(value, "RefundId value");
    }

    public static RefundId of(UUID value) {
        return new RefundId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static RefundId parse(String text) {
        return new RefundId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
