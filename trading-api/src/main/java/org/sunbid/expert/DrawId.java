package org.sunbid.expert;

import java.util.Objects;
import java.util.UUID;

/** Identifies one expert draw of a lot (the lot's draw or a replacement draw) and its signed record. */
public record DrawId(UUID value) {

    public DrawId {
        Objects.requireNonNull(value, "DrawId value");
    }

    public static DrawId of(UUID value) {
        return new DrawId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
