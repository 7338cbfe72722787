package org.sunbid.expert;

import java.util.Objects;
import java.util.UUID;

/** Identifies a leave period an expert declared (no draws while it runs). */
public record LeaveId(UUID value) {

    public LeaveId {
        Objects.requireNonNull(value, "LeaveId value");
    }

    public static LeaveId of(UUID value) {
        return new LeaveId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
