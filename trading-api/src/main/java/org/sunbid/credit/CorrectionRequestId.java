package org.sunbid.credit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member's request to correct one of its credit records. */
public record CorrectionRequestId(UUID value) {

    public CorrectionRequestId {
        Objects.requireNonNull(value, "CorrectionRequestId value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
