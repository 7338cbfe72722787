package org.sunbid.member;

import java.util.Objects;
import java.util.UUID;

/** Identifies a digital certificate bound to a member (its signing certificate). */
public record CertificateId(UUID value) {

    public CertificateId {
        Objects.requireNonNull(value, "CertificateId value");
    }

    public static CertificateId of(UUID value) {
        return new CertificateId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static CertificateId parse(String text) {
        return new CertificateId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
