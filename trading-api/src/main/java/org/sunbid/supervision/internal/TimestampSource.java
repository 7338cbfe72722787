package org.sunbid.supervision.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/**
 * RFC 3161 timestamp tokens for tree heads. Uses the platform's {@link TimeStampAuthority} bean when one exists;
 * otherwise the demo CA's TSA under {@code <data-dir>/keys/demo-ca} (created on first use). A TSA failure leaves
 * the head with its platform signature only, and is logged.
 */
@Component
public class TimestampSource {

    private static final Logger log = LoggerFactory.getLogger(TimestampSource.class);

    private final ObjectProvider<TimeStampAuthority> platformTsa;
    private final PlatformProperties properties;
    private final Clock clock;
    private volatile TimeStampAuthority tsa;

    TimestampSource(ObjectProvider<TimeStampAuthority> platformTsa, PlatformProperties properties, Clock clock) {
        this.platformTsa = platformTsa;
        this.properties = properties;
        this.clock = clock;
    }

    /** The demo CA folder whose {@code root-ca.pem} anchors the tokens when no platform TSA bean is configured. */
    public Path demoCaFolder() {
        return properties.dataDir().resolve("keys").resolve("demo-ca");
    }

    synchronized TimeStampAuthority authority() {
        if (tsa == null) {
            TimeStampAuthority configured = platformTsa.getIfAvailable();
            tsa = configured != null ? configured
                    : new TimeStampAuthority(DemoCa.loadOrCreate(demoCaFolder(),
                            properties.keys().passphrase().toCharArray()).timeStampingAuthority(), clock);
        }
        return tsa;
    }

    /** A DER TimeStampToken over SHA-256 of {@code data}, if the TSA answers. */
    public Optional<byte[]> timestamp(byte[] data) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(data);
            return Optional.of(authority().stamp(DigestAlgorithm.SHA256, digest).token());
        } catch (RuntimeException | java.security.NoSuchAlgorithmException e) {
            log.error("no RFC 3161 timestamp for the tree head: {}", e.toString());
            return Optional.empty();
        }
    }
}
