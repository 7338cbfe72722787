package org.sunbid.signing.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;

/** Issues X.509 certificates for the kinds of keys Sunbid uses, each with the key usages its job needs. */
public final class CertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a certificate is for; decides its extensions. */
    public enum Profile {
        /** A certification authority: CA:true, keyCertSign, cRLSign. */
        CA,
        /** The platform's document signer (receipts, opening records, tree heads). */
        DOCUMENT_SIGNER,
        /** An RFC 3161 time-stamping authority: critical EKU timeStamping only. */
        TIME_STAMPING,
        /** A member or custodian: signs, and receives sealed files (key transport or key agreement). */
        MEMBER
    }

    private CertificateIssuer() {
    }

    /** A self-signed CA. */
    public static SigningKey selfSignedCa(String subject, KeyAlgorithm algorithm, Duration validity) {
        KeyPair pair = KeyPairs.generate(algorithm);
        X509Certificate cert = build(name(subject), pair.getPublic(), name(subject), pair, null, algorithm,
                Profile.CA, validity);
        return new SigningKey(pair.getPrivate(), List.of(cert));
    }

    /** A self-signed end-entity (member) certificate, for users without a CA. */
    public static SigningKey selfSigned(String subject, KeyAlgorithm algorithm, Duration validity) {
        KeyPair pair = KeyPairs.generate(algorithm);
        X509Certificate cert = build(name(subject), pair.getPublic(), name(subject), pair, null, algorithm,
                Profile.MEMBER, validity);
        return new SigningKey(pair.getPrivate(), List.of(cert));
    }

    /** A fresh key pair of {@code algorithm} with a certificate for {@code subject} issued by {@code issuer}. */
    public static SigningKey issue(SigningKey issuer, String subject, KeyAlgorithm algorithm, Profile profile, Duration validity) {
        KeyPair pair = KeyPairs.generate(algorithm);
        return new SigningKey(pair.getPrivate(), chain(certify(issuer, subject, pair.getPublic(), profile, validity), issuer));
    }

    /** A certificate for someone else's public key. */
    public static X509Certificate certify(SigningKey issuer, String subject, PublicKey publicKey, Profile profile, Duration validity) {
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return build(name(subject), publicKey, issuerName, new KeyPair(issuer.certificate().getPublicKey(), issuer.privateKey()),
                issuer.certificate(), issuer.algorithm(), profile, validity);
    }

    /**
     * A certificate for the holder of a PKCS#10 request (PEM or DER, as {@code openssl req -new} writes it): the
     * request's own signature must verify (the requester holds the private key); subject and public key are taken from
     * it, extensions are the profile's, not the request's.
     *
     * @throws IllegalArgumentException when the bytes are not a request or its signature does not verify
     */
    public static X509Certificate certifyRequest(SigningKey issuer, byte[] request, Profile profile, Duration validity) {
        org.bouncycastle.pkcs.PKCS10CertificationRequest csr;
        try {
            String text = new String(request, java.nio.charset.StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                try (var pem = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(text))) {
                    Object o = pem.readObject();
                    if (!(o instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest r)) {
                        throw new IllegalArgumentException("not a certificate signing request");
                    }
                    csr = r;
                }
            } else {
                csr = new org.bouncycastle.pkcs.PKCS10CertificationRequest(request);
            }
            if (!csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .setProvider(Certificates.provider()).build(csr.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException("the request's signature does not verify");
            }
            PublicKey key = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(csr)
                    .setProvider(Certificates.provider()).getPublicKey();
            X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            return build(csr.getSubject(), key, issuerName, new KeyPair(issuer.certificate().getPublicKey(),
                    issuer.privateKey()), issuer.certificate(), issuer.algorithm(), profile, validity);
        } catch (IOException | GeneralSecurityException | OperatorCreationException
                | org.bouncycastle.pkcs.PKCSException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("not a valid certificate signing request: " + e.getMessage(), e);
        }
    }

    /** Parses an RFC 4514 name the way openssl and the JDK do (the rightmost RDN is the first in the encoding). */
    static X500Name name(String subject) {
        try {
            return X500Name.getInstance(new javax.security.auth.x500.X500Principal(subject).getEncoded());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a distinguished name: " + subject, e);
        }
    }

    private static List<X509Certificate> chain(X509Certificate leaf, SigningKey issuer) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(issuer.chain());
        return chain;
    }

    private static X509Certificate build(X500Name subject, PublicKey publicKey, X500Name issuerName, KeyPair issuerPair,
            X509Certificate issuerCert, KeyAlgorithm issuerAlgorithm, Profile profile, Duration validity) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)), subject, publicKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
            } else {
                b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(publicKey));
            }
            switch (profile) {
                case CA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case DOCUMENT_SIGNER -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                }
                case TIME_STAMPING -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                case MEMBER -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    boolean rsa = "RSA".equals(publicKey.getAlgorithm());
                    int usage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation
                            | (rsa ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement | KeyUsage.keyEncipherment);
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                }
            }
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(issuerAlgorithm));
            if (issuerAlgorithm != KeyAlgorithm.RSA) {
                signer.setProvider(Certificates.provider());
            }
            return new JcaX509CertificateConverter().setProvider(Certificates.provider())
                    .getCertificate(b.build(signer.build(issuerPair.getPrivate())));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue certificate for " + subject, e);
        }
    }
}
