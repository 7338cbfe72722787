package org.sunbid.credit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a ban (禁入决定). */
public record BanId(UUID value) {

    public BanId {
        Objects.requireNonNull(value, "BanId value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
