package org.sunbid.signing.certs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Parses X.509 certificates (PEM or DER; RSA, EC P-256, SM2) and describes them. */
public final class Certificates {

    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

    private Certificates() {
    }

    /** The Bouncy Castle provider, registered once; it parses SM2 keys that the JDK cannot. */
    public static Provider provider() {
        Provider p = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (p == null) {
            synchronized (Certificates.class) {
                p = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
                if (p == null) {
                    p = new BouncyCastleProvider();
                    Security.addProvider(p);
                }
            }
        }
        return p;
    }

    /** Parses one certificate from PEM text or DER bytes; throws {@link InvalidCertificateException} with the reason. */
    public static X509Certificate parse(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new InvalidCertificateException("empty");
        }
        if (encoded.length > MAX_CERTIFICATE_BYTES) {
            throw new InvalidCertificateException("too large");
        }
        byte[] der = encoded;
        String text = new String(encoded, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            int start = text.indexOf("-----BEGIN CERTIFICATE-----") + "-----BEGIN CERTIFICATE-----".length();
            int end = text.indexOf("-----END CERTIFICATE-----", start);
            if (end < 0) {
                throw new InvalidCertificateException("PEM without END line");
            }
            try {
                der = Base64.getMimeDecoder().decode(text.substring(start, end).trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidCertificateException("PEM body is not base64");
            }
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", provider());
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            if (certificate == null) {
                throw new InvalidCertificateException("no certificate found");
            }
            algorithmOf(certificate);
            return certificate;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof InvalidCertificateException ice) {
                throw ice;
            }
            throw new InvalidCertificateException("malformed: " + e.getClass().getSimpleName());
        }
    }

    /** The key algorithm as Sunbid names it: RSA, EC_P256 or SM2; anything else is refused. */
    public static KeyAlgorithm algorithmOf(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new InvalidCertificateException("RSA key shorter than 2048 bits");
            }
            return KeyAlgorithm.RSA;
        }
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())) {
            X962Parameters params = X962Parameters.getInstance(info.getAlgorithm().getParameters());
            if (params.isNamedCurve()) {
                Object curve = params.getParameters();
                if (SECObjectIdentifiers.secp256r1.equals(curve)) {
                    return KeyAlgorithm.EC_P256;
                }
                if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
                    return KeyAlgorithm.SM2;
                }
            }
            throw new InvalidCertificateException("unsupported elliptic curve");
        }
        if (key instanceof ECPublicKey) {
            throw new InvalidCertificateException("unsupported elliptic curve");
        }
        throw new InvalidCertificateException("unsupported key algorithm " + key.getAlgorithm());
    }

    /** Lower-case hex SHA-256 of the DER encoding: the certificate's identity in Sunbid. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return org.sunbid.signing.DigestAlgorithm.SHA256.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key algorithms Sunbid accepts in member certificates. */
    public enum KeyAlgorithm { RSA, EC_P256, SM2 }

    /** A certificate that cannot be accepted; the message is the reason. */
    public static final class InvalidCertificateException extends RuntimeException {
        public InvalidCertificateException(String reason) {
            super(reason);
        }
    }
}
