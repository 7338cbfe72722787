package org.sunbid.signing.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.sunbid.signing.certs.Certificates;

/** A private key with its certificate chain (end entity first), as held in a PKCS#12 file. */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        if (privateKey == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a key needs a private key and at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public Certificates.KeyAlgorithm algorithm() {
        return Certificates.algorithmOf(certificate());
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
