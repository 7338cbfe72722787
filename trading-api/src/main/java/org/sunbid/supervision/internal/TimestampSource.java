package org.sunbid.supervision.internal;

import java.util.Optional;

/**
 * Where RFC 3161 timestamp tokens for tree heads come from. Until the signing module's timestamp authority is
 * wired, {@link None} returns nothing and heads carry the platform signature only.
 */
interface TimestampSource {

    /** A DER TimeStampToken over SHA-256 of {@code data}, if a TSA is available. */
    Optional<byte[]> timestamp(byte[] data);

    @org.springframework.stereotype.Component
    class None implements TimestampSource {
        @Override
        public Optional<byte[]> timestamp(byte[] data) {
            return Optional.empty();
        }
    }
}
