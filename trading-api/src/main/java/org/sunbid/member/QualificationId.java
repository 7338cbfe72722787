package org.sunbid.member;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member's qualification (资质证书) on file. */
public record QualificationId(UUID value) {

    public QualificationId {
        Objects.requireNonNull(value, "QualificationId value");
    }

    public static QualificationId of(UUID value) {
        return new QualificationId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static QualificationId parse(String text) {
        return new QualificationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
