package org.sunbid.deposit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a trusted issuer of electronic guarantees (保函出具机构). */
public record GuaranteeIssuerId(UUID value) {

    public GuaranteeIssuerId {
        Objects.requireNonNull(value, "GuaranteeIssuerId value");
    }

    public static GuaranteeIssuerId of(UUID value) {
        return new GuaranteeIssuerId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static GuaranteeIssuerId parse(String text) {
        return new GuaranteeIssuerId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
