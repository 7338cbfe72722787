package org.sunbid.credit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a credit record (a good or bad behaviour record). */
public record CreditRecordId(UUID value) {

    public CreditRecordId {
        Objects.requireNonNull(value, "CreditRecordId value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
