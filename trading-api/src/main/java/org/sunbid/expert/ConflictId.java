package org.sunbid.expert;

import java.util.Objects;
import java.util.UUID;

/** Identifies a conflict of interest an expert declared (a company it may not judge). */
public record ConflictId(UUID value) {

    public ConflictId {
        Objects.requireNonNull(value, "ConflictId value");
    }

    public static ConflictId of(UUID value) {
        return new ConflictId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
