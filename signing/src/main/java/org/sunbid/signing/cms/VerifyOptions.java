package org.sunbid.signing.cms;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * Whom to trust when verifying: trust anchors to chain the signer to, or one expected signer certificate (which may
 * be absent from the SignedData), or nobody (the result then says {@code trusted=false}).
 */
public record VerifyOptions(List<X509Certificate> trustAnchors, X509Certificate expectedSigner) {

    public VerifyOptions {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }

    public static VerifyOptions trusting(Collection<X509Certificate> anchors) {
        return new VerifyOptions(List.copyOf(anchors), null);
    }

    public static VerifyOptions expecting(X509Certificate signer) {
        return new VerifyOptions(List.of(), signer);
    }

    /** Checks the signature only; the signer is reported, not trusted. */
    public static VerifyOptions signatureOnly() {
        return new VerifyOptions(List.of(), null);
    }
}
