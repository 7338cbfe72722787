package org.sunbid.deposit.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What a guarantee's signature proves, whichever form it came in (CMS-signed JSON or PAdES PDF): who signed, when
 * they say they did, the signed {@code sunbid-guarantee/1} terms, and the SHA-256 that identifies the signed content.
 */
public record SignedGuarantee(X509Certificate signer, Instant signedAt, byte[] terms, String sha256) {
}
