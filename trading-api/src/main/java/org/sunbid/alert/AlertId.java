package org.sunbid.alert;

import java.util.Objects;
import java.util.UUID;

/** Identifies a collusion alert (围标串标预警) on one lot. */
public record AlertId(UUID value) {

    public AlertId {
        Objects.requireNonNull(value, "AlertId value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
