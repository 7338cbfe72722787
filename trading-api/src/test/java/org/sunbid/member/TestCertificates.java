package org.sunbid.member;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.support.TestCa;

/** Keys and certificates (issued by the test CA) made in the test with Bouncy Castle and the JDK, and signatures over challenges. */
final class TestCertificates {

    private TestCertificates() {
    }

    record Holder(KeyPair keys, X509Certificate certificate, String signatureAlgorithm) {

        String pem() {
            return Certificates.toPem(certificate);
        }

        String derBase64() throws Exception {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        }

        /** A raw signature (no CMS) over the UTF-8 bytes of {@code text}. */
        String signRaw(String text) throws Exception {
            return Base64.getEncoder().encodeToString(raw(keys.getPrivate(), signatureAlgorithm, text));
        }

        /** A detached CMS SignedData over the UTF-8 bytes of {@code text}, carrying this certificate. */
        String signCms(String text) throws Exception {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .build()).build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()),
                            certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            byte[] cms = generator.generate(new CMSProcessableByteArray(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    false).getEncoded();
            return Base64.getEncoder().encodeToString(cms);
        }
    }

    static byte[] raw(PrivateKey key, String algorithm, String text) throws Exception {
        Signature signer = Signature.getInstance(algorithm, Certificates.provider());
        signer.initSign(key);
        signer.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return signer.sign();
    }

    static Holder ecP256() throws Exception {
        return valid(keys("EC", new ECGenParameterSpec("secp256r1")), "SHA256withECDSA");
    }

    static Holder rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return valid(g.generateKeyPair(), "SHA256withRSA");
    }

    static Holder sm2() throws Exception {
        return valid(keys("EC", new ECGenParameterSpec("sm2p256v1")), "SM3withSM2");
    }

    static Holder ecP384() throws Exception {
        return valid(keys("EC", new ECGenParameterSpec("secp384r1")), "SHA384withECDSA");
    }

    static Holder valid(KeyPair keys, String algorithm) throws Exception {
        Instant now = Instant.now();
        return new Holder(keys, issued(keys, algorithm, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))),
                algorithm);
    }

    static Holder between(Instant notBefore, Instant notAfter) throws Exception {
        KeyPair keys = keys("EC", new ECGenParameterSpec("secp256r1"));
        return new Holder(keys, issued(keys, "SHA256withECDSA", notBefore, notAfter), "SHA256withECDSA");
    }

    private static KeyPair keys(String algorithm, ECGenParameterSpec spec) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, Certificates.provider());
        g.initialize(spec);
        return g.generateKeyPair();
    }

    /** Issued by the {@link TestCa} the test contexts trust (the platform refuses self-signed certificates). */
    static X509Certificate issued(KeyPair keys, String algorithm, Instant notBefore, Instant notAfter)
            throws Exception {
        X500Name name = new X500Name("CN=测试证书 " + algorithm + ",O=Sunbid Test,C=CN");
        X500Name issuer = X500Name.getInstance(TestCa.root().getSubjectX500Principal().getEncoded());
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Certificates.provider())
                .build(TestCa.key().privateKey());
        return new JcaX509CertificateConverter().setProvider(Certificates.provider()).getCertificate(builder.build(signer));
    }
}
