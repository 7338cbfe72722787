package org.sunbid.signing.timestamp;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;

import org.sunbid.signing.DigestAlgorithm;

/** A verified (or freshly issued) RFC 3161 time-stamp token and what it says. */
public record Timestamp(byte[] token, Instant time, BigInteger serialNumber, DigestAlgorithm digestAlgorithm,
        byte[] digest, String policy, X509Certificate authority) {

    public Timestamp {
        token = token.clone();
        digest = digest.clone();
    }

    /** The DER TimeStampToken (a CMS ContentInfo). */
    @Override
    public byte[] token() {
        return token.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }
}
