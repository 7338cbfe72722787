package org.sunbid.signing.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.keys.KeyPairs;

/**
 * Seals content to any number of recipient certificates as CMS, streaming: AuthEnvelopedData with AES-256-GCM (the
 * JDK's AES-NI cipher, fed in 64 KiB updates), or EnvelopedData with AES-256-CBC or SM4-CBC. Recipients get the
 * content key by RSA-OAEP (SHA-256) key transport, ECDH P-256 key agreement (SHA-256 KDF, AES-256 key wrap) or
 * SM2 encryption (GM/T 0010, DER SM2Cipher).
 */
public final class Sealer {

    /** GM/T 0010 sm2encrypt: the SM2 public-key encryption algorithm identifier. */
    public static final ASN1ObjectIdentifier SM2_ENCRYPT = new ASN1ObjectIdentifier("1.2.156.10197.1.301.3");

    private Sealer() {
    }

    public static void seal(InputStream content, OutputStream out, List<X509Certificate> recipients, ContentCipher cipher)
            throws IOException {
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient is required");
        }
        try {
            java.util.List<RecipientInfoGenerator> generators = new java.util.ArrayList<>();
            for (X509Certificate r : recipients) {
                generators.add(recipientInfo(r));
            }
            EnvelopeWriter.write(content, out, generators, cipher);
        } catch (CMSException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal: " + e.getMessage(), e);
        }
    }

    /** Seals a file; the output appears complete (temporary file, fsync, atomic move) or not at all. */
    public static void seal(Path content, Path sealed, List<X509Certificate> recipients, ContentCipher cipher) throws IOException {
        try (InputStream in = Files.newInputStream(content)) {
            Files2.writeAtomically(sealed, out -> seal(in, out, recipients, cipher));
        }
    }

    private static RecipientInfoGenerator recipientInfo(X509Certificate recipient) throws GeneralSecurityException {
        KeyAlgorithm algorithm = Certificates.algorithmOf(recipient);
        return switch (algorithm) {
            case RSA -> new JceKeyTransRecipientInfoGenerator(recipient, new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                    PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)));
            case EC_P256 -> {
                KeyPair ephemeral = KeyPairs.generate(KeyAlgorithm.EC_P256);
                yield new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
                        ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP).addRecipient(recipient)
                        .setProvider(Certificates.provider());
            }
            case SM2 -> new Sm2RecipientInfoGenerator(recipient);
        };
    }

    /** Key transport to an SM2 certificate, the wrapped key encoded as DER SM2Cipher. */
    private static final class Sm2RecipientInfoGenerator implements RecipientInfoGenerator {
        private final X509Certificate recipient;

        Sm2RecipientInfoGenerator(X509Certificate recipient) {
            this.recipient = recipient;
        }

        @Override
        public RecipientInfo generate(GenericKey contentEncryptionKey) throws CMSException {
            try {
                byte[] cek = contentEncryptionKey.getRepresentation() instanceof java.security.Key k ? k.getEncoded()
                        : (byte[]) contentEncryptionKey.getRepresentation();
                byte[] wrapped = Sm2Cipher.encrypt(recipient.getPublicKey(), cek);
                JcaX509CertificateHolder holder = new JcaX509CertificateHolder(recipient);
                RecipientIdentifier rid = new RecipientIdentifier(new IssuerAndSerialNumber(holder.toASN1Structure()));
                return new RecipientInfo(new KeyTransRecipientInfo(rid, new AlgorithmIdentifier(SM2_ENCRYPT),
                        new DEROctetString(wrapped)));
            } catch (Exception e) {
                throw new CMSException("cannot wrap the content key for an SM2 recipient", e);
            }
        }
    }
}
