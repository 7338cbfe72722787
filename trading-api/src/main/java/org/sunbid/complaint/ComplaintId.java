package org.sunbid.complaint;

import java.util.Objects;
import java.util.UUID;

/** Identifies a complaint (投诉) to the regulator. */
public record ComplaintId(UUID value) {

    public ComplaintId {
        Objects.requireNonNull(value, "ComplaintId value");
    }

    public static ComplaintId of(UUID value) {
        return new ComplaintId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static ComplaintId parse(String text) {
        return new ComplaintId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
