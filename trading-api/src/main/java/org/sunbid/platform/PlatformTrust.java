package org.sunbid.platform;

import java.security.cert.X509Certificate;

import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/**
 * The platform's own trust services, shared by every feature: the root certificate others check against, the key
 * that signs platform documents (receipts, records, archive manifests, log tree heads) and the RFC 3161 time-stamp
 * authority. Built from the PKCS#12 files under {@code <data-dir>/keys/ca} (created at first start) or from the folder
 * named by {@code sunbid.keys.ca-dir}.
 */
public record PlatformTrust(X509Certificate root, SigningKey documentSigner, TimeStampAuthority timestamps) {
}
