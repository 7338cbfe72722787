package org.sunbid.supervision.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.DigestAlgorithm;

/**
 * RFC 3161 timestamp tokens for tree heads from the platform's time-stamp authority ({@link PlatformTrust}). A TSA
 * failure leaves the head with its platform signature only, and is logged.
 */
@Component
public class TimestampSource {

    private static final Logger log = LoggerFactory.getLogger(TimestampSource.class);

    private final PlatformTrust trust;

    TimestampSource(PlatformTrust trust) {
        this.trust = trust;
    }

    /** A DER TimeStampToken over SHA-256 of {@code data}, if the TSA answers. */
    public Optional<byte[]> timestamp(byte[] data) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(data);
            return Optional.of(trust.timestamps().stamp(DigestAlgorithm.SHA256, digest).token());
        } catch (RuntimeException | java.security.NoSuchAlgorithmException e) {
            log.error("no RFC 3161 timestamp for the tree head: {}", e.toString());
            return Optional.empty();
        }
    }
}
