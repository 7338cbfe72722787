package org.sunbid.deposit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a batch of refunds sent to the bank as one payment file (退还批次). */
public record RefundBatchId(UUID value) {

    public RefundBatchId {
        Objects.requireNonNull(value, "RefundBatchId value");
    }

    public static RefundBatchId of(UUID value) {
        return new RefundBatchId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static RefundBatchId parse(String text) {
        return new RefundBatchId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
