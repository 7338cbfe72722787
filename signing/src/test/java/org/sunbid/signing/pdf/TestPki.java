package org.sunbid.signing.pdf;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** A tiny PKI for tests: a root CA, an end-entity signer and a time-stamp authority. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    final KeyPair rootKey;
    final X509Certificate root;
    X509Certificate lastTsaCertificate;

    TestPki() throws Exception {
        rootKey = ec();
        root = certificate("CN=Sunbid Test Root,O=Sunbid", rootKey, "CN=Sunbid Test Root,O=Sunbid", rootKey, true, null,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650)));
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    org.sunbid.signing.keys.SigningKey signer(String subject) throws Exception {
        KeyPair key = ec();
        X509Certificate cert = certificate(subject, key, "CN=Sunbid Test Root,O=Sunbid", rootKey, false, null,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
        return new org.sunbid.signing.keys.SigningKey(key.getPrivate(), List.of(cert, root));
    }

    /** A TSA whose tokens carry its certificate (EKU timeStamping, critical). */
    TimestampSource tsa() throws Exception {
        KeyPair key = ec();
        X509Certificate cert = certificate("CN=Sunbid Test TSA,O=Sunbid", key, "CN=Sunbid Test Root,O=Sunbid", rootKey,
                false, KeyPurposeId.id_kp_timeStamping, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
        lastTsaCertificate = cert;
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", key.getPrivate(), cert),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.2.156.112559.1.1"));
        generator.addCertificates(new JcaCertStore(List.of(cert, root)));
        return digest -> {
            try {
                var request = new TimeStampRequestGenerator();
                request.setCertReq(true);
                return generator.generate(request.generate(TSPAlgorithms.SHA256, digest),
                        BigInteger.valueOf(SERIAL.incrementAndGet()), new Date()).getEncoded();
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
        };
    }

    static X509Certificate certificate(String subject, KeyPair key, String issuer, KeyPair issuerKey, boolean ca,
            KeyPurposeId eku, Instant from, Instant to) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), new X500Name(subject),
                key.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (eku != null) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(eku));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }

    static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
