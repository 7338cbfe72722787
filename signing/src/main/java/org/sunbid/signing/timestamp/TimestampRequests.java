package org.sunbid.signing.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.sunbid.signing.DigestAlgorithm;

/** Builds DER {@code application/timestamp-query} bodies, as {@code openssl ts -query -sha256 -cert} does. */
public final class TimestampRequests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimestampRequests() {
    }

    /** A request over {@code digest} with a random 64-bit nonce, asking for the TSA's certificate. */
    public static byte[] create(DigestAlgorithm algorithm, byte[] digest) {
        if (digest == null || digest.length != algorithm.length()) {
            throw new IllegalArgumentException("digest must be " + algorithm.length() + " bytes for " + algorithm);
        }
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        try {
            return g.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest, new BigInteger(64, RANDOM)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
