package org.sunbid.member.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.certs.Certificates;

/**
 * The CAs whose certificates a member may bind: those of {@code sunbid.keys.trusted-cas} (PEM files, read at each
 * check so an operator can add one without a restart) and, in demo mode only, the demo CA. A certificate binds only if
 * one of them signed it directly; a self-signed certificate never does (it proves nothing about who holds it).
 */
@Component
public class CertificateTrust {

    /** Why a certificate may not be bound. */
    public enum Refusal {
        SELF_SIGNED("certificate-self-signed"), NOT_TRUSTED("certificate-not-trusted");

        private final String rule;

        Refusal(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private final PlatformProperties properties;
    private final PlatformTrust trust;

    CertificateTrust(PlatformProperties properties, PlatformTrust trust) {
        this.properties = properties;
        this.trust = trust;
    }

    public Optional<Refusal> check(X509Certificate certificate) {
        if (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
                && signedBy(certificate, certificate)) {
            return Optional.of(Refusal.SELF_SIGNED);
        }
        for (X509Certificate anchor : anchors()) {
            if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signedBy(certificate, anchor)) {
                return Optional.empty();
            }
        }
        return Optional.of(Refusal.NOT_TRUSTED);
    }

    /** The trust list now. */
    public List<X509Certificate> anchors() {
        List<X509Certificate> anchors = new ArrayList<>();
        if (properties.demo()) {
            anchors.add(trust.root());
        }
        for (Path file : properties.keys().trustedCas()) {
            try (InputStream in = Files.newInputStream(file)) {
                for (var c : CertificateFactory.getInstance("X.509", Certificates.provider()).generateCertificates(in)) {
                    anchors.add((X509Certificate) c);
                }
            } catch (IOException | CertificateException e) {
                throw new IllegalStateException("sunbid.keys.trusted-cas: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return anchors;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey(), Certificates.provider());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
