package org.sunbid.signing.internal;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;

import org.sunbid.signing.certs.Certificates;

/**
 * A small, strict chain walk from an end-entity certificate to one of the given trust anchors: each link's
 * signature, each certificate's validity at the given instant, and CA:true on every issuer. No revocation.
 */
public final class Chains {

    private static final int MAX_DEPTH = 8;

    private Chains() {
    }

    /** Empty when the chain reaches an anchor; otherwise the reason it does not. */
    public static Optional<String> validate(X509Certificate leaf, Collection<X509Certificate> intermediates,
            Collection<X509Certificate> anchors, Instant at) {
        X509Certificate current = leaf;
        Date when = Date.from(at);
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (!validAt(current, when)) {
                return Optional.of("certificate '" + current.getSubjectX500Principal().getName() + "' not valid at " + at);
            }
            for (X509Certificate anchor : anchors) {
                if (same(anchor, current)) {
                    return Optional.empty();
                }
            }
            for (X509Certificate anchor : anchors) {
                if (issuedBy(current, anchor)) {
                    return validAt(anchor, when) ? Optional.empty()
                            : Optional.of("trust anchor '" + anchor.getSubjectX500Principal().getName() + "' not valid at " + at);
                }
            }
            X509Certificate next = null;
            if (intermediates != null) {
                for (X509Certificate candidate : intermediates) {
                    if (!same(candidate, current) && candidate.getBasicConstraints() >= 0 && issuedBy(current, candidate)) {
                        next = candidate;
                        break;
                    }
                }
            }
            if (next == null) {
                return Optional.of("certificate '" + current.getSubjectX500Principal().getName() + "' does not chain to a trusted root");
            }
            current = next;
        }
        return Optional.of("certificate chain too long");
    }

    private static boolean validAt(X509Certificate c, Date when) {
        return !when.before(c.getNotBefore()) && !when.after(c.getNotAfter());
    }

    private static boolean same(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** True when {@code issuer} is a CA whose name and key signed {@code subject}. */
    public static boolean issuedBy(X509Certificate subject, X509Certificate issuer) {
        if (!subject.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || issuer.getBasicConstraints() < 0) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey(), Certificates.provider());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
