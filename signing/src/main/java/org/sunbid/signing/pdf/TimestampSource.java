package org.sunbid.signing.pdf;

import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/** Obtains an RFC 3161 time-stamp token (DER-encoded ContentInfo) over a SHA-256 digest. */
@FunctionalInterface
public interface TimestampSource {

    byte[] timestamp(byte[] sha256Digest) throws java.io.IOException;

    /** Tokens from the platform's own time-stamp authority. */
    static TimestampSource of(TimeStampAuthority authority) {
        return digest -> authority.stamp(DigestAlgorithm.SHA256, digest).token();
    }
}
